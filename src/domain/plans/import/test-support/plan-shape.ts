import type { PlanContent } from '../../plan.ts';

/** A plan without ids: what a reader sees, so that tests compare structure, not random identifiers. */
export interface PlanShape {
  title: string;
  preamble: string;
  areas: string[];
  points: { number: string; area: string | null; text: string; items: string[] }[];
  /** `after` is the index of the point the note follows, so that restarted numbering stays unambiguous. */
  notes: { after: number | null; text: string }[];
}

/** Items read as "a: text" ("• text" for bullets). */
export function shapeOf(plan: PlanContent): PlanShape {
  const areaTitle = new Map(plan.areas.map((a) => [a.id, a.title]));
  const indexOf = new Map(plan.points.map((p, i) => [p.id, i]));
  return {
    title: plan.title,
    preamble: plan.preamble,
    areas: plan.areas.map((a) => a.title),
    points: plan.points.map((p) => ({
      number: p.number,
      area: p.areaId === null ? null : (areaTitle.get(p.areaId) ?? '?'),
      text: p.text,
      items: p.items.map((i) => (i.label === null ? `• ${i.text}` : `${i.label}: ${i.text}`)),
    })),
    notes: plan.notes.map((n) => ({
      after: n.afterPointId === null ? null : (indexOf.get(n.afterPointId) ?? -1),
      text: n.text,
    })),
  };
}
