import type { Selectable } from 'kysely';
import type { MeetingStatusHistoryTable } from '../schema.ts';
import type { Tx } from '../transaction.ts';

/**
 * One status a meeting entered, with the time it had from then on. A postponement whose new date
 * is still to be fixed is stored with empty `starts_at`/`ends_at`: the date it is moved to is not
 * known, and the earlier row keeps the date it had.
 */
export type MeetingHistoryRow = Selectable<MeetingStatusHistoryTable>;

export async function insertHistory(tx: Tx, row: MeetingHistoryRow): Promise<void> {
  await tx.insertInto('meeting_status_history').values(row).execute();
}

/** The history of some meetings, oldest first, with who made each change. */
export async function listHistory(tx: Tx, meetingIds: readonly string[]) {
  if (meetingIds.length === 0) return [];
  return tx
    .selectFrom('meeting_status_history as h')
    .innerJoin('users as u', 'u.id', 'h.changed_by')
    .selectAll('h')
    .select('u.name as changed_by_name')
    .where('h.meeting_id', 'in', meetingIds)
    .orderBy('h.meeting_id')
    .orderBy('h.changed_at')
    .orderBy('h.id')
    .execute();
}
