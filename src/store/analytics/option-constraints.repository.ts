import type { Selectable } from 'kysely';
import type { OptionConstraintTable } from '../schema.ts';
import type { Tx } from '../transaction.ts';

export type OptionConstraintRow = Selectable<OptionConstraintTable>;

/** The constraints between options of a plan's analysis, oldest first. */
export async function listOptionConstraints(tx: Tx, planId: string): Promise<OptionConstraintRow[]> {
  return tx
    .selectFrom('option_constraints')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Replaces all of a plan's constraints with `rows`. */
export async function replaceOptionConstraints(
  tx: Tx,
  planId: string,
  rows: readonly OptionConstraintRow[],
): Promise<void> {
  await tx.deleteFrom('option_constraints').where('plan_id', '=', planId).execute();
  if (rows.length > 0)
    await tx
      .insertInto('option_constraints')
      .values([...rows])
      .execute();
}

/** Adds one constraint (the demo's). */
export async function insertOptionConstraint(tx: Tx, row: OptionConstraintRow): Promise<void> {
  await tx.insertInto('option_constraints').values(row).execute();
}
