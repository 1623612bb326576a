import { type FormEvent, useState } from 'react';
import { errorMessage } from '../api/api-error.ts';
import type { PartyNote } from '../api/types.ts';
import { FormButtons } from '../components/form-buttons.tsx';
import { formatDateTime } from '../components/format.ts';
import { InlineError } from '../components/status.tsx';
import { PartySwatch } from '../process/party-swatch.tsx';
import type { PartyNotes } from './use-party-notes.ts';

interface Props {
  pointId: string;
  pointNumber: string;
  notes: PartyNote[];
  actions: PartyNotes;
  /** The reader's own party: its notes can be edited (if `canWrite`), others' are read-only. */
  ownPartyId: string | undefined;
  canWrite: boolean;
  /** The mediator team cannot share with itself: no sharing switch for them. */
  canShare: boolean;
}

/** The private notes under one point: the reader's party's own, and those shared with the mediator. */
export function PartyNotesPanel({
  pointId,
  pointNumber,
  notes,
  actions,
  ownPartyId,
  canWrite,
  canShare,
}: Props) {
  const [adding, setAdding] = useState(false);
  if (notes.length === 0 && !canWrite) return null;
  return (
    <aside
      className={notes.length === 0 && !adding ? 'party-notes empty-notes' : 'party-notes'}
      aria-label={`Private notes on point ${pointNumber}`}
    >
      {notes.length > 0 && (
        <div className="party-notes-head">
          {canShare
            ? 'Private notes of your party · the mediator reads only those you share'
            : 'Private notes · your team’s, and those parties share with you'}
        </div>
      )}
      {notes.map((n) => (
        <NoteItem
          key={n.id}
          note={n}
          actions={actions}
          editable={canWrite && n.party.id === ownPartyId}
          canShare={canShare}
        />
      ))}
      {canWrite &&
        (adding ? (
          <NoteForm
            label={`New private note on point ${pointNumber}`}
            canShare={canShare}
            onCancel={() => setAdding(false)}
            onSave={async (body, shared) => {
              await actions.add(pointId, body, shared);
              setAdding(false);
            }}
          />
        ) : (
          <button type="button" className="button button-small button-quiet" onClick={() => setAdding(true)}>
            Add a private note
          </button>
        ))}
    </aside>
  );
}

function NoteItem({
  note,
  actions,
  editable,
  canShare,
}: {
  note: PartyNote;
  actions: PartyNotes;
  editable: boolean;
  canShare: boolean;
}) {
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const run = (p: Promise<void>) => p.catch((err: unknown) => setError(errorMessage(err)));
  if (editing) {
    return (
      <NoteForm
        label="Edit note"
        initial={note.body}
        initialShared={note.sharedWithMediator}
        canShare={canShare}
        onCancel={() => setEditing(false)}
        onSave={async (body, shared) => {
          await actions.change(note.id, { body, sharedWithMediator: shared });
          setEditing(false);
        }}
      />
    );
  }
  return (
    <div className="party-note">
      <p>{note.body}</p>
      <div className="party-note-meta">
        <PartySwatch colour={note.party.colour} /> {note.party.code} · {note.author.name} ·{' '}
        {formatDateTime(note.updatedAt)}
        {note.sharedWithMediator ? ' · shared with the mediator' : ' · not shared'}
        {editable && (
          <>
            {' · '}
            <button type="button" className="link-button" onClick={() => setEditing(true)}>
              Edit
            </button>
            {canShare && (
              <>
                {' · '}
                <button
                  type="button"
                  className="link-button"
                  onClick={() =>
                    void run(actions.change(note.id, { sharedWithMediator: !note.sharedWithMediator }))
                  }
                >
                  {note.sharedWithMediator ? 'Stop sharing' : 'Share with the mediator'}
                </button>
              </>
            )}
            {' · '}
            <button type="button" className="link-button" onClick={() => void run(actions.remove(note.id))}>
              Delete
            </button>
          </>
        )}
      </div>
      <InlineError message={error} />
    </div>
  );
}

function NoteForm({
  label,
  initial = '',
  initialShared = false,
  canShare,
  onSave,
  onCancel,
}: {
  label: string;
  initial?: string;
  initialShared?: boolean;
  canShare: boolean;
  onSave: (body: string, shared: boolean) => Promise<void>;
  onCancel: () => void;
}) {
  const [body, setBody] = useState(initial);
  const [shared, setShared] = useState(initialShared);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await onSave(body.trim(), shared);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }
  return (
    <form className="note-form" onSubmit={(e) => void submit(e)} aria-label={label}>
      <label className="field">
        <span className="field-label">{label}</span>
        <textarea
          value={body}
          rows={3}
          maxLength={10_000}
          required
          autoFocus
          onChange={(e) => setBody(e.target.value)}
        />
      </label>
      {canShare && (
        <label className="choice">
          <input type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} /> Share with
          the mediator
        </label>
      )}
      <InlineError message={error} />
      <FormButtons
        busy={busy}
        label="Save note"
        busyLabel="Saving…"
        onCancel={onCancel}
        disabled={body.trim() === ''}
        small
      />
    </form>
  );
}
