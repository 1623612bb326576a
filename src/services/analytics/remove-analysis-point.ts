import { deleteAnalysisPoint, findAnalysisPoint } from '../../store/analytics/analysis-points.repository.ts';
import { appendAudit } from '../../store/audit/audit.repository.ts';
import type { Database } from '../../store/database.ts';
import type { Actor } from '../access/sessions.ts';
import { loadPlanFor } from '../plans/plan-access.ts';
import { analysisPointNotFound } from './analysis-access.ts';

/** Takes a point out of the analysis, with its options and the constraints that name it. */
export async function removeAnalysisPoint(database: Database, actor: Actor, planId: string, pointId: string) {
  await database.db.transaction().execute(async (tx) => {
    const { plan } = await loadPlanFor(tx, actor, planId, 'analysis.manage');
    if (!(await findAnalysisPoint(tx, planId, pointId))) throw analysisPointNotFound(pointId);
    await deleteAnalysisPoint(tx, planId, pointId);
    await appendAudit(tx, {
      processId: plan.process_id,
      actorId: actor.user.id,
      action: 'analysis.define',
      subjectType: 'plan',
      subjectId: planId,
      detail: { pointId, removed: true },
    });
  });
}
