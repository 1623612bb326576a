import type { z } from 'zod';
import type { PlanContent } from '../../domain/plans/plan.ts';
import { invalid } from '../../domain/shared/app-error.ts';
import { newId } from '../../domain/shared/ids.ts';
import { appendAudit } from '../../store/audit/audit.repository.ts';
import type { Database } from '../../store/database.ts';
import { insertPosition, positionHistory } from '../../store/negotiation/positions.repository.ts';
import { findVersion } from '../../store/plans/plans.repository.ts';
import { partiesHoldingVersion } from '../../store/releases/releases.repository.ts';
import { authorize } from '../access/authorize.ts';
import type { Actor } from '../access/sessions.ts';
import { publishLiveEvent } from '../live/live-bus.ts';
import { loadReadablePlan, planNotFound, versionNotFound } from '../plans/plan-access.ts';
import { presentPosition } from './position-presenter.ts';
import type { newPositionSchema } from './positions.schema.ts';

/**
 * Records the actor's party's stance on a point as of a version it holds. Earlier stances stay as
 * history. The audit entry says what was stated, never the rationale.
 */
export async function recordPosition(
  database: Database,
  actor: Actor,
  planId: string,
  input: z.output<typeof newPositionSchema>,
) {
  const recorded = await database.db.transaction().execute(async (tx) => {
    const { plan, viewer } = await loadReadablePlan(tx, actor, planId);
    const partyId = viewer.membership?.partyId ?? '';
    authorize(viewer, 'position.write', () => planNotFound(planId), { partyId });
    const version = await findVersion(tx, planId, input.versionId);
    // A version the party was never given is "not found", exactly like one that does not exist.
    if (!version || !(await partiesHoldingVersion(tx, version.id)).includes(partyId))
      throw versionNotFound(planId, input.versionId);
    const content = JSON.parse(version.content) as PlanContent;
    if (!content.points.some((p) => p.id === input.pointId))
      throw invalid('body.pointId', `is not a point of ${version.label}`);
    const id = newId('pos');
    await insertPosition(tx, {
      id,
      process_id: plan.process_id,
      plan_id: planId,
      point_id: input.pointId,
      party_id: partyId,
      version_id: version.id,
      stance: input.stance,
      priority: input.priority,
      rationale: input.rationale,
      rationale_shared: input.rationaleShared ? 1 : 0,
      author_id: actor.user.id,
      recorded_at: new Date().toISOString(),
    });
    await appendAudit(tx, {
      processId: plan.process_id,
      actorId: actor.user.id,
      action: 'position.record',
      subjectType: 'position',
      subjectId: id,
      detail: {
        planId,
        pointId: input.pointId,
        partyId,
        versionId: version.id,
        stance: input.stance,
        priority: input.priority,
        rationaleShared: input.rationaleShared,
      },
    });
    const rows = await positionHistory(tx, planId, input.pointId, partyId);
    const row = rows.find((r) => r.id === id);
    if (!row) throw new Error('the position just recorded is missing');
    return {
      processId: plan.process_id,
      position: presentPosition(viewer, row, new Map([[version.id, version.label]])),
    };
  });
  await publishLiveEvent(database, {
    type: 'position.changed',
    processId: recorded.processId,
    planId,
    partyId: recorded.position.partyId,
  });
  return recorded;
}
