import { can, type Viewer } from '../../domain/access/policies.ts';
import type { AmendmentState } from '../../domain/negotiation/amendment-workflow.ts';
import type { PlanContent } from '../../domain/plans/plan.ts';
import type { Database } from '../../store/database.ts';
import { findAmendmentWithNames, listAmendments } from '../../store/negotiation/amendments.repository.ts';
import { draftOf, findVersion, type PlanRow } from '../../store/plans/plans.repository.ts';
import { versionsHeldBy } from '../../store/releases/releases.repository.ts';
import type { Tx } from '../../store/transaction.ts';
import type { Actor } from '../access/sessions.ts';
import { loadReadablePlan } from '../plans/plan-access.ts';
import { amendmentNotFound, amendmentRecord, loadReadableAmendment } from './amendment-access.ts';
import { type PresentedAmendment, presentAmendment } from './amendment-presenter.ts';
import { loadKnownVersions } from './known-versions.ts';

/** Amendments about one point (or one place for new points), shown side by side. */
export interface AmendmentGroup {
  /** The point's id, or "new:<after point>:<area>" for proposed new points at one place. */
  key: string;
  kind: 'point' | 'new';
  pointId: string | null;
  /**
   * The point's number (the anchor's for new points) in the reader's reference text: the working
   * draft for the mediator team, the newest version held for a party; else in the newest base version.
   */
  number: string | null;
  area: string | null;
  /** The text the number is taken from ("the working draft", "Draft 2"). */
  numberedIn: string;
  amendments: PresentedAmendment[];
}

/** "7" < "7bis" < "10": numbers compared as a reader would. */
const byNumber = new Intl.Collator('en', { numeric: true });

/**
 * The amendments of a plan the actor may read, grouped by point: for the mediator team every
 * party's once submitted (never another party's draft), for a party its own, drafts included.
 */
export async function getPlanAmendments(
  database: Database,
  actor: Actor,
  planId: string,
  filter: { state?: AmendmentState | undefined; partyId?: string | undefined } = {},
) {
  const db = database.db;
  const { plan, viewer } = await loadReadablePlan(db, actor, planId);
  const partyId = viewer.membership?.partyId ?? '';
  const rows = (await listAmendments(db, planId, partyId, can(viewer, 'draft.read'))).filter((r) =>
    can(viewer, 'amendment.read', amendmentRecord(r)),
  );
  const versions = await loadKnownVersions(
    db,
    viewer,
    planId,
    rows.flatMap((r) => [r.base_version_id, r.taken_in_version_id]),
  );
  const parties = new Map(rows.map((r) => [r.party_id, presentAmendment(r, { viewer, versions }).party]));
  const counts: Record<string, number> = {};
  for (const r of rows) counts[r.state] = (counts[r.state] ?? 0) + 1;
  const shown = rows.filter(
    (r) =>
      (filter.state === undefined || r.state === filter.state) &&
      (filter.partyId === undefined || r.party_id === filter.partyId),
  );

  const groups = new Map<string, AmendmentGroup & { seq: number }>();
  for (const row of shown) {
    const a = presentAmendment(row, { viewer, versions });
    const key =
      row.kind === 'add' ? `new:${row.after_point_id ?? ''}:${row.area_id ?? ''}` : (row.point_id ?? '');
    const base = versions.get(row.base_version_id);
    const seq = base?.seq ?? 0;
    const group = groups.get(key);
    if (!group) {
      groups.set(key, {
        key,
        kind: row.kind === 'add' ? 'new' : 'point',
        pointId: a.point.id,
        number: a.point.number,
        area: a.point.area,
        numberedIn: a.baseVersion.label,
        amendments: [a],
        seq,
      });
      continue;
    }
    group.amendments.push(a);
    // The newest text the amendments were made against names the point, unless the reference does.
    if (seq > group.seq && a.point.number !== null) {
      Object.assign(group, {
        seq,
        number: a.point.number,
        area: a.point.area,
        numberedIn: a.baseVersion.label,
      });
    }
  }
  const reference = await referenceText(db, viewer, plan);
  const order = new Map(reference?.content.points.map((p, i) => [p.id, i]) ?? []);
  const placed = [...groups.values()].map(({ seq: _, ...g }) => {
    const point = g.pointId === null ? undefined : reference?.content.points[order.get(g.pointId) ?? -1];
    if (!reference || !point) return { group: g, at: Number.POSITIVE_INFINITY };
    const area = reference.content.areas.find((x) => x.id === point.areaId)?.title ?? g.area;
    return {
      group: { ...g, number: point.number, area, numberedIn: reference.label },
      // A new point proposed after point 7 sorts just after point 7's own amendments.
      at: (order.get(point.id) ?? 0) + (g.kind === 'new' ? 0.5 : 0),
    };
  });
  const ordered = placed
    .sort((x, y) => x.at - y.at || byNumber.compare(x.group.number ?? '', y.group.number ?? ''))
    .map((p) => p.group);

  return {
    // The plan's own title is the working draft's; a party knows the plan by the title of its text.
    plan: {
      id: plan.id,
      processId: plan.process_id,
      title: can(viewer, 'draft.read') ? plan.title : (reference?.content.title ?? ''),
    },
    viewer: viewer.membership,
    parties: [...parties.values()],
    counts,
    total: rows.length,
    numberedIn: reference?.label ?? null,
    groups: ordered,
  };
}

/**
 * The text whose numbering the list follows: the working draft for the mediator team, the newest
 * version a party holds for everyone else (a party never sees the draft's numbers).
 */
async function referenceText(tx: Tx, viewer: Viewer, plan: PlanRow) {
  if (can(viewer, 'draft.read')) return { label: 'the working draft', content: draftOf(plan) };
  const newest = (await versionsHeldBy(tx, plan.id, viewer.membership?.partyId ?? ''))[0];
  const version = newest ? await findVersion(tx, plan.id, newest.id) : undefined;
  return version ? { label: version.label, content: JSON.parse(version.content) as PlanContent } : null;
}

/** One amendment the actor may read. */
export async function getAmendment(database: Database, actor: Actor, planId: string, amendmentId: string) {
  const { viewer } = await loadReadableAmendment(database.db, actor, planId, amendmentId);
  return presentOne(database.db, viewer, planId, amendmentId);
}

/** One amendment as `viewer` sees it, read in the caller's transaction (after a change, say). */
export async function presentOne(tx: Tx, viewer: Viewer, planId: string, amendmentId: string) {
  const row = await findAmendmentWithNames(tx, planId, amendmentId);
  if (!row) throw amendmentNotFound(amendmentId);
  const versions = await loadKnownVersions(tx, viewer, planId, [
    row.base_version_id,
    row.taken_in_version_id,
  ]);
  return presentAmendment(row, { viewer, versions });
}
