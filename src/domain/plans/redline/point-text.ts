/** The text a redline compares for one point: its body, then each sub-item on its own line. */

import type { PlanItem, Point } from '../plan.ts';

/** One sub-item as a line: "a) text" for letters and numbers, the label as is for arrows, "• text" for bullets. */
export function itemLine(item: PlanItem): string {
  if (item.label === null) return `• ${item.text}`;
  return /^[\p{L}\p{N}]+$/u.test(item.label) ? `${item.label}) ${item.text}` : `${item.label} ${item.text}`;
}

/** Body text then the sub-items, joined with newlines; an empty body adds no blank first line. */
export function pointText(point: Pick<Point, 'text' | 'items'>): string {
  const lines = point.items.map(itemLine);
  if (point.text !== '' || lines.length === 0) lines.unshift(point.text);
  return lines.join('\n');
}
