import type { Selectable } from 'kysely';
import { VERSION_SUMMARY_COLUMNS } from '../plans/plans.repository.ts';
import type { ReleaseTable } from '../schema.ts';
import type { Tx } from '../transaction.ts';

export type ReleaseRow = Selectable<ReleaseTable>;

export async function insertReleases(tx: Tx, rows: ReleaseRow[]): Promise<void> {
  if (rows.length > 0) await tx.insertInto('releases').values(rows).execute();
}

/** The parties that hold a version. */
export async function partiesHoldingVersion(tx: Tx, versionId: string): Promise<string[]> {
  const rows = await tx
    .selectFrom('releases')
    .select('party_id')
    .where('version_id', '=', versionId)
    .execute();
  return rows.map((r) => r.party_id);
}

/** Whether a party holds any version of a plan: what lets its members know the plan exists. */
export async function partyHoldsPlan(tx: Tx, planId: string, partyId: string): Promise<boolean> {
  const row = await tx
    .selectFrom('releases')
    .select('id')
    .where('plan_id', '=', planId)
    .where('party_id', '=', partyId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The versions of a plan a party holds, newest first, each with its release to that party. */
export async function versionsHeldBy(tx: Tx, planId: string, partyId: string) {
  return tx
    .selectFrom('releases as r')
    .innerJoin('versions as v', 'v.id', 'r.version_id')
    .innerJoin('users as u', 'u.id', 'v.author_id')
    .select([
      ...VERSION_SUMMARY_COLUMNS,
      'r.released_at',
      'r.channel as release_channel',
      'r.note as release_note',
    ])
    .where('r.plan_id', '=', planId)
    .where('r.party_id', '=', partyId)
    .orderBy('v.seq', 'desc')
    .execute();
}

/** Releases in a process with who released them, oldest first; only one party's when `partyId` is set. */
export async function listReleases(tx: Tx, processId: string, partyId?: string) {
  let query = tx
    .selectFrom('releases as r')
    .innerJoin('users as u', 'u.id', 'r.released_by')
    .select([
      'r.id',
      'r.plan_id',
      'r.version_id',
      'r.party_id',
      'r.released_at',
      'r.released_by',
      'u.name as released_by_name',
      'r.channel',
      'r.note',
    ])
    .where('r.process_id', '=', processId);
  if (partyId !== undefined) query = query.where('r.party_id', '=', partyId);
  return query.orderBy('r.released_at').orderBy('r.id').execute();
}

/** Plans of a process a party holds at least one version of, with how many it holds. */
export async function plansHeldBy(tx: Tx, processId: string, partyId: string) {
  return tx
    .selectFrom('releases as r')
    .innerJoin('plans as p', 'p.id', 'r.plan_id')
    .select(['p.id', 'p.process_id', 'p.title', (eb) => eb.fn.countAll<number>().as('held_count')])
    .where('r.process_id', '=', processId)
    .where('r.party_id', '=', partyId)
    .groupBy(['p.id', 'p.process_id', 'p.title', 'p.created_at'])
    .orderBy('p.created_at')
    .execute();
}

/** How many plans of a process a party holds a version of. */
export async function countPlansHeldBy(tx: Tx, processId: string, partyId: string): Promise<number> {
  const row = await tx
    .selectFrom('releases')
    .select((eb) => eb.fn.count<number>('plan_id').distinct().as('n'))
    .where('process_id', '=', processId)
    .where('party_id', '=', partyId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The texts (PlanContent JSON) of the versions of a plan a party holds. */
export async function contentsHeldBy(tx: Tx, planId: string, partyId: string): Promise<string[]> {
  const rows = await tx
    .selectFrom('releases as r')
    .innerJoin('versions as v', 'v.id', 'r.version_id')
    .select('v.content')
    .where('r.plan_id', '=', planId)
    .where('r.party_id', '=', partyId)
    .execute();
  return rows.map((r) => r.content);
}
