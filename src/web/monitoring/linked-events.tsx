import { Link } from 'wouter';
import { formatDateTime } from '../components/format.ts';
import type { EventStatus, LinkedEvent } from './monitoring-types.ts';

const EVENT_STATUS_LABELS: Record<EventStatus, string> = {
  received: 'Received',
  under_investigation: 'Under investigation',
  verified: 'Verified',
  unverified: 'Unverified',
  dismissed: 'Dismissed',
};

/** The event reports linked to the commitment that the reader may read, each opening its page. */
export function LinkedEvents({ processId, events }: { processId: string; events: readonly LinkedEvent[] }) {
  if (events.length === 0)
    return (
      <p className="empty">
        No event report is linked. Reports are linked from the{' '}
        <Link href={`/processes/${processId}/events`}>event reports</Link> page; verified ones can move
        progress.
      </p>
    );
  return (
    <ul className="linked-events">
      {[...events]
        .sort((a, b) => b.occurredAt.localeCompare(a.occurredAt))
        .map((e) => (
          <li key={e.id}>
            <Link href={`/processes/${processId}/events/${e.id}`}>
              {e.eventType}
              {e.subEventType ? ` · ${e.subEventType}` : ''}
            </Link>
            <span className={`event-status event-status-${e.status}`}>{EVENT_STATUS_LABELS[e.status]}</span>
            <span className="muted">
              {' '}
              {formatDateTime(e.occurredAt)}
              {e.placeName === '' ? '' : ` · ${e.placeName}`}
            </span>
          </li>
        ))}
    </ul>
  );
}
