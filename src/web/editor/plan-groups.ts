import type { Area, PlanContent, PlanNote, Point } from '../../domain/plans/plan.ts';

export interface AreaGroup {
  area: Area | null;
  points: Point[];
}

/** Points grouped under their areas, in reading order; points before the first heading come first. */
export function groupByArea(plan: PlanContent): AreaGroup[] {
  const groups: AreaGroup[] = [];
  const loose = plan.points.filter((p) => p.areaId === null);
  if (loose.length > 0) groups.push({ area: null, points: loose });
  for (const area of plan.areas)
    groups.push({ area, points: plan.points.filter((p) => p.areaId === area.id) });
  return groups;
}

/** The first words of a point, for the outline and for conflict summaries. */
export function firstWords(text: string, n = 6): string {
  const words = text
    .replace(/[*_#>]/g, '')
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0) return '(empty)';
  return words.length <= n ? words.join(' ') : `${words.slice(0, n).join(' ')}…`;
}

/**
 * Notes keyed by the point they follow; `null` holds the notes before the first point. A note whose
 * point is gone is kept under `null` too, so no text is ever hidden from the reader.
 */
export function notesByAnchor(plan: PlanContent): Map<string | null, PlanNote[]> {
  const ids = new Set(plan.points.map((p) => p.id));
  const byAnchor = new Map<string | null, PlanNote[]>();
  for (const note of plan.notes) {
    const anchor = note.afterPointId !== null && ids.has(note.afterPointId) ? note.afterPointId : null;
    const list = byAnchor.get(anchor);
    if (list === undefined) byAnchor.set(anchor, [note]);
    else list.push(note);
  }
  return byAnchor;
}
