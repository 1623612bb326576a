import type { Selectable } from 'kysely';
import type { MeetingVersionTable } from '../schema.ts';
import type { Tx } from '../transaction.ts';

export type MeetingVersionRow = Selectable<MeetingVersionTable>;

/** Replaces the versions presented or released at a meeting. */
export async function replaceMeetingVersions(
  tx: Tx,
  meetingId: string,
  rows: MeetingVersionRow[],
): Promise<void> {
  await tx.deleteFrom('meeting_versions').where('meeting_id', '=', meetingId).execute();
  if (rows.length > 0) await tx.insertInto('meeting_versions').values(rows).execute();
}

/** The versions of some meetings with their labels and plans, and the parties that hold each. */
export async function listMeetingVersions(tx: Tx, meetingIds: readonly string[]) {
  if (meetingIds.length === 0) return [];
  const rows = await tx
    .selectFrom('meeting_versions as mv')
    .innerJoin('versions as v', 'v.id', 'mv.version_id')
    .innerJoin('plans as p', 'p.id', 'v.plan_id')
    .select([
      'mv.meeting_id',
      'mv.version_id',
      'mv.role',
      'v.label',
      'v.seq',
      'v.plan_id',
      'v.title as version_title',
    ])
    .where('mv.meeting_id', 'in', meetingIds)
    .orderBy('mv.meeting_id')
    .orderBy('v.plan_id')
    .orderBy('v.seq')
    .orderBy('mv.role')
    .execute();
  const versionIds = [...new Set(rows.map((r) => r.version_id))];
  const holders =
    versionIds.length === 0
      ? []
      : await tx
          .selectFrom('releases')
          .select(['version_id', 'party_id'])
          .where('version_id', 'in', versionIds)
          .execute();
  return rows.map((r) => ({
    ...r,
    held_by: holders.filter((h) => h.version_id === r.version_id).map((h) => h.party_id),
  }));
}

/** Which of `versionIds` are versions of plans in the process, with their plans. */
export async function findVersionsInProcess(tx: Tx, processId: string, versionIds: readonly string[]) {
  if (versionIds.length === 0) return [];
  return tx
    .selectFrom('versions as v')
    .innerJoin('plans as p', 'p.id', 'v.plan_id')
    .select(['v.id', 'v.plan_id', 'v.label'])
    .where('p.process_id', '=', processId)
    .where('v.id', 'in', versionIds)
    .execute();
}
