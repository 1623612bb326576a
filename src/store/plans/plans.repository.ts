import type { Selectable } from 'kysely';
import type { PlanContent } from '../../domain/plans/plan.ts';
import { preparedQuery } from '../prepared-query.ts';
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

const planWithMembership = preparedQuery((db, id: string, userId: string) =>
  db
    .selectFrom('plans as p')
    .leftJoin('memberships as m', (j) =>
      j.onRef('m.process_id', '=', 'p.process_id').on('m.user_id', '=', userId),
    )
    // Columns by name: a named PostgreSQL statement must not change shape when a column is added.
    .select([
      'p.id',
      'p.process_id',
      'p.title',
      'p.draft_content',
      'p.draft_revision',
      'p.point_count',
      'p.created_at',
      'p.created_by',
      'p.updated_at',
      'p.updated_by',
      'm.role as member_role',
      'm.party_id as member_party_id',
    ])
    .where('p.id', '=', id),
);

/** A plan and the user's membership in its process (null when not a member), in one query. */
export async function findPlanWithMembership(tx: Tx, id: string, userId: string) {
  const row = (await planWithMembership(tx, id, userId))[0];
  if (!row) return undefined;
  const { member_role, member_party_id, ...plan } = row;
  return {
    plan: plan as PlanRow,
    membership: member_role && member_party_id ? { role: member_role, party_id: member_party_id } : null,
  };
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

/** A version without its text, with its author's name: what every version list shows. */
export const VERSION_SUMMARY_COLUMNS = [
  'v.id',
  'v.plan_id',
  'v.seq',
  'v.label',
  'v.title',
  'v.note',
  'v.content_hash',
  'v.point_count',
  'v.author_id',
  'u.name as author_name',
  'v.created_at',
] as const;

const versionList = preparedQuery((db, planId: string) =>
  db
    .selectFrom('versions as v')
    .innerJoin('users as u', 'u.id', 'v.author_id')
    .select(VERSION_SUMMARY_COLUMNS)
    .where('v.plan_id', '=', planId)
    .orderBy('v.seq', 'desc'),
);

/** Versions of a plan, newest first, without their content. */
export async function listVersions(tx: Tx, planId: string) {
  return versionList(tx, planId);
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

/** The texts (PlanContent JSON) of every version of a plan. */
export async function versionContents(tx: Tx, planId: string): Promise<string[]> {
  const rows = await tx.selectFrom('versions').select('content').where('plan_id', '=', planId).execute();
  return rows.map((r) => r.content);
}
