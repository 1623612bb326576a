import { useState } from 'react';
import { api } from '../api/client.ts';
import type { ConsultationLog, ReleaseRecord } from '../api/types.ts';
import { Dialog } from '../components/dialog.tsx';
import { FormButtons } from '../components/form-buttons.tsx';
import { InlineError } from '../components/status.tsx';
import { useFormSubmit } from '../components/use-form-submit.ts';
import { PartySwatch } from '../process/party-swatch.tsx';

interface Props {
  planId: string;
  version: { id: string; label: string };
  parties: ConsultationLog['parties'];
  /** Parties that already hold the version: shown, not offered again. */
  holders: ReadonlySet<string>;
  onClose: () => void;
  onReleased: (releases: ReleaseRecord[]) => void;
}

/** Releases one version to the parties the mediator ticks, with the channel and a note. */
export function ReleaseDialog({ planId, version, parties, holders, onClose, onReleased }: Props) {
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [channel, setChannel] = useState('');
  const [note, setNote] = useState('');
  const form = useFormSubmit(
    () =>
      api.post<{ releases: ReleaseRecord[] }>(`/plans/${planId}/versions/${version.id}/releases`, {
        partyIds: [...chosen],
        ...(channel.trim() === '' ? {} : { channel: channel.trim() }),
        ...(note.trim() === '' ? {} : { note: note.trim() }),
      }),
    (result) => onReleased(result.releases),
    'The release could not be recorded. Try again.',
  );
  const toggle = (id: string) =>
    setChosen((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <Dialog title={`Release ${version.label}`} onClose={onClose}>
      <form onSubmit={form.onSubmit} aria-label={`Release ${version.label}`}>
        <p className="muted">
          Members of the parties you tick can read {version.label} from now on. A release cannot be taken
          back: the consultation log keeps it.
        </p>
        <fieldset className="field">
          <legend className="field-label">To</legend>
          <ul className="choice-list">
            {parties.map((p, i) => {
              const holds = holders.has(p.id);
              return (
                <li key={p.id}>
                  <label className={holds ? 'choice muted' : 'choice'}>
                    <input
                      type="checkbox"
                      checked={holds || chosen.has(p.id)}
                      disabled={holds}
                      onChange={() => toggle(p.id)}
                    />
                    <PartySwatch colour={p.colour} /> {p.name}
                    {holds && <span> · holds it already</span>}
                  </label>
                  <InlineError message={form.fieldError(`body.partyIds.${[...chosen].indexOf(p.id)}`)} />
                  {i === 0 && <InlineError message={form.fieldError('body.partyIds')} />}
                </li>
              );
            })}
          </ul>
        </fieldset>
        <label className="field">
          <span className="field-label">Meeting or channel (optional)</span>
          <input
            value={channel}
            maxLength={300}
            placeholder="Second round, Geneva · secure e-mail"
            onChange={(e) => setChannel(e.target.value)}
          />
          <InlineError message={form.fieldError('body.channel')} />
        </label>
        <label className="field">
          <span className="field-label">Note (optional)</span>
          <textarea value={note} rows={2} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
          <InlineError message={form.fieldError('body.note')} />
        </label>
        <InlineError message={form.general} />
        <FormButtons
          busy={form.busy || chosen.size === 0}
          label={
            chosen.size === 0
              ? 'Tick a party'
              : `Release to ${chosen.size === 1 ? '1 party' : `${chosen.size} parties`}`
          }
          busyLabel={chosen.size === 0 ? 'Tick a party' : 'Releasing…'}
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}
