import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  TabStopType,
  TextRun,
} from 'docx';
import type { PlanContent, Point } from '../../domain/plans/plan.ts';
import { displayNumber, itemMarker } from './display-labels.ts';
import type { ExportContext } from './export-context.ts';
import { metaLine, versionStamp } from './export-context.ts';
import { tokenizeInline } from './inline-markdown.ts';
import { paragraphsOf, planBlocks } from './reading-order.ts';

/** Twips (1/20 pt). Room for "7bis." or "12." before the text; wider numbers push to the next tab. */
const TEXT_INDENT = 680;
const ITEM_INDENT = TEXT_INDENT + 400;
const ITEM_HANGING = 400;
export const A4 = { width: 11906, height: 16838 };
export const MARGIN = 1417; // 2.5 cm
const FONT = 'Cambria';
export const MUTED = '595959';

/** The plan as a Word document; numbers are literal text (not Word lists) so "7bis." survives editing. */
export async function planToDocx(plan: PlanContent, ctx: ExportContext): Promise<Uint8Array> {
  const children: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(plan.title)] }),
  ];
  const meta = metaLine(ctx);
  if (meta) children.push(new Paragraph({ style: 'Subtitle', children: [new TextRun(meta)] }));
  for (const text of paragraphsOf(plan.preamble))
    children.push(new Paragraph({ style: 'Preamble', children: runs(text) }));
  for (const block of planBlocks(plan)) {
    if (block.kind === 'area') {
      children.push(
        new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(block.area.title)] }),
      );
    } else if (block.kind === 'note') {
      for (const text of paragraphsOf(block.note.text)) {
        children.push(new Paragraph({ style: 'PlanNote', children: runs(text, { italics: true }) }));
      }
    } else children.push(...pointParagraphs(block.point));
  }
  const doc = new Document({
    title: plan.title,
    creator: 'Entente',
    lastModifiedBy: 'Entente',
    description: [meta, `Exported ${ctx.exportedAt.toISOString()}`].filter(Boolean).join(' · '),
    styles: STYLES,
    sections: [
      {
        properties: {
          page: { size: A4, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } },
        },
        headers: { default: header(ctx) },
        footers: { default: footer(ctx) },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

export function pointParagraphs(point: Point): Paragraph[] {
  const [first = '', ...rest] = paragraphsOf(point.text);
  const number = displayNumber(point.number);
  const lead = number === '' ? [] : [new TextRun({ text: number, bold: true }), tab()];
  const out = [
    new Paragraph({
      style: 'PlanPoint',
      // A point with items or more paragraphs should not strand its first line at the foot of a page.
      keepNext: rest.length > 0 || point.items.length > 0,
      children: [...lead, ...runs(first)],
    }),
  ];
  for (const text of rest) out.push(new Paragraph({ style: 'PlanContinuation', children: runs(text) }));
  for (const item of point.items) {
    out.push(
      new Paragraph({
        style: 'PlanItem',
        children: [new TextRun(itemMarker(item, ')', '•')), tab(), ...runs(item.text)],
      }),
    );
  }
  return out;
}

/** A real tab element: it jumps to the hanging indent, where a typed space would misalign. */
function tab(): TextRun {
  return new TextRun({ children: [new Tab()] });
}

export function runs(text: string, base: { italics?: boolean } = {}): TextRun[] {
  return tokenizeInline(text).map((run) => {
    const italics = run.italic !== (base.italics ?? false);
    // Only set what is on: an explicit "not bold" would override the paragraph style if a drafter restyles it.
    return new TextRun({
      text: run.text,
      ...(run.bold ? { bold: true } : {}),
      ...(italics ? { italics: true } : {}),
    });
  });
}

export function header(ctx: ExportContext): Header {
  const marking = ctx.marking?.trim();
  return new Header({
    children: marking
      ? [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: marking, bold: true, size: 17, color: '9C1C1C', allCaps: true })],
          }),
        ]
      : [],
  });
}

export function footer(ctx: ExportContext): Footer {
  const stamp = versionStamp(ctx);
  const small = { size: 17, color: MUTED };
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ ...small, children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] }),
          ...(stamp ? [new TextRun({ ...small, text: ` · ${stamp}` })] : []),
        ],
      }),
    ],
  });
}

/** Named styles rather than direct formatting, so a drafter can restyle the whole document in Word. */
export const STYLES = {
  default: {
    document: { run: { font: FONT, size: 22 }, paragraph: { spacing: { after: 120, line: 276 } } },
    title: {
      run: { font: FONT, size: 40, bold: true, color: '1F2A44' },
      paragraph: { spacing: { after: 80 } },
    },
    heading1: {
      run: { font: FONT, size: 26, bold: true, color: '1F2A44' },
      paragraph: {
        spacing: { before: 360, after: 120 },
        keepNext: true,
        border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: 'B8C0CC', space: 2 } },
      },
    },
  },
  paragraphStyles: [
    {
      id: 'Subtitle',
      name: 'Subtitle',
      basedOn: 'Normal',
      next: 'Normal',
      run: { italics: true, color: MUTED, size: 21 },
      paragraph: { spacing: { after: 360 } },
    },
    {
      id: 'Preamble',
      name: 'Preamble',
      basedOn: 'Normal',
      paragraph: { alignment: AlignmentType.JUSTIFIED },
    },
    {
      id: 'PlanPoint',
      name: 'Plan point',
      basedOn: 'Normal',
      paragraph: {
        indent: { left: TEXT_INDENT, hanging: TEXT_INDENT },
        tabStops: [{ type: TabStopType.LEFT, position: TEXT_INDENT }],
        spacing: { before: 60 },
      },
    },
    {
      id: 'PlanContinuation',
      name: 'Plan point continuation',
      basedOn: 'Normal',
      paragraph: { indent: { left: TEXT_INDENT } },
    },
    {
      id: 'PlanItem',
      name: 'Plan sub-item',
      basedOn: 'Normal',
      paragraph: {
        indent: { left: ITEM_INDENT, hanging: ITEM_HANGING },
        tabStops: [{ type: TabStopType.LEFT, position: ITEM_INDENT }],
        spacing: { after: 60 },
      },
    },
    {
      id: 'PlanNote',
      name: 'Plan note',
      basedOn: 'Normal',
      run: { color: '404040' },
      paragraph: { indent: { left: TEXT_INDENT } },
    },
  ],
};
