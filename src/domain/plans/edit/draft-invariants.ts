import { planContentSchema } from '../plan.schema.ts';
import type { PlanContent } from '../plan.ts';
import { areaRanks } from './draft-layout.ts';

/**
 * Everything a draft must satisfy after any op, as readable problems (empty when sound): the
 * schema, unique ids, and points sorted by area (points before the first heading, then each
 * area's run in the order of `areas`), which is what keeps areas contiguous.
 */
export function validateDraftInvariants(content: PlanContent): string[] {
  const problems: string[] = [];
  const parsed = planContentSchema.safeParse(content);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      problems.push(`${issue.path.join('.') || '(plan)'}: ${issue.message}`);
  }
  for (const id of duplicates(content.areas.map((a) => a.id))) problems.push(`duplicate area id ${id}`);
  for (const id of duplicates(content.notes.map((n) => n.id))) problems.push(`duplicate note id ${id}`);
  const ranks = areaRanks(content.areas);
  let previous = -1;
  content.points.forEach((p, i) => {
    const rank = ranks.get(p.areaId);
    if (rank === undefined) return; // the schema already reported the unknown area
    if (rank < previous) problems.push(`points.${i}: point ${p.id} breaks the run of its area ${p.areaId}`);
    previous = Math.max(previous, rank);
  });
  return problems;
}

function duplicates(ids: string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) repeated.add(id);
    seen.add(id);
  }
  return [...repeated];
}
