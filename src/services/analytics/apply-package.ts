import type { DraftOp } from '../../domain/plans/edit/draft-op.schema.ts';
import { AppError, invalid } from '../../domain/shared/app-error.ts';
import { listAnalysisPoints, listPointOptions } from '../../store/analytics/analysis-points.repository.ts';
import { appendAudit } from '../../store/audit/audit.repository.ts';
import type { Database } from '../../store/database.ts';
import { draftOf } from '../../store/plans/plans.repository.ts';
import type { Actor } from '../access/sessions.ts';
import { applyOpToDraft } from '../amendments/apply-to-draft.ts';
import { publishLiveEvent } from '../live/live-bus.ts';
import { loadPlanFor } from '../plans/plan-access.ts';
import type { ApplyPackageBody } from './analytics.schema.ts';

/**
 * Writes a package into the working draft: each contested point of the analysis gets the text of
 * its chosen option, all in one draft revision, through the same path as a draft edit (validity
 * check, compare-and-set, `draft.edit` audit entry, `draft.changed` event). Goods have no text of
 * their own and are left as they are. A stale `baseRevision` is refused with 409.
 */
export async function applyPackage(
  database: Database,
  actor: Actor,
  planId: string,
  input: ApplyPackageBody,
) {
  const outcome = await database.db.transaction().execute(async (tx) => {
    const { plan } = await loadPlanFor(tx, actor, planId, 'analysis.manage');
    if (input.baseRevision !== plan.draft_revision)
      throw new AppError(
        'draft.conflict',
        `the draft has changed since revision ${input.baseRevision} (it is at ${plan.draft_revision}); reload and apply again`,
        { extra: { currentRevision: plan.draft_revision } },
      );
    const [points, options] = await Promise.all([
      listAnalysisPoints(tx, planId),
      listPointOptions(tx, planId),
    ]);
    const draftPoints = new Set(draftOf(plan).points.map((p) => p.id));
    const analysed = new Map(points.map((p) => [p.point_id, p]));
    const ops: DraftOp[] = [];
    for (const [pointId, optionId] of Object.entries(input.choice)) {
      const point = analysed.get(pointId);
      if (!point) throw invalid(`body.choice.${pointId}`, 'is not a point of the analysis');
      if (point.good === 1) continue;
      const option = options.find((o) => o.point_id === pointId && o.id === optionId);
      if (!option) throw invalid(`body.choice.${pointId}`, `is not an option of that point`);
      if (!draftPoints.has(pointId))
        throw invalid(`body.choice.${pointId}`, 'this point is no longer in the working draft');
      ops.push({ type: 'updatePoint', pointId, text: option.text });
    }
    if (ops.length === 0) throw invalid('body.choice', 'choose an option for at least one contested point');
    const done = await applyOpToDraft(tx, actor, plan, ops, { analysisPackage: true });
    if (!done)
      throw new AppError(
        'draft.conflict',
        'the draft was changed by someone else just now; reload and apply again',
      );
    await appendAudit(tx, {
      processId: plan.process_id,
      actorId: actor.user.id,
      action: 'analysis.apply',
      subjectType: 'plan',
      subjectId: planId,
      detail: { choice: input.choice, revision: done.revision },
    });
    return { processId: plan.process_id, revision: done.revision };
  });
  await publishLiveEvent(database, {
    type: 'draft.changed',
    processId: outcome.processId,
    planId,
    revision: outcome.revision,
  });
  return { revision: outcome.revision };
}
