import { DEMO_AMENDMENTS, type DemoAmendment, type DemoApplied } from '../../demo/demo-amendments.ts';
import { findPoint, type PlanContent } from '../../domain/plans/plan.ts';
import { pointText } from '../../domain/plans/redline/point-text.ts';
import { newId } from '../../domain/shared/ids.ts';
import { insertAmendments } from '../../store/negotiation/amendments.repository.ts';
import { type DemoContext, demoPoint } from './demo-context.ts';

const MEDIATOR = 'envoy@envoy.example';

function appliedText(ctx: DemoContext, applied: DemoApplied, pointId: string): string {
  if (typeof applied === 'string') return applied;
  const content: PlanContent | undefined =
    applied.asIn === 'working draft' ? ctx.draft : ctx.versions.get(applied.asIn);
  const point = content ? findPoint(content, pointId) : undefined;
  if (!point) throw new Error(`demo amendment: point ${pointId} is not in the ${applied.asIn}`);
  return pointText(point);
}

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`demo amendment: no ${what}`);
  return value;
}

function rowOf(ctx: DemoContext, a: DemoAmendment) {
  const point = demoPoint(ctx, a.base, a.point);
  const decided = a.decision;
  const applied = decided?.applied === undefined ? null : appliedText(ctx, decided.applied, point.id);
  return {
    id: newId('amd'),
    process_id: ctx.processId,
    plan_id: ctx.planId,
    party_id: need(ctx.partyIds.get(a.partyKey), `party ${a.partyKey}`),
    base_version_id: need(ctx.versionIds.get(a.base), a.base),
    kind: a.kind,
    point_id: a.kind === 'add' ? null : point.id,
    after_point_id: a.kind === 'add' ? point.id : null,
    area_id: a.kind === 'add' ? point.areaId : null,
    text: a.text,
    rationale: a.rationale,
    state: a.state,
    reply: decided?.reply ?? '',
    applied_text: applied,
    applied_point_id: applied === null ? null : point.id,
    taken_in_version_id: a.takenIn ? need(ctx.versionIds.get(a.takenIn), a.takenIn) : null,
    source: 'manual',
    author_id: need(ctx.userIds.get(a.authorEmail), a.authorEmail),
    created_at: ctx.at(a.createdDaysAgo),
    updated_at: ctx.at(decided?.daysAgo ?? a.submittedDaysAgo ?? a.createdDaysAgo),
    submitted_at: a.submittedDaysAgo === undefined ? null : ctx.at(a.submittedDaysAgo),
    decided_at: decided ? ctx.at(decided.daysAgo) : null,
    decided_by: decided ? need(ctx.userIds.get(MEDIATOR), MEDIATOR) : null,
    revision: 1 + (a.submittedDaysAgo === undefined ? 0 : 1) + (decided ? 1 : 0),
  };
}

/** The parties' amendments on Drafts 2 and 3, in every state of the workflow (see demo-amendments.ts). */
export async function loadDemoAmendments(ctx: DemoContext): Promise<void> {
  await insertAmendments(
    ctx.tx,
    DEMO_AMENDMENTS.map((a) => rowOf(ctx, a)),
  );
}
