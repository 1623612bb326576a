import { demoPositions } from '../../demo/demo-positions.ts';
import { newId } from '../../domain/shared/ids.ts';
import { insertPosition } from '../../store/negotiation/positions.repository.ts';
import { type DemoContext, demoPoint } from './demo-context.ts';

/** The parties' stances on the demo plan, version by version, dated in the story. */
export async function loadDemoPositions(ctx: DemoContext): Promise<void> {
  for (const p of demoPositions) {
    const point = demoPoint(ctx, p.versionLabel, p.pointNumber);
    await insertPosition(ctx.tx, {
      id: newId('pos'),
      process_id: ctx.processId,
      plan_id: ctx.planId,
      point_id: point.id,
      party_id: required(ctx.partyIds.get(p.partyKey), p.partyKey),
      version_id: required(ctx.versionIds.get(p.versionLabel), p.versionLabel),
      stance: p.stance,
      priority: p.priority,
      rationale: p.rationale,
      rationale_shared: p.shared ? 1 : 0,
      author_id: required(ctx.userIds.get(p.authorEmail), p.authorEmail),
      recorded_at: ctx.at(p.daysAgo),
    });
  }
}

function required(value: string | undefined, what: string): string {
  if (value === undefined) throw new Error(`demo positions: no ${what}`);
  return value;
}
