import { formatDateTime } from '../components/format.ts';
import { EVENT_STATUS_LABELS } from './event-format.ts';
import type { EventHistoryEntry } from './event-types.ts';

/** The verification history as a timeline, oldest first: each status, its attribution and note. */
export function EventHistory({ history }: { history: readonly EventHistoryEntry[] }) {
  if (history.length === 0) return <p className="empty">No status changes yet.</p>;
  return (
    <ol className="status-timeline event-timeline">
      {history.map((h, i) => {
        const attributed = h.attributedParty?.name;
        return (
          <li key={h.id} className={`status-step event-step-${h.status}`}>
            <span className="status-dot" aria-hidden="true" />
            <div>
              <p className="status-step-head">
                <strong>
                  {i === 0
                    ? `Filed as ${EVENT_STATUS_LABELS[h.status].toLowerCase()}`
                    : EVENT_STATUS_LABELS[h.status]}
                </strong>{' '}
                <span className="muted">
                  <time dateTime={h.changedAt}>{formatDateTime(h.changedAt)}</time>
                  {h.changedBy ? `, ${h.changedBy.name}` : ''}
                </span>
              </p>
              {attributed !== undefined && <p className="status-step-date">Attributed to {attributed}</p>}
              {h.note !== '' && <p className="status-step-note">{h.note}</p>}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
