import type { PlanContent, Point } from '../domain/plans/plan.ts';

/**
 * Writes a plan in the plain Markdown shape that the text importer reads (# title, preamble,
 * ## areas, numbered points with indented lettered sub-items, unindented notes). Kept in the
 * demo so the demo texts are derived from the same data as the demo versions and cannot drift.
 */
export function planToMarkdown(plan: PlanContent): string {
  const blocks: string[] = [`# ${plan.title}`];
  if (plan.preamble.trim() !== '') blocks.push(plan.preamble.trim());
  blocks.push(...notesAfter(plan, null));
  let area: string | null = null;
  for (const point of plan.points) {
    if (point.areaId !== area && point.areaId !== null) {
      const title = plan.areas.find((a) => a.id === point.areaId)?.title ?? '';
      blocks.push(`## ${title}`);
    }
    area = point.areaId;
    blocks.push(...pointBlocks(point), ...notesAfter(plan, point.id));
  }
  return `${blocks.join('\n\n')}\n`;
}

function pointBlocks(point: Point): string[] {
  // Continuation lines start where the point's text starts, so Markdown keeps them in the list item.
  const indent = ' '.repeat(point.number.length + 2);
  const [first = '', ...rest] = point.text.split(/\n\s*\n/);
  const blocks = [`${point.number}. ${first.trim()}`, ...rest.map((para) => `${indent}${para.trim()}`)];
  if (point.items.length > 0) {
    blocks.push(
      point.items
        .map((item) => `${indent}${item.label === null ? '-' : `${item.label}.`} ${item.text}`)
        .join('\n'),
    );
  }
  return blocks;
}

function notesAfter(plan: PlanContent, pointId: string | null): string[] {
  return plan.notes.filter((n) => n.afterPointId === pointId).map((n) => n.text.trim());
}
