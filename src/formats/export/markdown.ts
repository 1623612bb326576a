import type { PlanContent, Point } from '../../domain/plans/plan.ts';
import { displayNumber, itemMarker } from './display-labels.ts';
import type { ExportContext } from './export-context.ts';
import { versionText } from './export-context.ts';
import { paragraphsOf, planBlocks } from './reading-order.ts';

/** Continuation lines of a point sit under its text; the plan text importer expects exactly three spaces. */
const INDENT = '   ';

/**
 * The plan as Markdown in the shape the plan text importer reads back: `#` title, preamble
 * paragraphs, `##` areas, `N.` points with indented continuation paragraphs and sub-items, `>` notes.
 * No front matter (it would not round-trip); export details go in a trailing HTML comment.
 */
export function planToMarkdown(plan: PlanContent, ctx?: ExportContext): string {
  const chunks: string[] = [];
  if (plan.title.trim() !== '') chunks.push(`# ${oneLine(plan.title)}`);
  chunks.push(...paragraphsOf(plan.preamble));
  for (const block of planBlocks(plan)) {
    if (block.kind === 'area') chunks.push(`## ${oneLine(block.area.title)}`);
    else if (block.kind === 'note') chunks.push(quote(block.note.text));
    else chunks.push(pointMarkdown(block.point));
  }
  if (ctx) chunks.push(trailerComment(ctx));
  return `${chunks.filter((c) => c !== '').join('\n\n')}\n`;
}

function pointMarkdown(point: Point): string {
  const [first = '', ...rest] = paragraphsOf(point.text);
  const number = displayNumber(point.number);
  const lines = [number === '' ? indentLines(first, '') : `${number} ${indentLines(first, INDENT)}`];
  for (const paragraph of rest) lines.push('', INDENT + indentLines(paragraph, INDENT));
  if (point.items.length > 0) {
    lines.push('');
    for (const item of point.items) {
      const marker = itemMarker(item, '.', '-');
      lines.push(`${INDENT}${marker} ${oneLine(item.text)}`);
    }
  }
  return lines.join('\n');
}

/** Lines after the first of a paragraph keep the point's indentation so they stay inside it. */
function indentLines(paragraph: string, indent: string): string {
  return paragraph
    .split('\n')
    .map((line, i) => (i === 0 ? line : indent + line.trimStart()))
    .join('\n');
}

function quote(text: string): string {
  return paragraphsOf(text)
    .map((p) =>
      p
        .split('\n')
        .map((line) => `> ${line.trimStart()}`)
        .join('\n'),
    )
    .join('\n>\n');
}

/** Titles and items are single lines in the text format; a newline inside would split them. */
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

function trailerComment(ctx: ExportContext): string {
  const parts = [
    'Entente',
    ctx.processTitle?.trim(),
    versionText(ctx),
    ctx.contentHash ? `sha256 ${ctx.contentHash}` : null,
    ctx.marking?.trim(),
    `exported ${ctx.exportedAt.toISOString()}`,
  ].filter((p): p is string => !!p);
  // "--" would end the comment early and leak the rest into the document.
  return `<!-- ${oneLine(parts.join(' · ')).replace(/--/g, '–')} -->`;
}
