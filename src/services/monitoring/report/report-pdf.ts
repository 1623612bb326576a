import type { CommitmentStatus } from '../../../domain/monitoring/monitoring-model.ts';
import {
  ACCENT,
  BODY,
  type Doc,
  ensureSpace,
  heading,
  INK,
  LINE_GAP,
  MUTED,
  renderPdf,
  rule,
} from '../../../formats/export/pdf.ts';
import { drawScene } from './chart-pdf.ts';
import type { ReportModel } from './report-model.ts';
import { pdfTable } from './report-pdf-table.ts';

/** Status colours, shared by the PDF's table; the Word table uses the same. */
export const STATUS_COLOURS: Record<CommitmentStatus, string> = {
  not_started: '#5a5a5a',
  in_progress: '#1f5fa8',
  completed: '#2e7d32',
  completed_late: '#8a6d00',
  overdue: '#b3261e',
  breached: '#8e0000',
  disputed: '#7b3fa0',
};

/**
 * The implementation report as an A4 PDF in the export's fonts and frame (marking in the
 * header, page and version in the footer); the charts drawn as vectors.
 */
export async function reportToPdf(report: ReportModel): Promise<Uint8Array> {
  return renderPdf(`${report.title} — ${report.agreementTitle}`, report.context, (doc) => {
    const left = doc.page.margins.left;
    const width = doc.page.width - left - doc.page.margins.right;
    titleBlock(doc, report, left, width);
    heading(doc, 'Summary', left, width);
    doc.fillColor(INK).font('serifBold').fontSize(12).text(report.headline, left, doc.y, { width });
    doc.moveDown(0.5);
    const counts = report.counts.map((c) => `${c.label}: ${c.count}`).join(' · ');
    doc.fillColor(INK).font('serif').fontSize(BODY).text(counts, left, doc.y, { width, lineGap: LINE_GAP });
    for (const chart of report.charts) {
      const height = (chart.scene.height * width) / chart.scene.width;
      heading(doc, chart.title, left, width);
      ensureSpace(doc, height + 6);
      const y = doc.y;
      drawScene(doc, chart.scene, left, y, width);
      doc.x = left;
      doc.y = y + height + 6;
    }
    for (const group of report.groups) {
      heading(doc, `Implementation ${group.title.toLowerCase()}`, left, width);
      pdfTable(
        doc,
        [
          { title: group.title.replace(/^By /, '').replace(/^./, (c) => c.toUpperCase()), weight: 5 },
          { title: 'Commitments', weight: 1.6, align: 'right' },
          { title: 'Scored', weight: 1.3, align: 'right' },
          { title: 'Implemented', weight: 1.6, align: 'right' },
        ],
        group.rows.map((r) => ({ cells: [r.label, String(r.commitments), String(r.scored), r.percent] })),
      );
    }
    heading(doc, 'Commitments', left, width);
    pdfTable(
      doc,
      [
        { title: '#', weight: 0.6 },
        { title: 'Commitment', weight: 3.4 },
        { title: 'Status', weight: 1.5 },
        { title: 'Deadline', weight: 2.4 },
        { title: 'Progress', weight: 2.1 },
        { title: 'Score', weight: 1.5 },
      ],
      report.rows.map((r) => ({
        cells: [
          r.number,
          [r.title, r.source, r.parties].filter(Boolean).join('\n'),
          r.statusLabel,
          r.deadline,
          r.progress,
          r.score,
        ],
        note: r.justification ? `Score justification: ${r.justification}` : null,
        accent: { column: 2, colour: STATUS_COLOURS[r.status] },
      })),
    );
  });
}

function titleBlock(doc: Doc, report: ReportModel, left: number, width: number): void {
  doc.fillColor(ACCENT).font('serifBold').fontSize(22).text(report.title, left, doc.y, { width });
  doc.moveDown(0.15).fillColor(INK).font('serifItalic').fontSize(14).text(report.agreementTitle, { width });
  doc.moveDown(0.4).fillColor(INK).font('serif').fontSize(BODY).text(`As of ${report.asOf}`, { width });
  doc
    .fillColor(MUTED)
    .fontSize(9.5)
    .text(`Prepared for ${report.preparedFor} on ${report.preparedOn}`, { width });
  doc.moveDown(0.6);
  rule(doc, left, width, ACCENT, 0.8);
  doc.moveDown(0.6);
  for (const fact of report.facts) {
    doc.fillColor(INK).font('serifBold').fontSize(BODY).text(`${fact.label}: `, left, doc.y, {
      width,
      continued: true,
      lineGap: LINE_GAP,
    });
    doc.font('serif').text(fact.value, { lineGap: LINE_GAP });
  }
}
