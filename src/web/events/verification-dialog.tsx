import { useState } from 'react';
import { api } from '../api/client.ts';
import type { Party } from '../api/types.ts';
import { Dialog } from '../components/dialog.tsx';
import { FormButtons } from '../components/form-buttons.tsx';
import { InlineError } from '../components/status.tsx';
import { useFormSubmit } from '../components/use-form-submit.ts';
import { EVENT_STATUS_ACTIONS, EVENT_STATUS_EXPLAIN, EVENT_STATUS_LABELS } from './event-format.ts';
import type { EventReport, EventStatus } from './event-types.ts';

/** Statuses that say who was responsible: a verified event, or one the mission could not confirm. */
const ATTRIBUTES: ReadonlySet<EventStatus> = new Set(['verified', 'unverified']);

/** Moves a report along the verification workflow, with the party it is attributed to and a note. */
export function VerificationDialog({
  processId,
  report,
  status,
  parties,
  onClose,
  onChanged,
}: {
  processId: string;
  report: EventReport;
  status: EventStatus;
  parties: readonly Party[];
  onClose: () => void;
  onChanged: () => void;
}) {
  const [partyId, setPartyId] = useState(report.attributedParty?.id ?? '');
  const [note, setNote] = useState('');
  const attributes = ATTRIBUTES.has(status);
  const form = useFormSubmit(
    () =>
      api.post(`/processes/${processId}/event-reports/${report.id}/status`, {
        status,
        ...(attributes && partyId !== '' ? { attributedPartyId: partyId } : {}),
        note: note.trim(),
      }),
    onChanged,
    'The status could not be changed. Try again.',
  );
  return (
    <Dialog title={`${EVENT_STATUS_ACTIONS[status]}: ${report.eventType}`} onClose={onClose}>
      <form onSubmit={form.onSubmit} className="event-form" aria-label={EVENT_STATUS_ACTIONS[status]}>
        <p>
          From <strong>{EVENT_STATUS_LABELS[report.status]}</strong> to{' '}
          <strong>{EVENT_STATUS_LABELS[status]}</strong>: {EVENT_STATUS_EXPLAIN[status]}
        </p>
        <InlineError message={form.fieldError('status')} />
        {attributes && (
          <label className="field">
            <span className="field-label">Attributed to</span>
            <select value={partyId} onChange={(e) => setPartyId(e.target.value)}>
              <option value="">No party (not attributed)</option>
              {parties
                .filter((p) => p.kind !== 'mediator')
                .map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
            </select>
            <span className="hint">
              {status === 'verified'
                ? 'The party responsible, as the mission found. Once verified, this cannot change.'
                : 'The party the report blamed, if any; kept for when the report is reopened.'}
            </span>
            <InlineError message={form.fieldError('attributedPartyId')} />
          </label>
        )}
        <label className="field">
          <span className="field-label">Note for the history</span>
          <textarea
            value={note}
            rows={3}
            maxLength={5000}
            placeholder={
              status === 'dismissed'
                ? 'Why the report is dismissed (duplicate, unfounded, …)'
                : 'What was checked, and how'
            }
            onChange={(e) => setNote(e.target.value)}
          />
          <InlineError message={form.fieldError('note')} />
        </label>
        <InlineError message={form.general} />
        <FormButtons
          busy={form.busy}
          label={EVENT_STATUS_ACTIONS[status]}
          busyLabel="Saving…"
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}
