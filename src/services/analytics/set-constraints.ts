import { invalid } from '../../domain/shared/app-error.ts';
import { newId } from '../../domain/shared/ids.ts';
import { replaceOptionConstraints } from '../../store/analytics/option-constraints.repository.ts';
import { appendAudit } from '../../store/audit/audit.repository.ts';
import type { Database } from '../../store/database.ts';
import type { Actor } from '../access/sessions.ts';
import { loadPlanFor } from '../plans/plan-access.ts';
import { loadAnalysisView, negotiatingParties, presentConstraint } from './analysis-access.ts';
import type { ConstraintsBody } from './analytics.schema.ts';

/**
 * Replaces the constraints between options of the analysis. Each side names an option of an
 * analysis point (for a good: the party that would receive it); a constraint joins two points.
 */
export async function setConstraints(
  database: Database,
  actor: Actor,
  planId: string,
  input: ConstraintsBody,
) {
  return database.db.transaction().execute(async (tx) => {
    const { plan, viewer } = await loadPlanFor(tx, actor, planId, 'analysis.manage');
    const view = await loadAnalysisView(tx, viewer, plan);
    const partyIds = (await negotiatingParties(tx, plan.process_id)).map((p) => p.id);
    const optionsOf = new Map(
      view.points.map((p) => [p.row.point_id, p.row.good === 1 ? partyIds : p.options.map((o) => o.id)]),
    );
    input.constraints.forEach((c, i) => {
      for (const side of ['option', 'other'] as const) {
        const options = optionsOf.get(c[side].pointId);
        if (!options)
          throw invalid(`body.constraints.${i}.${side}.pointId`, 'is not a point of the analysis');
        if (!options.includes(c[side].optionId))
          throw invalid(`body.constraints.${i}.${side}.optionId`, 'is not an option of that point');
      }
      if (c.option.pointId === c.other.pointId)
        throw invalid(`body.constraints.${i}.other.pointId`, 'must be another point than the first option’s');
    });
    // A millisecond apart, so that they list in the order given.
    const at = Date.now();
    const rows = input.constraints.map((c, i) => ({
      id: newId('ocn'),
      process_id: plan.process_id,
      plan_id: planId,
      kind: c.kind,
      point_id: c.option.pointId,
      option_id: c.option.optionId,
      other_point_id: c.other.pointId,
      other_option_id: c.other.optionId,
      created_at: new Date(at + i).toISOString(),
    }));
    await replaceOptionConstraints(tx, planId, rows);
    await appendAudit(tx, {
      processId: plan.process_id,
      actorId: actor.user.id,
      action: 'analysis.define',
      subjectType: 'plan',
      subjectId: planId,
      detail: { constraints: rows.length },
    });
    return { constraints: rows.map(presentConstraint) };
  });
}
