import { EVENT_STATUS_LABELS } from './event-format.ts';
import type { EventStatus } from './event-types.ts';

/** An event report's verification status as a coloured label (the word carries the meaning). */
export function EventStatusBadge({ status }: { status: EventStatus }) {
  return <span className={`event-status event-status-${status}`}>{EVENT_STATUS_LABELS[status]}</span>;
}
