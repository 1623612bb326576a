import { type FormEvent, useState } from 'react';
import { errorMessage } from '../api/api-error.ts';
import { Dialog } from '../components/dialog.tsx';
import { InlineError } from '../components/status.tsx';
import type { Amendment } from './amendment-types.ts';
import type { AmendmentActions } from './use-amendments.ts';

/** Rewrites a draft amendment of the reader's party: its text (unless a deletion) and rationale. */
export function EditDialog({
  amendment: a,
  actions,
  onClose,
}: {
  amendment: Amendment;
  actions: AmendmentActions;
  onClose: () => void;
}) {
  const [text, setText] = useState(a.text);
  const [rationale, setRationale] = useState(a.rationale);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await actions.edit(a.id, {
        ...(a.kind === 'delete' ? {} : { text: text.trim() }),
        rationale: rationale.trim(),
        revision: a.revision,
      });
      onClose();
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  const where = a.point.number === null ? '' : ` on point ${a.point.number}`;
  return (
    <Dialog title={`Edit draft amendment${where}`} onClose={onClose} size="large">
      <form className="stack" onSubmit={(e) => void submit(e)}>
        {a.kind !== 'delete' && (
          <label className="field">
            <span className="field-label">Your text for the point</span>
            <textarea
              value={text}
              rows={7}
              maxLength={8000}
              required
              onChange={(e) => setText(e.target.value)}
            />
          </label>
        )}
        <label className="field">
          <span className="field-label">Rationale</span>
          <textarea
            value={rationale}
            rows={3}
            maxLength={8000}
            onChange={(e) => setRationale(e.target.value)}
          />
        </label>
        <InlineError message={error} />
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Saving…' : 'Save draft'}
          </button>
          <button type="button" className="button button-quiet" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
