import type { Selectable } from 'kysely';
import type { PositionTable } from '../schema.ts';
import type { Tx } from '../transaction.ts';

export type PositionRow = Selectable<PositionTable>;

export async function insertPosition(tx: Tx, row: PositionRow): Promise<void> {
  await tx.insertInto('positions').values(row).execute();
}

function positionsWithNames(tx: Tx, planId: string) {
  return tx
    .selectFrom('positions as p')
    .innerJoin('users as u', 'u.id', 'p.author_id')
    .selectAll('p')
    .select('u.name as author_name')
    .where('p.plan_id', '=', planId);
}

export type PositionWithAuthor = Awaited<ReturnType<typeof listPositions>>[number];

/** Every position recorded on a plan (its whole history), oldest first; one party's only when `partyId` is set. */
export async function listPositions(tx: Tx, planId: string, partyId?: string) {
  let query = positionsWithNames(tx, planId);
  if (partyId !== undefined) query = query.where('p.party_id', '=', partyId);
  return query.orderBy('p.recorded_at').orderBy('p.id').execute();
}

/** The history of one party's stance on one point, oldest first. */
export async function positionHistory(tx: Tx, planId: string, pointId: string, partyId: string) {
  return positionsWithNames(tx, planId)
    .where('p.point_id', '=', pointId)
    .where('p.party_id', '=', partyId)
    .orderBy('p.recorded_at')
    .orderBy('p.id')
    .execute();
}

/**
 * How many amendments each party has in each state on a plan, leaving out those never submitted:
 * a draft (even one withdrawn unsent) is still the party's own, not yet put to the mediator. One party's only when `partyId` is set.
 */
export async function countAmendmentsByState(tx: Tx, planId: string, partyId?: string) {
  let query = tx
    .selectFrom('amendments')
    .select(['party_id', 'state', (eb) => eb.fn.countAll<number>().as('n')])
    .where('plan_id', '=', planId)
    // Never submitted (a draft, or a draft withdrawn before it was sent) is still the party's own.
    .where('submitted_at', 'is not', null);
  if (partyId !== undefined) query = query.where('party_id', '=', partyId);
  const rows = await query.groupBy(['party_id', 'state']).execute();
  // PostgreSQL returns a count as a string.
  return rows.map((r) => ({ partyId: r.party_id, state: r.state, count: Number(r.n) }));
}

/**
 * The versions of a plan with their text, oldest first: all of them, or only those released to
 * `partyId` when it is set (what a party's positions can be stated against and read on).
 */
export async function listVersionTexts(tx: Tx, planId: string, partyId?: string) {
  if (partyId === undefined) {
    return tx
      .selectFrom('versions as v')
      .select(['v.id', 'v.label', 'v.seq', 'v.content'])
      .where('v.plan_id', '=', planId)
      .orderBy('v.seq')
      .execute();
  }
  return tx
    .selectFrom('releases as r')
    .innerJoin('versions as v', 'v.id', 'r.version_id')
    .select(['v.id', 'v.label', 'v.seq', 'v.content'])
    .where('r.plan_id', '=', planId)
    .where('r.party_id', '=', partyId)
    .orderBy('v.seq')
    .execute();
}
