import type { Selectable } from 'kysely';
import type { CalendarFeedTable } from '../schema.ts';
import type { Tx } from '../transaction.ts';

export type CalendarFeedRow = Selectable<CalendarFeedTable>;

export async function insertCalendarFeed(tx: Tx, row: CalendarFeedRow): Promise<void> {
  await tx.insertInto('calendar_feeds').values(row).execute();
}

/** A feed that still works, by the SHA-256 of its secret, with its owner's account state. */
export async function findLiveFeedByHash(tx: Tx, tokenHash: string) {
  return tx
    .selectFrom('calendar_feeds as f')
    .innerJoin('users as u', 'u.id', 'f.user_id')
    .selectAll('f')
    .select(['u.email', 'u.name as user_name', 'u.is_admin', 'u.disabled_at'])
    .where('f.token_hash', '=', tokenHash)
    .where('f.revoked_at', 'is', null)
    .executeTakeFirst();
}

/** The user's working feed of a process, if any. */
export async function findLiveFeed(
  tx: Tx,
  processId: string,
  userId: string,
): Promise<CalendarFeedRow | undefined> {
  return tx
    .selectFrom('calendar_feeds')
    .selectAll()
    .where('process_id', '=', processId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

/** Revokes the user's working feeds of a process; returns the ids revoked. */
export async function revokeFeeds(tx: Tx, processId: string, userId: string, at: string): Promise<string[]> {
  const rows = await tx
    .updateTable('calendar_feeds')
    .set({ revoked_at: at })
    .where('process_id', '=', processId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}
