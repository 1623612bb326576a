import type { PlanRow, VersionRow } from '../../store/plans/plans.repository.ts';
import type { versionsHeldBy } from '../../store/releases/releases.repository.ts';

/** The plan as the API shows it, without content. */
export function presentPlan(row: PlanRow, versionCount: number) {
  return {
    id: row.id,
    processId: row.process_id,
    title: row.title,
    revision: row.draft_revision,
    updatedAt: row.updated_at,
    pointCount: row.point_count,
    versionCount,
  };
}

type VersionListRow = Omit<VersionRow, 'content'> & { author_name: string };

/** A version as the API shows it, without content. */
export function presentVersion(row: VersionListRow) {
  return {
    id: row.id,
    planId: row.plan_id,
    seq: row.seq,
    label: row.label,
    title: row.title,
    note: row.note,
    contentHash: row.content_hash,
    author: { id: row.author_id, name: row.author_name },
    createdAt: row.created_at,
    pointCount: row.point_count,
  };
}

type HeldVersionRow = Awaited<ReturnType<typeof versionsHeldBy>>[number];

/**
 * A version as a party it was released to sees it: without the mediator team's own note, with
 * when and through which channel it reached the party.
 */
export function presentHeldVersion(row: HeldVersionRow) {
  return {
    ...presentVersion(row),
    note: '',
    release: { releasedAt: row.released_at, channel: row.release_channel, note: row.release_note },
  };
}
