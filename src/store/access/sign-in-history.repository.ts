import type { Tx } from '../transaction.ts';

/**
 * Account-level audit entries (no process) about one user, newest first, before `beforeSeq`.
 * Account entries are few next to process entries, and `process_id is null` keeps the scan to them.
 */
export async function accountAuditPage(
  tx: Tx,
  userId: string,
  actions: readonly string[],
  beforeSeq: number | null,
  limit: number,
) {
  let query = tx
    .selectFrom('audit_log')
    .select(['seq', 'at', 'action', 'actor_id', 'detail'])
    .where('process_id', 'is', null)
    .where('action', 'in', actions)
    .where((eb) => eb.or([eb('actor_id', '=', userId), eb('subject_id', '=', userId)]));
  if (beforeSeq !== null) query = query.where('seq', '<', beforeSeq);
  return query.orderBy('seq', 'desc').limit(limit).execute();
}
