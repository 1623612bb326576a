import type { Selectable } from 'kysely';
import type { PlanContent } from '../../domain/plans/plan.ts';
import type { PlanTable, VersionTable } from '../schema.ts';
import type { Tx } from '../transaction.ts';

export type PlanRow = Selectable<PlanTable>;
export type VersionRow = Selectable<VersionTable>;

export async function insertPlan(tx: Tx, row: PlanRow): Promise<void> {
  await tx.insertInto('plans').values(row).execute();
}

export async function findPlan(tx: Tx, id: string): Promise<PlanRow | undefined> {
  return tx.selectFrom('plans').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Parses the stored draft; it was validated before it was written. */
export function draftOf(row: PlanRow): PlanContent {
  return JSON.parse(row.draft_content) as PlanContent;
}

/**
 * Writes a new draft only if nobody else wrote since `expectedRevision` (compare-and-set), so two
 * instances racing on the same plan cannot both win. Returns false when the revision moved on.
 */
export async function updateDraft(
  tx: Tx,
  planId: string,
  expectedRevision: number,
  content: PlanContent,
  by: string,
  at: string,
): Promise<boolean> {
  const result = await tx
    .updateTable('plans')
    .set({
      draft_content: JSON.stringify(content),
      draft_revision: expectedRevision + 1,
      point_count: content.points.length,
      title: content.title || 'Untitled plan',
      updated_at: at,
      updated_by: by,
    })
    .where('id', '=', planId)
    .where('draft_revision', '=', expectedRevision)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function listPlanSummaries(tx: Tx, processId: string) {
  return tx
    .selectFrom('plans as p')
    .select([
      'p.id',
      'p.process_id',
      'p.title',
      'p.draft_revision',
      'p.point_count',
      'p.updated_at',
      (eb) =>
        eb
          .selectFrom('versions')
          .whereRef('versions.plan_id', '=', 'p.id')
          .select((e) => e.fn.countAll<number>().as('n'))
          .as('version_count'),
    ])
    .where('p.process_id', '=', processId)
    .orderBy('p.created_at')
    .execute();
}

export async function insertVersion(tx: Tx, row: VersionRow): Promise<void> {
  await tx.insertInto('versions').values(row).execute();
}

/** Versions of a plan, newest first, without their content. */
export async function listVersions(tx: Tx, planId: string) {
  return tx
    .selectFrom('versions as v')
    .innerJoin('users as u', 'u.id', 'v.author_id')
    .select([
      'v.id',
      'v.plan_id',
      'v.seq',
      'v.label',
      'v.note',
      'v.content_hash',
      'v.point_count',
      'v.author_id',
      'u.name as author_name',
      'v.created_at',
    ])
    .where('v.plan_id', '=', planId)
    .orderBy('v.seq', 'desc')
    .execute();
}

export async function findVersion(tx: Tx, planId: string, versionId: string) {
  return tx
    .selectFrom('versions as v')
    .innerJoin('users as u', 'u.id', 'v.author_id')
    .selectAll('v')
    .select('u.name as author_name')
    .where('v.plan_id', '=', planId)
    .where('v.id', '=', versionId)
    .executeTakeFirst();
}

export async function latestVersionSeq(
  tx: Tx,
  planId: string,
): Promise<{ seq: number; content_hash: string; label: string } | undefined> {
  return tx
    .selectFrom('versions')
    .select(['seq', 'content_hash', 'label'])
    .where('plan_id', '=', planId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
}
