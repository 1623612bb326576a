import { useState } from 'react';
import type { DraftOp } from '../../domain/plans/edit/draft-op.schema.ts';
import type { PlanNote } from '../../domain/plans/plan.ts';
import { PlanNoteView } from '../components/plan-note.tsx';
import { InlineError } from '../components/status.tsx';
import type { EditOutcome } from './use-draft.ts';
import { validateOp } from './validate-op.ts';

interface Props {
  note: PlanNote;
  send: (op: DraftOp) => Promise<EditOutcome>;
}

/** A note between points in the working draft: read as a muted aside, edited or deleted in place. */
export function NoteCard({ note, send }: Props) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(note.text);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const live = validateOp({ type: 'updateNote', noteId: note.id, text }).text;

  async function run(op: DraftOp): Promise<boolean> {
    setBusy(true);
    setError(undefined);
    const outcome = await send(op);
    setBusy(false);
    if (!outcome.ok && 'error' in outcome)
      setError(outcome.error.fieldReason('text') ?? outcome.error.detail);
    return outcome.ok;
  }

  if (editing) {
    return (
      <form
        className="plan-note plan-note-form"
        aria-label="Edit note"
        onSubmit={(e) => {
          e.preventDefault();
          if (live !== undefined) return;
          if (text === note.text) return setEditing(false);
          void run({ type: 'updateNote', noteId: note.id, text }).then((ok) => ok && setEditing(false));
        }}
      >
        <label className="field">
          <span className="field-label">Note</span>
          <textarea
            className="point-text-input"
            rows={3}
            value={text}
            autoFocus
            aria-invalid={live !== undefined}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => e.key === 'Escape' && setEditing(false)}
          />
        </label>
        <InlineError message={text === note.text ? error : (live ?? error)} />
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={busy || live !== undefined}>
            {busy ? 'Saving…' : 'Save note'}
          </button>
          <button type="button" className="button button-quiet" onClick={() => setEditing(false)}>
            Cancel
          </button>
        </div>
      </form>
    );
  }

  const tools = (
    <div className="plan-note-tools">
      <button
        type="button"
        className="tool"
        onClick={() => {
          setText(note.text);
          setEditing(true);
        }}
      >
        Edit note
      </button>
      <button type="button" className="tool tool-danger" disabled={busy} onClick={() => setConfirming(true)}>
        Delete note
      </button>
      {confirming && (
        <div className="confirm" role="alertdialog" aria-label="Delete this note?">
          <p>Delete this note? Earlier versions keep it; the working draft loses it.</p>
          <button
            type="button"
            className="button button-danger"
            autoFocus
            onClick={() => {
              setConfirming(false);
              void run({ type: 'deleteNote', noteId: note.id });
            }}
          >
            Delete note
          </button>
          <button type="button" className="button button-quiet" onClick={() => setConfirming(false)}>
            Keep it
          </button>
        </div>
      )}
      <InlineError message={error} />
    </div>
  );
  return <PlanNoteView note={note} tools={tools} />;
}
