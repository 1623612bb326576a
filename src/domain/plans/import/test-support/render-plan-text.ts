import type { PlanContent, Point } from '../../plan.ts';

/** The text styles the round-trip property renders a plan in, as people write plans by hand. */
export type PlanTextStyle = 'markdown' | 'point-colon' | 'parenthesised';

/** Renders a plan as text in one style; areas and notes sit where a reader expects them. */
export function renderPlanText(plan: PlanContent, style: PlanTextStyle): string {
  const chunks: string[] = [];
  if (plan.title) chunks.push(style === 'markdown' ? `# ${plan.title}` : plan.title);
  if (plan.preamble) chunks.push(...plan.preamble.split('\n\n'));
  const notesAfter = (id: string | null) =>
    plan.notes.filter((n) => n.afterPointId === id).map((n) => renderNote(n.text, style));
  chunks.push(...notesAfter(null));
  let areaId: string | null = null;
  const shown = new Set<string>();
  for (const point of plan.points) {
    if (point.areaId !== null && point.areaId !== areaId) {
      const title = plan.areas.find((a) => a.id === point.areaId)?.title ?? '';
      chunks.push(style === 'markdown' ? `## ${title}` : title);
      shown.add(point.areaId);
      areaId = point.areaId;
    }
    chunks.push(renderPoint(point, style));
    chunks.push(...notesAfter(point.id));
  }
  // Areas without points only survive in Markdown, where a heading is explicit.
  for (const area of plan.areas) if (!shown.has(area.id)) chunks.push(`## ${area.title}`);
  return `${chunks.join('\n\n')}\n`;
}

function renderNote(text: string, style: PlanTextStyle): string {
  if (style !== 'markdown') return text;
  return text
    .split('\n\n')
    .map((p) => `> ${p}`)
    .join('\n>\n');
}

function renderPoint(point: Point, style: PlanTextStyle): string {
  const [first = '', ...rest] = point.text.split('\n\n');
  const indent = style === 'markdown' ? '   ' : '';
  const marker = {
    markdown: `${point.number}.`,
    'point-colon': `Point ${point.number}:`,
    parenthesised: `(${point.number})`,
  }[style];
  const lines = [`${marker} ${first}`];
  for (const paragraph of rest) lines.push('', `${indent}${paragraph}`);
  if (point.items.length > 0) lines.push('');
  for (const item of point.items) {
    const label =
      item.label === null ? '-' : style === 'parenthesised' ? `(${item.label})` : `${item.label})`;
    lines.push(
      `${indent}${style === 'markdown' && item.label !== null ? `${item.label}.` : label} ${item.text}`,
    );
  }
  return lines.join('\n');
}
