import { type FormEvent, useState } from 'react';
import { Dialog } from '../components/dialog.tsx';
import { FormButtons } from '../components/form-buttons.tsx';
import { InlineError } from '../components/status.tsx';
import type { Amendment } from './amendment-types.ts';
import { TextField, useDialogSend } from './dialog-parts.tsx';
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
  const { busy, error, send } = useDialogSend(onClose);

  const submit = (e: FormEvent) =>
    send(e, () =>
      actions.edit(a.id, {
        ...(a.kind === 'delete' ? {} : { text: text.trim() }),
        rationale: rationale.trim(),
        revision: a.revision,
      }),
    );

  const where = a.point.number === null ? '' : ` on point ${a.point.number}`;
  return (
    <Dialog title={`Edit draft amendment${where}`} onClose={onClose} size="large">
      <form className="stack" onSubmit={(e) => void submit(e)}>
        {a.kind !== 'delete' && (
          <TextField label="Your text for the point" value={text} onChange={setText} rows={7} required />
        )}
        <TextField label="Rationale" value={rationale} onChange={setRationale} rows={3} />
        <InlineError message={error} />
        <FormButtons busy={busy} label="Save draft" busyLabel="Saving…" onCancel={onClose} />
      </form>
    </Dialog>
  );
}
