import { MEETING_STATUS_LABELS } from '../../domain/meetings/meeting-status.ts';
import type { MeetingStatus } from './meeting-types.ts';

/** A meeting's status as a coloured label (the word carries the meaning; the colour only helps). */
export function StatusBadge({ status, toBeFixed = false }: { status: MeetingStatus; toBeFixed?: boolean }) {
  return (
    <span className={`meeting-status meeting-status-${status}`}>
      {MEETING_STATUS_LABELS[status]}
      {toBeFixed && ' · date to be fixed'}
    </span>
  );
}
