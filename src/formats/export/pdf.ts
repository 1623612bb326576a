import PDFDocument from 'pdfkit';
import type { PlanContent, Point } from '../../domain/plans/plan.ts';
import { displayNumber, itemMarker } from './display-labels.ts';
import type { ExportContext } from './export-context.ts';
import { metaLine, versionStamp } from './export-context.ts';
import { plainInline, tokenizeInline } from './inline-markdown.ts';
import { PDF_FONTS, type PdfFont, serifFor } from './pdf-fonts.ts';
import { paragraphsOf, planBlocks } from './reading-order.ts';

export type Doc = InstanceType<typeof PDFDocument>;

const CM = 72 / 2.54;
const MARGIN = 2.5 * CM;
export const BODY = 10.5;
export const LINE_GAP = 2.5;
/** Bounds of the hanging-number column; a number wider than the maximum runs into its text instead. */
export const NUMBER_WIDTH = { min: 26, max: 64, gap: 8 };
const ITEM_MARKER_WIDTH = 18;
export const INK = '#1a1a1a';
export const ACCENT = '#1f2a44';
export const MUTED = '#5a5a5a';

/** The plan as an A4 PDF in DejaVu Serif, with marking in the header and page/version in the footer. */
export async function planToPdf(plan: PlanContent, ctx: ExportContext): Promise<Uint8Array> {
  const meta = metaLine(ctx);
  return renderPdf(plainInline(plan.title), ctx, (doc) => writeBody(doc, plan, meta));
}

/**
 * An A4 document with the fonts registered and Entente's metadata, written by `write`, then
 * stamped with header and footer on every page: the frame every PDF export shares.
 */
export async function renderPdf(
  title: string,
  ctx: ExportContext,
  write: (doc: Doc) => void,
): Promise<Uint8Array> {
  const meta = metaLine(ctx);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    displayTitle: true,
    info: {
      Title: title,
      Creator: 'Entente',
      Producer: 'Entente',
      ...(meta ? { Subject: meta } : {}),
      CreationDate: ctx.exportedAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  for (const [name, file] of Object.entries(PDF_FONTS)) doc.registerFont(name, file);

  write(doc);
  stampPages(doc, ctx);
  doc.end();
  await ended;
  return new Uint8Array(Buffer.concat(chunks));
}

/** Layout shared by every point, so all texts start at one vertical line. */
export interface Frame {
  left: number;
  width: number;
  /** Width of the hanging-number column, fitted to the widest number ("7bis.") in the plan. */
  hang: number;
}

/** The text column of the page, with the number column fitted to the widest number of `points`. */
export function pointFrame(doc: Doc, points: readonly Point[]): Frame {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.font('serifBold').fontSize(BODY);
  const widest = Math.max(0, ...points.map((p) => doc.widthOfString(displayNumber(p.number))));
  const hang = Math.max(NUMBER_WIDTH.min, Math.min(NUMBER_WIDTH.max, Math.ceil(widest + NUMBER_WIDTH.gap)));
  return { left, width, hang };
}

function writeBody(doc: Doc, plan: PlanContent, meta: string | null): void {
  const frame = pointFrame(doc, plan.points);
  const { left, width, hang } = frame;
  doc
    .fillColor(ACCENT)
    .font('serifBold')
    .fontSize(20)
    .text(plainInline(plan.title), left, doc.y, { width, lineGap: 2 });
  if (meta)
    doc.moveDown(0.2).fillColor(MUTED).font('serifItalic').fontSize(10).text(meta, left, doc.y, { width });
  doc.moveDown(0.6);
  rule(doc, left, width, ACCENT, 0.8);
  doc.moveDown(0.8);
  for (const text of paragraphsOf(plan.preamble)) {
    rich(doc, text, left, width, {});
    doc.moveDown(0.5);
  }
  for (const block of planBlocks(plan)) {
    if (block.kind === 'area') heading(doc, block.area.title, left, width);
    else if (block.kind === 'point') point(doc, block.point, frame);
    else {
      for (const text of paragraphsOf(block.note.text)) {
        rich(doc, text, left + hang, width - hang, { italic: true, color: MUTED });
        doc.moveDown(0.3);
      }
      doc.moveDown(0.4);
    }
  }
}

export function heading(doc: Doc, title: string, left: number, width: number): void {
  doc.font('sansBold').fontSize(12.5);
  // Keep a heading with at least three lines of what follows it.
  ensureSpace(doc, doc.heightOfString(title, { width }) + 14 + 3 * (BODY + LINE_GAP) * 1.2);
  if (doc.y > doc.page.margins.top + 1) doc.moveDown(0.7);
  doc.fillColor(ACCENT).text(title, left, doc.y, { width });
  doc.moveDown(0.15);
  rule(doc, left, width, '#b8c0cc', 0.5);
  doc.moveDown(0.6);
}

export function point(doc: Doc, p: Point, { left, width, hang }: Frame): void {
  const [first = '', ...rest] = paragraphsOf(p.text);
  const number = displayNumber(p.number);
  const textLeft = left + hang;
  const textWidth = width - hang;
  doc.font('serifBold').fontSize(BODY);
  // A number must never sit alone at the foot of a page, away from its text.
  ensureSpace(doc, 2 * (doc.currentLineHeight(true) + LINE_GAP));
  const fits = doc.widthOfString(number) <= hang - NUMBER_WIDTH.gap / 2;
  if (fits) {
    const y = doc.y;
    doc.fillColor(INK).text(number, left, y, { width: hang, lineBreak: false });
    doc.y = y;
    rich(doc, first, textLeft, textWidth, {});
  } else {
    rich(doc, number === '' ? first : `**${escapeMarkers(number)}** ${first}`, left, width, {});
  }
  for (const text of rest) {
    doc.moveDown(0.3);
    rich(doc, text, textLeft, textWidth, {});
  }
  if (p.items.length > 0) doc.moveDown(0.25);
  for (const item of p.items) {
    doc.font('serif').fontSize(BODY);
    ensureSpace(doc, doc.currentLineHeight(true) + LINE_GAP);
    const y = doc.y;
    doc
      .fillColor(INK)
      .text(itemMarker(item, ')', '•'), textLeft, y, { width: ITEM_MARKER_WIDTH, lineBreak: false });
    doc.y = y;
    rich(doc, item.text, textLeft + ITEM_MARKER_WIDTH, textWidth - ITEM_MARKER_WIDTH, {});
    doc.moveDown(0.15);
  }
  doc.moveDown(0.55);
}

export interface RichOptions {
  italic?: boolean;
  color?: string;
  align?: 'left' | 'justify';
}

/** One paragraph of inline Markdown as styled runs; pdfkit's `continued` keeps them in one flowing block. */
export function rich(doc: Doc, paragraph: string, x: number, width: number, options: RichOptions): void {
  const runs = tokenizeInline(paragraph);
  if (runs.length === 0) return;
  doc.fillColor(options.color ?? INK).fontSize(BODY);
  const y = doc.y;
  runs.forEach((run, i) => {
    const font: PdfFont = serifFor(run.bold, run.italic !== (options.italic ?? false));
    const continued = i < runs.length - 1;
    doc.font(font);
    if (i === 0)
      doc.text(run.text, x, y, { width, lineGap: LINE_GAP, align: options.align ?? 'left', continued });
    else doc.text(run.text, { continued });
  });
}

export function rule(doc: Doc, left: number, width: number, color: string, thickness: number): void {
  const y = doc.y;
  doc
    .save()
    .moveTo(left, y)
    .lineTo(left + width, y)
    .lineWidth(thickness)
    .strokeColor(color)
    .stroke()
    .restore();
}

export function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.maxY()) doc.addPage();
}

function escapeMarkers(text: string): string {
  return text.replace(/[\\*]/g, (c) => `\\${c}`);
}

/** Header and footer on every buffered page, drawn last so the footer can say "of M". */
function stampPages(doc: Doc, ctx: ExportContext): void {
  const { start, count } = doc.bufferedPageRange();
  const marking = ctx.marking?.trim();
  const stamp = versionStamp(ctx);
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const { left, right, bottom } = doc.page.margins;
    const width = doc.page.width - left - right;
    // Writing inside the bottom margin would make pdfkit start a new page; lift the margin while stamping.
    doc.page.margins.bottom = 0;
    if (marking) {
      doc.font('sansBold').fontSize(7.5).fillColor('#9c1c1c');
      doc.text(marking.toUpperCase(), left, MARGIN / 2 - 4, {
        width,
        align: 'center',
        characterSpacing: 0.6,
        lineBreak: false,
      });
    }
    const footer = [`Page ${i - start + 1} of ${count}`, stamp].filter(Boolean).join(' · ');
    doc.font('serif').fontSize(8).fillColor(MUTED);
    doc.text(footer, left, doc.page.height - MARGIN / 2, { width, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}
