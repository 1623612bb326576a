import type { Selectable } from 'kysely';
import type { AnalysisPointTable, PointOptionTable } from '../schema.ts';
import type { Tx } from '../transaction.ts';

export type AnalysisPointRow = Selectable<AnalysisPointTable>;
export type PointOptionRow = Selectable<PointOptionTable>;

/** The points of a plan taken into the analysis, in the order they were added. */
export async function listAnalysisPoints(tx: Tx, planId: string): Promise<AnalysisPointRow[]> {
  return tx
    .selectFrom('analysis_points')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function findAnalysisPoint(tx: Tx, planId: string, pointId: string) {
  return tx
    .selectFrom('analysis_points')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('point_id', '=', pointId)
    .executeTakeFirst();
}

export async function insertAnalysisPoint(tx: Tx, row: AnalysisPointRow): Promise<void> {
  await tx.insertInto('analysis_points').values(row).execute();
}

export async function updateAnalysisPoint(
  tx: Tx,
  id: string,
  changes: { good: number; updated_at: string },
): Promise<void> {
  await tx.updateTable('analysis_points').set(changes).where('id', '=', id).execute();
}

/** Removes a point from the analysis with its options and every constraint that mentions it. */
export async function deleteAnalysisPoint(tx: Tx, planId: string, pointId: string): Promise<void> {
  await tx
    .deleteFrom('option_constraints')
    .where('plan_id', '=', planId)
    .where((eb) => eb.or([eb('point_id', '=', pointId), eb('other_point_id', '=', pointId)]))
    .execute();
  await tx
    .deleteFrom('point_options')
    .where('plan_id', '=', planId)
    .where('point_id', '=', pointId)
    .execute();
  await tx
    .deleteFrom('analysis_points')
    .where('plan_id', '=', planId)
    .where('point_id', '=', pointId)
    .execute();
}

/** Every option of a plan's analysis points, in their order per point. */
export async function listPointOptions(tx: Tx, planId: string): Promise<PointOptionRow[]> {
  return tx
    .selectFrom('point_options')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('point_id')
    .orderBy('position')
    .execute();
}

export async function insertPointOption(tx: Tx, row: PointOptionRow): Promise<void> {
  await tx.insertInto('point_options').values(row).execute();
}

export async function updatePointOption(
  tx: Tx,
  id: string,
  changes: { label: string; text: string; position: number; updated_at: string },
): Promise<void> {
  await tx.updateTable('point_options').set(changes).where('id', '=', id).execute();
}

/** Removes options of a point, and the constraints that mention them. */
export async function deletePointOptions(
  tx: Tx,
  planId: string,
  optionIds: readonly string[],
): Promise<void> {
  if (optionIds.length === 0) return;
  await tx
    .deleteFrom('option_constraints')
    .where('plan_id', '=', planId)
    .where((eb) => eb.or([eb('option_id', 'in', optionIds), eb('other_option_id', 'in', optionIds)]))
    .execute();
  await tx.deleteFrom('point_options').where('plan_id', '=', planId).where('id', 'in', optionIds).execute();
}
