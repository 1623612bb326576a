import { areaTitleOf, type PlanContent } from '../../../domain/plans/plan.ts';
import type { Tx } from '../../../store/transaction.ts';

/**
 * The adopted version's text: the only text a commitment is tied to. Numbers, areas and tags shown
 * with a commitment come from it, never from the working draft, which may have moved on (and which
 * parties do not see).
 */
export async function loadAdoptedText(tx: Tx, versionId: string): Promise<PlanContent> {
  const row = await tx
    .selectFrom('versions')
    .select('content')
    .where('id', '=', versionId)
    .executeTakeFirst();
  if (!row) throw new Error(`the adopted version ${versionId} is missing`);
  return JSON.parse(row.content) as PlanContent;
}

/** What a commitment shows of the point it comes from. */
export interface PointFacts {
  pointNumber: string;
  area: string | null;
  tags: string[];
}

/**
 * The number ("7", or "7 b" / "7.2" for a sub-item: its label if it has one, else its place),
 * area and tags of a point of the adopted text, by id; null when the text has no such point.
 */
export function pointFactsIn(
  text: PlanContent,
): (pointId: string | null, subItem: number | null) => PointFacts | null {
  const points = new Map(text.points.map((p) => [p.id, p]));
  return (pointId, subItem) => {
    const point = pointId === null ? undefined : points.get(pointId);
    if (!point) return null;
    const item = subItem === null ? undefined : point.items[subItem];
    const suffix =
      subItem === null ? '' : item?.label ? ` ${item.label.replace(/[.)]$/, '')}` : `.${subItem + 1}`;
    return { pointNumber: `${point.number}${suffix}`, area: areaTitleOf(text, point), tags: [...point.tags] };
  };
}
