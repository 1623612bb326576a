import { AppError, invalid } from '../../domain/shared/app-error.ts';
import { newId } from '../../domain/shared/ids.ts';
import {
  deletePointOptions,
  findAnalysisPoint,
  insertAnalysisPoint,
  insertPointOption,
  listPointOptions,
  updateAnalysisPoint,
  updatePointOption,
} from '../../store/analytics/analysis-points.repository.ts';
import { appendAudit } from '../../store/audit/audit.repository.ts';
import type { Database } from '../../store/database.ts';
import { draftOf } from '../../store/plans/plans.repository.ts';
import type { Actor } from '../access/sessions.ts';
import { loadPlanFor } from '../plans/plan-access.ts';
import { loadAnalysisView, presentAnalysisPoint } from './analysis-access.ts';
import type { AnalysisPointBody } from './analytics.schema.ts';

/**
 * Takes a point of the working draft into the analysis, or redefines it: a good, or a contested
 * point with its options. Options given with an id are kept (relabelled, rewritten, reordered),
 * those left out are removed with the constraints that name them.
 */
export async function defineAnalysisPoint(
  database: Database,
  actor: Actor,
  planId: string,
  pointId: string,
  input: AnalysisPointBody,
) {
  return database.db.transaction().execute(async (tx) => {
    const { plan, viewer } = await loadPlanFor(tx, actor, planId, 'analysis.manage');
    if (!draftOf(plan).points.some((p) => p.id === pointId))
      throw new AppError('point.not_found', `point ${pointId} is not in the working draft of this plan`);
    const now = new Date().toISOString();
    const existing = await findAnalysisPoint(tx, planId, pointId);
    if (existing) await updateAnalysisPoint(tx, existing.id, { good: input.good ? 1 : 0, updated_at: now });
    else
      await insertAnalysisPoint(tx, {
        id: newId('anp'),
        process_id: plan.process_id,
        plan_id: planId,
        point_id: pointId,
        good: input.good ? 1 : 0,
        created_at: now,
        updated_at: now,
      });
    const stored = (await listPointOptions(tx, planId)).filter((o) => o.point_id === pointId);
    const storedIds = new Set(stored.map((o) => o.id));
    input.options.forEach((o, i) => {
      if (o.id !== undefined && !storedIds.has(o.id))
        throw invalid(
          `body.options.${i}.id`,
          'is not an option of this point (leave it out for a new option)',
        );
    });
    const kept = new Set(input.options.flatMap((o) => (o.id ? [o.id] : [])));
    await deletePointOptions(
      tx,
      planId,
      stored.filter((o) => !kept.has(o.id)).map((o) => o.id),
    );
    for (const [position, o] of input.options.entries()) {
      if (o.id)
        await updatePointOption(tx, o.id, { label: o.label, text: o.text, position, updated_at: now });
      else
        await insertPointOption(tx, {
          id: newId('opt'),
          process_id: plan.process_id,
          plan_id: planId,
          point_id: pointId,
          label: o.label,
          text: o.text,
          position,
          created_by: actor.user.id,
          created_at: now,
          updated_at: now,
        });
    }
    await appendAudit(tx, {
      processId: plan.process_id,
      actorId: actor.user.id,
      action: 'analysis.define',
      subjectType: 'plan',
      subjectId: planId,
      detail: { pointId, good: input.good, options: input.options.length, created: !existing },
    });
    const view = await loadAnalysisView(tx, viewer, plan);
    const point = view.points.find((p) => p.row.point_id === pointId);
    if (!point) throw new Error('the analysis point just written is missing');
    return presentAnalysisPoint(point);
  });
}
