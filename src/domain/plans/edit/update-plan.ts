import type { PlanContent } from '../plan.ts';
import { type OpOf, type OpOutcome, outcome } from './op-outcome.ts';

/** Changes the plan title and/or preamble. */
export function updatePlan(content: PlanContent, op: OpOf<'updatePlan'>): OpOutcome {
  const changed: string[] = [];
  if (op.title !== undefined && op.title !== content.title) changed.push('the plan title');
  if (op.preamble !== undefined && op.preamble !== content.preamble) changed.push('the preamble');
  const next = { ...content, title: op.title ?? content.title, preamble: op.preamble ?? content.preamble };
  return outcome(next, { unversioned: changed.length === 0 ? null : changed.join(' and ') });
}
