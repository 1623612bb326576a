import { type Doc, ensureSpace, INK, MUTED } from '../../../formats/export/pdf.ts';

export interface PdfColumn {
  title: string;
  /** Share of the table's width. */
  weight: number;
  align?: 'left' | 'right';
}

export interface PdfRow {
  cells: string[];
  /** A line under the row across the whole width (a score's justification). */
  note?: string | null;
  /** A cell whose text is coloured, to pick out a status. */
  accent?: { column: number; colour: string };
}

const SIZE = 8.5;
const PAD = 3;
const RULE = '#c9ced6';

/**
 * A table across the text column: a bold header row, repeated on each new page, then rows whose
 * height fits their tallest cell; a row never breaks across pages.
 */
export function pdfTable(doc: Doc, columns: readonly PdfColumn[], rows: readonly PdfRow[]): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const total = columns.reduce((n, c) => n + c.weight, 0);
  const widths = columns.map((c) => (c.weight / total) * width);
  const xs = widths.map((_, i) => left + widths.slice(0, i).reduce((n, w) => n + w, 0));

  const cellHeight = (text: string, i: number, font: string) => {
    doc.font(font).fontSize(SIZE);
    return doc.heightOfString(text || ' ', { width: widths[i]! - 2 * PAD, lineGap: 1 });
  };
  const line = (y: number, color: string) =>
    doc
      .save()
      .moveTo(left, y)
      .lineTo(left + width, y)
      .lineWidth(0.5)
      .strokeColor(color)
      .stroke()
      .restore();
  const header = () => {
    const h = Math.max(...columns.map((c, i) => cellHeight(c.title, i, 'sansBold'))) + 2 * PAD;
    const y = doc.y;
    columns.forEach((c, i) => {
      doc.font('sansBold').fontSize(SIZE).fillColor(INK);
      doc.text(c.title, xs[i]! + PAD, y + PAD, {
        width: widths[i]! - 2 * PAD,
        align: c.align ?? 'left',
        lineGap: 1,
      });
    });
    doc.y = y + h;
    line(doc.y, INK);
  };

  header();
  for (const row of rows) {
    const h = Math.max(...row.cells.map((t, i) => cellHeight(t, i, 'serif'))) + 2 * PAD;
    doc.font('serifItalic').fontSize(SIZE);
    const noteHeight = row.note
      ? doc.heightOfString(row.note, { width: width - 2 * PAD, lineGap: 1 }) + PAD
      : 0;
    if (doc.y + h + noteHeight > doc.page.maxY()) {
      doc.addPage();
      header();
    }
    const y = doc.y;
    row.cells.forEach((text, i) => {
      doc
        .font(i === 0 ? 'sansBold' : 'serif')
        .fontSize(SIZE)
        .fillColor(i === row.accent?.column ? row.accent.colour : INK);
      doc.text(text, xs[i]! + PAD, y + PAD, {
        width: widths[i]! - 2 * PAD,
        align: columns[i]?.align ?? 'left',
        lineGap: 1,
      });
    });
    doc.y = y + h;
    if (row.note) {
      doc.font('serifItalic').fontSize(SIZE).fillColor(MUTED);
      doc.text(row.note, left + PAD, doc.y - PAD / 2, { width: width - 2 * PAD, lineGap: 1 });
      doc.y += PAD / 2;
    }
    line(doc.y, RULE);
  }
  doc.x = left;
  doc.moveDown(0.8);
  ensureSpace(doc, 0);
}
