import { demoAnalysisPoints, demoConstraint, demoPreferences } from '../../demo/demo-analytics.ts';
import { newId } from '../../domain/shared/ids.ts';
import { insertAnalysisPoint, insertPointOption } from '../../store/analytics/analysis-points.repository.ts';
import { insertOptionConstraint } from '../../store/analytics/option-constraints.repository.ts';
import { insertPartyPreferences } from '../../store/analytics/party-preferences.repository.ts';
import { type DemoContext, demoPoint } from './demo-context.ts';

/** The demo analysis: five points of Draft 2 with their options, one constraint, three parties' preferences. */
export async function loadDemoAnalytics(ctx: DemoContext): Promise<void> {
  const envoy = required(ctx.userIds.get('envoy@envoy.example'), 'envoy');
  const pointIds = new Map<string, string>();
  const optionIds = new Map<string, string>();
  for (const [i, p] of demoAnalysisPoints.entries()) {
    const point = demoPoint(ctx, 'Draft 2', p.pointNumber);
    pointIds.set(p.pointNumber, point.id);
    const at = ctx.at(6 - i * 0.01);
    await insertAnalysisPoint(ctx.tx, {
      id: newId('anp'),
      process_id: ctx.processId,
      plan_id: ctx.planId,
      point_id: point.id,
      good: p.good ? 1 : 0,
      created_at: at,
      updated_at: at,
    });
    for (const [position, o] of p.options.entries()) {
      const id = newId('opt');
      optionIds.set(`${p.pointNumber}/${o.key}`, id);
      await insertPointOption(ctx.tx, {
        id,
        process_id: ctx.processId,
        plan_id: ctx.planId,
        point_id: point.id,
        label: o.label,
        text: o.text,
        position,
        created_by: envoy,
        created_at: at,
        updated_at: at,
      });
    }
  }
  const ref = (pointNumber: string, key: string) => ({
    point: required(pointIds.get(pointNumber), `point ${pointNumber}`),
    option: required(optionIds.get(`${pointNumber}/${key}`), `option ${pointNumber}/${key}`),
  });
  const a = ref(demoConstraint.option.pointNumber, demoConstraint.option.optionKey);
  const b = ref(demoConstraint.other.pointNumber, demoConstraint.other.optionKey);
  await insertOptionConstraint(ctx.tx, {
    id: newId('ocn'),
    process_id: ctx.processId,
    plan_id: ctx.planId,
    kind: demoConstraint.kind,
    point_id: a.point,
    option_id: a.option,
    other_point_id: b.point,
    other_option_id: b.option,
    created_at: ctx.at(6),
  });
  const goods = new Set(demoAnalysisPoints.filter((p) => p.good).map((p) => p.pointNumber));
  for (const p of demoPreferences) {
    const point = (n: string) => required(pointIds.get(n), `point ${n}`);
    const weights = Object.fromEntries(Object.entries(p.weights).map(([n, w]) => [point(n), w]));
    const scores = Object.fromEntries(
      Object.entries(p.scores).map(([n, byKey]) => [
        point(n),
        Object.fromEntries(Object.entries(byKey).map(([key, s]) => [ref(n, key).option, s])),
      ]),
    );
    const redLines = p.redLines.map(([n, key]) => [
      point(n),
      goods.has(n) ? required(ctx.partyIds.get(key), key) : ref(n, key).option,
    ]);
    await insertPartyPreferences(ctx.tx, {
      id: newId('ppf'),
      process_id: ctx.processId,
      plan_id: ctx.planId,
      party_id: required(ctx.partyIds.get(p.partyKey), p.partyKey),
      weights: JSON.stringify(weights),
      scores: JSON.stringify(scores),
      red_lines: JSON.stringify(redLines),
      reservation: p.reservation,
      shared_with_mediator: p.shared ? 1 : 0,
      updated_by: required(ctx.userIds.get(p.authorEmail), p.authorEmail),
      updated_at: ctx.at(p.daysAgo),
      revision: 1,
    });
  }
}

function required(value: string | undefined, what: string): string {
  if (value === undefined) throw new Error(`demo analytics: no ${what}`);
  return value;
}
