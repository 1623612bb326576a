import type { Insertable, Selectable, Updateable } from 'kysely';
import type { AmendmentTable } from '../schema.ts';
import type { Tx } from '../transaction.ts';

export type AmendmentRow = Selectable<AmendmentTable>;

/** Rows per insert: well under SQLite's bound-parameter limit with the table's 26 columns. */
const CHUNK = 200;

/** Inserts one amendment. */
export async function insertAmendment(tx: Tx, row: Insertable<AmendmentTable>): Promise<void> {
  await tx.insertInto('amendments').values(row).execute();
}

/** Inserts many amendments (a counter-proposal turned into one per changed point), in chunks. */
export async function insertAmendments(tx: Tx, rows: readonly Insertable<AmendmentTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await tx
      .insertInto('amendments')
      .values(rows.slice(i, i + CHUNK))
      .execute();
  }
}

/** One amendment of a plan, or undefined. */
export async function findAmendment(tx: Tx, planId: string, id: string): Promise<AmendmentRow | undefined> {
  return tx
    .selectFrom('amendments')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Amendments of a plan by id (ids of other plans are ignored). */
export async function findAmendmentsByIds(
  tx: Tx,
  planId: string,
  ids: readonly string[],
): Promise<AmendmentRow[]> {
  if (ids.length === 0) return [];
  return tx
    .selectFrom('amendments')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('id', 'in', ids)
    .execute();
}

function amendmentsWithNames(tx: Tx, planId: string) {
  return tx
    .selectFrom('amendments as a')
    .innerJoin('users as u', 'u.id', 'a.author_id')
    .innerJoin('parties as p', 'p.id', 'a.party_id')
    .leftJoin('users as d', 'd.id', 'a.decided_by')
    .selectAll('a')
    .select([
      'u.name as author_name',
      'p.name as party_name',
      'p.code as party_code',
      'p.colour as party_colour',
      'd.name as decider_name',
    ])
    .where('a.plan_id', '=', planId);
}

export type AmendmentWithNames = Awaited<ReturnType<typeof listAmendments>>[number];

/** One amendment with author, party and decider names. */
export async function findAmendmentWithNames(tx: Tx, planId: string, id: string) {
  return amendmentsWithNames(tx, planId).where('a.id', '=', id).executeTakeFirst();
}

/**
 * Amendments of a plan with names: the given party's own (drafts included), plus, when
 * `submittedToo` is set, every other party's amendment that was ever submitted to the mediator.
 */
export async function listAmendments(tx: Tx, planId: string, partyId: string, submittedToo: boolean) {
  return amendmentsWithNames(tx, planId)
    .where((eb) =>
      submittedToo
        ? eb.or([eb('a.party_id', '=', partyId), eb('a.submitted_at', 'is not', null)])
        : eb('a.party_id', '=', partyId),
    )
    .orderBy('a.created_at')
    .orderBy('a.id')
    .execute();
}

/**
 * Changes an amendment if it is still at `expectedRevision`, bumping the revision; false when
 * someone else changed it first (the caller reports a conflict rather than overwrite).
 */
export async function updateAmendment(
  tx: Tx,
  id: string,
  expectedRevision: number,
  changes: Omit<Updateable<AmendmentTable>, 'id' | 'revision'>,
): Promise<boolean> {
  const result = await tx
    .updateTable('amendments')
    .set({ ...changes, revision: expectedRevision + 1 })
    .where('id', '=', id)
    .where('revision', '=', expectedRevision)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Records a newly cut version as the one that took in the plan's accepted (fully or partly)
 * amendments not yet taken in; returns the ids it marked.
 */
export async function markTakenIn(tx: Tx, planId: string, versionId: string): Promise<string[]> {
  const pending = await tx
    .selectFrom('amendments')
    .select('id')
    .where('plan_id', '=', planId)
    .where('state', 'in', ['accepted', 'partly_accepted'])
    .where('taken_in_version_id', 'is', null)
    .execute();
  if (pending.length === 0) return [];
  const ids = pending.map((r) => r.id);
  await tx
    .updateTable('amendments')
    .set({ taken_in_version_id: versionId })
    .where('plan_id', '=', planId)
    .where('id', 'in', ids)
    .execute();
  return ids;
}
