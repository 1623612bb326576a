import { sql } from 'kysely';
import type { Tx } from '../transaction.ts';

/**
 * Counters of failed attempts, one row per key ("email:…", "ip:…", "rejected:…"). Every change is a
 * single statement, so that several app instances on one database count together without locks.
 */

/** The keys among `keys` that are locked at `now`, with the end of each lock. */
export async function findLocks(
  tx: Tx,
  keys: readonly string[],
  now: string,
): Promise<{ key: string; locked_until: string }[]> {
  if (keys.length === 0) return [];
  const rows = await tx
    .selectFrom('sign_in_throttle')
    .select(['key', 'locked_until'])
    .where('key', 'in', keys)
    .where('locked_until', '>', now)
    .execute();
  return rows.map((r) => ({ key: r.key, locked_until: r.locked_until ?? now }));
}

/**
 * Counts one more attempt against `key` in a fixed window: a window that started at or before
 * `windowCutoff` is over, and the count starts again at 1. Returns the count in the current window.
 */
export async function countAttempt(tx: Tx, key: string, now: string, windowCutoff: string): Promise<number> {
  const stale = sql<boolean>`${sql.ref('sign_in_throttle.window_started_at')} <= ${windowCutoff}`;
  const row = await tx
    .insertInto('sign_in_throttle')
    .values({ key, failures: 1, window_started_at: now, locked_until: null })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: sql<number>`case when ${stale} then 1 else ${sql.ref('sign_in_throttle.failures')} + 1 end`,
        window_started_at: sql<string>`case when ${stale} then ${now} else ${sql.ref('sign_in_throttle.window_started_at')} end`,
      }),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  return Number(row.failures);
}

/** Takes back one counted attempt (it turned out not to be a failure). */
export async function uncountAttempt(tx: Tx, key: string): Promise<void> {
  await tx
    .updateTable('sign_in_throttle')
    .set({ failures: sql<number>`case when failures > 0 then failures - 1 else 0 end` })
    .where('key', '=', key)
    .execute();
}

/** Locks `key` until `until`, unless it already is locked: true when this call set the lock. */
export async function lockKey(tx: Tx, key: string, until: string, now: string): Promise<boolean> {
  const result = await tx
    .updateTable('sign_in_throttle')
    .set({ locked_until: until })
    .where('key', '=', key)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Forgets a key's counter and lock. */
export async function clearKey(tx: Tx, key: string): Promise<void> {
  await tx.deleteFrom('sign_in_throttle').where('key', '=', key).execute();
}

/** Drops rows whose window ended before `cutoff` and that hold no lock, so the table stays small. */
export async function pruneThrottle(tx: Tx, cutoff: string, now: string): Promise<void> {
  await tx
    .deleteFrom('sign_in_throttle')
    .where('window_started_at', '<', cutoff)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .execute();
}
