import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { errorMessage } from '../api/api-error.ts';
import { FormButtons } from '../components/form-buttons.tsx';
import { InlineError } from '../components/status.tsx';

interface Props {
  label: string;
  submitLabel: string;
  initial?: string;
  /** Extra fields between the text and the buttons (who may read a new thread). */
  children?: ReactNode;
  onSave: (body: string) => Promise<void>;
  onCancel: () => void;
}

/** A comment's text with save and cancel; Ctrl/Cmd+Enter saves, Esc cancels. */
export function CommentForm({ label, submitLabel, initial = '', children, onSave, onCancel }: Props) {
  const [body, setBody] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const id = useId();
  async function submit(e?: FormEvent) {
    e?.preventDefault();
    if (body.trim() === '' || busy) return;
    setBusy(true);
    setError(undefined);
    try {
      await onSave(body.trim());
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }
  return (
    <form
      className="comment-form"
      aria-label={label}
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          void submit();
        }
      }}
    >
      <label className="field-label" htmlFor={`${id}-body`}>
        {label}
      </label>
      <textarea
        id={`${id}-body`}
        value={body}
        rows={3}
        maxLength={10_000}
        required
        autoFocus
        onChange={(e) => setBody(e.target.value)}
      />
      {children}
      <InlineError message={error} />
      <FormButtons
        busy={busy}
        label={submitLabel}
        busyLabel="Saving…"
        onCancel={onCancel}
        disabled={body.trim() === ''}
        small
      />
    </form>
  );
}
