import { useState } from 'react';
import { MEETING_STATUS_LABELS } from '../../domain/meetings/meeting-status.ts';
import { api } from '../api/client.ts';
import { Dialog } from '../components/dialog.tsx';
import { FormButtons } from '../components/form-buttons.tsx';
import { InlineError } from '../components/status.tsx';
import { useFormSubmit } from '../components/use-form-submit.ts';
import type { Meeting, MeetingStatus } from './meeting-types.ts';
import { TimeRangeFields } from './time-range-fields.tsx';

const EXPLAIN: Record<MeetingStatus, string> = {
  planned: 'Pencilled in; calendars show it as tentative.',
  confirmed: 'All sides have confirmed; calendars show it as confirmed.',
  held: 'It took place. This is final: add the outcome notes by editing the meeting.',
  postponed: 'Moved to a later date, or to a date still to be fixed. The old date stays in the history.',
  on_hold: 'Suspended for now, with no new date.',
  cancelled: 'It will not take place. This is final; calendars remove it.',
};

/** Moves a meeting to another status, with the new date when it is postponed or fixed again. */
export function StatusDialog({
  processId,
  meeting,
  onClose,
  onChanged,
}: {
  processId: string;
  meeting: Meeting;
  onClose: () => void;
  onChanged: (meeting: Meeting) => void;
}) {
  // A meeting is recorded as held only once it has started (the server says so too).
  const offered = meeting.nextStatuses.filter(
    (s) => s !== 'held' || Date.parse(meeting.startsAt) <= Date.now(),
  );
  const [status, setStatus] = useState<MeetingStatus | null>(offered[0] ?? null);
  const [toBeFixed, setToBeFixed] = useState(false);
  const [startsAt, setStartsAt] = useState(meeting.localStartsAt);
  const [endsAt, setEndsAt] = useState(meeting.localEndsAt);
  const [note, setNote] = useState('');
  const moving = status === 'postponed' && !toBeFixed;
  const fixing = (status === 'planned' || status === 'confirmed') && meeting.dateToBeFixed;
  const withTime = moving || fixing;
  const form = useFormSubmit(
    () =>
      api.post<{ meeting: Meeting }>(`/processes/${processId}/meetings/${meeting.id}/status`, {
        status,
        ...(withTime ? { startsAt, endsAt } : {}),
        ...(status === 'postponed' && toBeFixed ? { toBeFixed: true } : {}),
        note: note.trim(),
      }),
    (r) => onChanged(r.meeting),
    'The status could not be changed. Try again.',
  );
  return (
    <Dialog title={`Change the status of “${meeting.title}”`} onClose={onClose}>
      <form onSubmit={form.onSubmit} aria-label="Change status" className="meeting-form">
        <fieldset className="field">
          <legend className="field-label">New status</legend>
          <ul className="choice-list">
            {offered.map((s) => (
              <li key={s}>
                <label className="choice">
                  <input type="radio" name="status" checked={status === s} onChange={() => setStatus(s)} />
                  <strong>{MEETING_STATUS_LABELS[s]}</strong> <span className="muted">— {EXPLAIN[s]}</span>
                </label>
              </li>
            ))}
          </ul>
          <InlineError message={form.fieldError('body.status')} />
        </fieldset>
        {status === 'postponed' && (
          <label className="choice">
            <input type="checkbox" checked={toBeFixed} onChange={(e) => setToBeFixed(e.target.checked)} /> The
            new date is still to be fixed
          </label>
        )}
        {withTime && (
          <TimeRangeFields
            startLabel={`New start (${meeting.timeZone})`}
            endLabel="New end"
            startsAt={startsAt}
            endsAt={endsAt}
            onStartsAt={setStartsAt}
            onEndsAt={setEndsAt}
            fieldError={form.fieldError}
          />
        )}
        <InlineError message={form.fieldError('body.toBeFixed')} />
        <label className="field">
          <span className="field-label">Note for the history (optional)</span>
          <textarea value={note} rows={2} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
        </label>
        <InlineError message={form.general} />
        <FormButtons
          busy={form.busy || status === null}
          label={status ? `Mark as ${MEETING_STATUS_LABELS[status].toLowerCase()}` : 'Choose a status'}
          busyLabel="Saving…"
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}
