import type { PlanContent } from '../../domain/plans/plan.ts';
import { invalid } from '../../domain/shared/app-error.ts';
import { newId } from '../../domain/shared/ids.ts';
import { appendAudit } from '../../store/audit/audit.repository.ts';
import type { Database } from '../../store/database.ts';
import { insertAmendment } from '../../store/negotiation/amendments.repository.ts';
import { authorize } from '../access/authorize.ts';
import type { Actor } from '../access/sessions.ts';
import { loadReadablePlan, planNotFound } from '../plans/plan-access.ts';
import type { NewAmendment } from './amendment.schema.ts';
import { loadHeldVersion } from './amendment-access.ts';
import { amendmentAudit, publishAmendmentChanged } from './amendment-events.ts';
import { presentOne } from './list-amendments.ts';

/**
 * Where a proposal applies, checked against its base version: the point replaced or deleted must be
 * in it, and a new point is placed after one of its points or first in one of its sections.
 */
export function placeInBase(
  base: PlanContent,
  label: string,
  input: NewAmendment,
): { point_id: string | null; after_point_id: string | null; area_id: string | null } {
  const points = new Map(base.points.map((p) => [p.id, p]));
  if (input.kind !== 'add') {
    if (!points.has(input.pointId ?? '')) throw invalid('body.pointId', `is not a point of ${label}`);
    return { point_id: input.pointId ?? null, after_point_id: null, area_id: null };
  }
  const after = input.afterPointId ?? null;
  if (after !== null) {
    const anchor = points.get(after);
    if (!anchor) throw invalid('body.afterPointId', `is not a point of ${label}`);
    if (input.areaId != null && input.areaId !== anchor.areaId)
      throw invalid('body.areaId', `is not the section point ${anchor.number} is in; leave it out`);
    return { point_id: null, after_point_id: after, area_id: anchor.areaId };
  }
  const areaId = input.areaId ?? null;
  if (areaId !== null && !base.areas.some((a) => a.id === areaId))
    throw invalid('body.areaId', `is not a section of ${label}`);
  return { point_id: null, after_point_id: null, area_id: areaId };
}

/**
 * A delegate proposes an amendment for their party against a version the party holds, kept as the
 * party's draft or submitted to the mediator at once.
 */
export async function proposeAmendment(
  database: Database,
  actor: Actor,
  planId: string,
  input: NewAmendment,
) {
  const made = await database.db.transaction().execute(async (tx) => {
    const { plan, viewer } = await loadReadablePlan(tx, actor, planId);
    const partyId = viewer.membership?.partyId ?? '';
    authorize(viewer, 'amendment.write', () => planNotFound(planId), { partyId });
    const base = await loadHeldVersion(tx, viewer, plan, input.baseVersionId);
    const place = placeInBase(JSON.parse(base.content) as PlanContent, base.label, input);
    const now = new Date().toISOString();
    const row = {
      id: newId('amd'),
      process_id: plan.process_id,
      plan_id: planId,
      party_id: partyId,
      base_version_id: base.id,
      kind: input.kind,
      ...place,
      text: input.kind === 'delete' ? '' : input.text,
      rationale: input.rationale,
      state: input.submit ? ('submitted' as const) : ('draft' as const),
      reply: '',
      source: 'manual',
      author_id: actor.user.id,
      created_at: now,
      updated_at: now,
      submitted_at: input.submit ? now : null,
      revision: 1,
    };
    await insertAmendment(tx, row);
    await appendAudit(
      tx,
      amendmentAudit(actor, row, 'amendment.create', { baseVersionId: base.id, state: row.state }),
    );
    return { row, amendment: await presentOne(tx, viewer, planId, row.id) };
  });
  await publishAmendmentChanged(database, made.row);
  return made.amendment;
}
