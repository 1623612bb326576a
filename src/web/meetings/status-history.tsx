import { MEETING_STATUS_LABELS } from '../../domain/meetings/meeting-status.ts';
import { formatDateTime } from '../components/format.ts';
import { formatSpan, zoneLabel } from './meeting-format.ts';
import type { MeetingHistoryEntry } from './meeting-types.ts';

/** What a history entry did to the date: set it, moved it (from → to), or left it open. */
function dateChange(entry: MeetingHistoryEntry, before: MeetingHistoryEntry | undefined) {
  if (entry.startsAt === null || entry.endsAt === null) return 'New date to be fixed';
  const span = `${formatSpan(entry.startsAt, entry.endsAt, entry.timeZone)} (${zoneLabel(entry.timeZone)} time)`;
  if (!before) return `Set for ${span}`;
  if (before.startsAt === entry.startsAt && before.endsAt === entry.endsAt) return null;
  if (before.startsAt === null || before.endsAt === null) return `Date fixed: ${span}`;
  return (
    <>
      Moved from <del>{formatSpan(before.startsAt, before.endsAt, before.timeZone)}</del> to {span}
    </>
  );
}

/** The status history as a timeline, oldest first: every status with the date it had then. */
export function StatusHistory({ history }: { history: MeetingHistoryEntry[] }) {
  return (
    <ol className="status-timeline">
      {history.map((h, i) => {
        const change = dateChange(h, history[i - 1]);
        return (
          <li key={h.id} className={`status-step meeting-step-${h.status}`}>
            <span className="status-dot" aria-hidden="true" />
            <div>
              <p className="status-step-head">
                <strong>
                  {i === 0
                    ? `Scheduled as ${MEETING_STATUS_LABELS[h.status].toLowerCase()}`
                    : MEETING_STATUS_LABELS[h.status]}
                </strong>{' '}
                <span className="muted">
                  <time dateTime={h.changedAt}>{formatDateTime(h.changedAt)}</time>, {h.changedBy.name}
                </span>
              </p>
              {change && <p className="status-step-date">{change}</p>}
              {h.note !== '' && <p className="status-step-note">{h.note}</p>}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
