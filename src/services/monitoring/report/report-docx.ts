import {
  BorderStyle,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { A4, footer, header, MARGIN, MUTED, STYLES } from '../../../formats/export/docx.ts';
import { sceneToPng } from './chart-png.ts';
import type { ReportModel } from './report-model.ts';
import { STATUS_COLOURS } from './report-pdf.ts';

/** The text column in twips, and in px at 96 dpi for the charts. */
const TEXT_WIDTH = A4.width - 2 * MARGIN;
const TEXT_PX = Math.round((TEXT_WIDTH / 1440) * 96);
const SMALL = 18;
const RULE = { style: BorderStyle.SINGLE, size: 4, color: 'C9CED6' };
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

/**
 * The implementation report as a Word document in the export's styles, header and footer; each
 * chart is the scene rasterised to a PNG (twice its printed size), the tables real Word tables.
 */
export async function reportToDocx(report: ReportModel): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(report.title)] }),
    new Paragraph({ style: 'Subtitle', children: [new TextRun(report.agreementTitle)] }),
    new Paragraph({ children: [new TextRun(`As of ${report.asOf}`)] }),
    meta(`Prepared for ${report.preparedFor} on ${report.preparedOn}`),
    ...report.facts.map(
      (f) =>
        new Paragraph({
          children: [new TextRun({ text: `${f.label}: `, bold: true }), new TextRun(f.value)],
        }),
    ),
    heading1('Summary'),
    new Paragraph({ children: [new TextRun({ text: report.headline, bold: true, size: 24 })] }),
    new Paragraph({
      children: [new TextRun(report.counts.map((c) => `${c.label}: ${c.count}`).join(' · '))],
    }),
  ];
  for (const chart of report.charts) {
    const height = Math.round((chart.scene.height * TEXT_PX) / chart.scene.width);
    children.push(
      heading1(chart.title),
      new Paragraph({
        keepLines: true,
        children: [
          new ImageRun({
            type: 'png',
            data: sceneToPng(chart.scene),
            transformation: { width: TEXT_PX, height },
            altText: { name: chart.title, title: chart.title, description: chart.title },
          }),
        ],
      }),
    );
  }
  for (const group of report.groups) {
    children.push(heading1(`Implementation ${group.title.toLowerCase()}`));
    children.push(
      table(
        [5, 1.6, 1.3, 1.6],
        [
          group.title.replace(/^By /, '').replace(/^./, (c) => c.toUpperCase()),
          'Commitments',
          'Scored',
          'Implemented',
        ],
        group.rows.map((r) => ({ cells: [r.label, String(r.commitments), String(r.scored), r.percent] })),
      ),
    );
  }
  children.push(heading1('Commitments'));
  children.push(
    table(
      [0.6, 3.4, 1.5, 2.4, 2.1, 1.5],
      ['#', 'Commitment', 'Status', 'Deadline', 'Progress', 'Score'],
      report.rows.map((r) => ({
        cells: [
          r.number,
          [r.title, r.source, r.parties].filter((x): x is string => !!x).join('\n'),
          r.statusLabel,
          r.deadline,
          r.progress,
          r.score,
        ],
        colour: { column: 2, colour: STATUS_COLOURS[r.status].slice(1).toUpperCase() },
        note: r.justification ? `Score justification: ${r.justification}` : null,
      })),
    ),
  );
  const doc = new Document({
    title: `${report.title} — ${report.agreementTitle}`,
    creator: 'Entente',
    lastModifiedBy: 'Entente',
    description: `As of ${report.asOf} · prepared for ${report.preparedFor}`,
    styles: STYLES,
    sections: [
      {
        properties: {
          page: { size: A4, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } },
        },
        headers: { default: header(report.context) },
        footers: { default: footer(report.context) },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

interface DocxRow {
  cells: string[];
  colour?: { column: number; colour: string };
  note?: string | null;
}

/** A table across the text column, its header row repeated on each page; a note spans a row of its own. */
function table(weights: number[], titles: string[], rows: DocxRow[]): Table {
  const total = weights.reduce((n, w) => n + w, 0);
  const widths = weights.map((w) => Math.floor((w / total) * TEXT_WIDTH));
  const cell = (text: string, i: number, options: { bold?: boolean; colour?: string; span?: number } = {}) =>
    new TableCell({
      width: { size: options.span ? TEXT_WIDTH : widths[i]!, type: WidthType.DXA },
      columnSpan: options.span,
      borders: { top: NONE, left: NONE, right: NONE, bottom: RULE },
      margins: { top: 40, bottom: 40, left: 60, right: 60 },
      children: text.split('\n').map(
        (line) =>
          new Paragraph({
            spacing: { after: 0 },
            children: [
              new TextRun({
                text: line,
                size: SMALL,
                ...(options.bold ? { bold: true } : {}),
                ...(options.colour ? { color: options.colour } : {}),
                ...(options.span ? { italics: true, color: MUTED } : {}),
              }),
            ],
          }),
      ),
    });
  const head = new TableRow({
    tableHeader: true,
    children: titles.map(
      (t, i) =>
        new TableCell({
          width: { size: widths[i]!, type: WidthType.DXA },
          shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E8EBF0' },
          borders: { top: NONE, left: NONE, right: NONE, bottom: { ...RULE, color: '1A1A1A' } },
          margins: { top: 40, bottom: 40, left: 60, right: 60 },
          children: [
            new Paragraph({
              spacing: { after: 0 },
              children: [new TextRun({ text: t, bold: true, size: SMALL })],
            }),
          ],
        }),
    ),
  });
  const body = rows.flatMap((r) => [
    new TableRow({
      cantSplit: true,
      children: r.cells.map((text, i) =>
        cell(text, i, { bold: i === 0, colour: r.colour?.column === i ? r.colour.colour : undefined }),
      ),
    }),
    ...(r.note
      ? [new TableRow({ cantSplit: true, children: [cell(r.note, 0, { span: widths.length })] })]
      : []),
  ]);
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [head, ...body],
  });
}

function heading1(text: string): Paragraph {
  return new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(text)] });
}

function meta(text: string): Paragraph {
  return new Paragraph({ children: [new TextRun({ text, color: MUTED, size: 20 })] });
}
