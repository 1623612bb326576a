import type { Selectable } from 'kysely';
import type { PartyPreferencesTable } from '../schema.ts';
import type { Tx } from '../transaction.ts';

export type PartyPreferencesRow = Selectable<PartyPreferencesTable>;

/** One party's preferences on a plan, with the name of who saved them last. */
export async function findPartyPreferences(tx: Tx, planId: string, partyId: string) {
  return tx
    .selectFrom('party_preferences as pp')
    .innerJoin('users as u', 'u.id', 'pp.updated_by')
    .selectAll('pp')
    .select('u.name as updated_by_name')
    .where('pp.plan_id', '=', planId)
    .where('pp.party_id', '=', partyId)
    .executeTakeFirst();
}

/** Every party's preferences on a plan: for the engine only, never presented as they are. */
export async function listPartyPreferences(tx: Tx, planId: string): Promise<PartyPreferencesRow[]> {
  return tx
    .selectFrom('party_preferences')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('party_id')
    .execute();
}

/** Which parties have preferences on a plan and whether they share them: no numbers. */
export async function listPreferenceStatus(tx: Tx, planId: string) {
  return tx
    .selectFrom('party_preferences')
    .select(['party_id', 'shared_with_mediator', 'updated_at'])
    .where('plan_id', '=', planId)
    .execute();
}

export async function insertPartyPreferences(tx: Tx, row: PartyPreferencesRow): Promise<void> {
  await tx.insertInto('party_preferences').values(row).execute();
}

/**
 * Rewrites a party's preferences only if nobody saved since `expectedRevision` (compare-and-set).
 * Returns false when the revision moved on.
 */
export async function updatePartyPreferences(
  tx: Tx,
  id: string,
  expectedRevision: number,
  changes: Pick<
    PartyPreferencesRow,
    'weights' | 'scores' | 'red_lines' | 'reservation' | 'shared_with_mediator' | 'updated_by' | 'updated_at'
  >,
): Promise<boolean> {
  const result = await tx
    .updateTable('party_preferences')
    .set({ ...changes, revision: expectedRevision + 1 })
    .where('id', '=', id)
    .where('revision', '=', expectedRevision)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
