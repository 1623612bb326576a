import type { BriefAmendment, BriefModel, BriefStance } from '../../services/briefs/build-brief.ts';
import { plainInline } from './inline-markdown.ts';
import {
  ACCENT,
  BODY,
  type Doc,
  ensureSpace,
  type Frame,
  heading,
  INK,
  LINE_GAP,
  MUTED,
  point,
  pointFrame,
  renderPdf,
  rich,
  rule,
} from './pdf.ts';
import { paragraphsOf } from './reading-order.ts';

const SMALL = 9.5;
const QUOTE_INDENT = 14;

/**
 * A negotiation brief as an A4 PDF: a title page, then the text point by point (set exactly as
 * the plan export sets it) with the stances and open amendments under each, then amendments
 * elsewhere and the next meetings.
 */
export async function briefToPdf(brief: BriefModel): Promise<Uint8Array> {
  return renderPdf(`${brief.title} — ${plainInline(brief.planTitle)}`, brief.context, (doc) => {
    const frame = pointFrame(doc, brief.content.points);
    titlePage(doc, brief, frame);
    doc.addPage();
    for (const text of paragraphsOf(brief.content.preamble)) {
      rich(doc, text, frame.left, frame.width, {});
      doc.moveDown(0.5);
    }
    for (const block of brief.blocks) {
      if (block.kind === 'area') heading(doc, block.area.title, frame.left, frame.width);
      else if (block.kind === 'note') {
        for (const text of paragraphsOf(block.note.text)) {
          rich(doc, text, frame.left + frame.hang, frame.width - frame.hang, { italic: true, color: MUTED });
          doc.moveDown(0.3);
        }
        doc.moveDown(0.4);
      } else {
        point(doc, block.point, frame);
        if (block.stances.length + block.amendments.length > 0) {
          doc.moveDown(-0.3);
          for (const s of block.stances) stance(doc, s, frame);
          for (const a of block.amendments) amendment(doc, a, frame);
          doc.moveDown(0.5);
        }
      }
    }
    if (brief.otherAmendments.length > 0) {
      heading(doc, 'Open amendments on other points', frame.left, frame.width);
      for (const a of brief.otherAmendments) amendment(doc, a, frame);
    }
    heading(doc, 'Next meetings', frame.left, frame.width);
    if (brief.meetings.length === 0) line(doc, 'No meetings ahead.', frame.left, frame.width, MUTED);
    for (const m of brief.meetings) {
      ensureSpace(doc, 4 * (SMALL + LINE_GAP) * 1.2);
      doc.fillColor(INK).font('serifBold').fontSize(BODY).text(m.title, frame.left, doc.y, {
        width: frame.width,
        continued: true,
      });
      doc.font('serif').text(` — ${m.statusLabel}`);
      line(doc, [m.when, m.place].filter(Boolean).join(' · '), frame.left, frame.width, MUTED);
      if (m.parties.length > 0) line(doc, `With ${m.parties.join(', ')}`, frame.left, frame.width, MUTED);
      doc.moveDown(0.5);
    }
  });
}

function titlePage(doc: Doc, brief: BriefModel, { left, width }: Frame): void {
  doc.y = doc.page.margins.top + 120;
  doc.fillColor(ACCENT).font('serifBold').fontSize(26).text(brief.title, left, doc.y, { width });
  doc
    .moveDown(0.2)
    .fillColor(MUTED)
    .font('serifItalic')
    .fontSize(13)
    .text(plainInline(brief.planTitle), { width });
  doc.moveDown(1);
  rule(doc, left, width, ACCENT, 0.8);
  doc.moveDown(1.2);
  doc
    .fillColor(INK)
    .font('serif')
    .fontSize(15)
    .text('Prepared for ', left, doc.y, { width, continued: true });
  doc.font('serifBold').text(brief.preparedFor);
  doc.moveDown(0.4);
  line(doc, `${brief.preparedOn} · by ${brief.preparedBy}`, left, width, MUTED);
  line(doc, brief.processTitle, left, width, MUTED);
  doc.moveDown(1);
  for (const text of brief.about) {
    doc.fillColor(INK).font('serif').fontSize(BODY).text(text, left, doc.y, { width, lineGap: LINE_GAP });
    doc.moveDown(0.4);
  }
  doc.moveDown(0.6);
  line(
    doc,
    `${brief.counts.points} points · ${brief.counts.stances} stances · ${brief.counts.amendments} open amendments · ${brief.counts.meetings} meetings ahead`,
    left,
    width,
    MUTED,
  );
}

function stance(doc: Doc, s: BriefStance, { left, width, hang }: Frame): void {
  const x = left + hang;
  const w = width - hang;
  doc.fontSize(SMALL);
  ensureSpace(doc, 2 * (SMALL + LINE_GAP));
  doc.fillColor(INK).font('serifBold').text(`${s.party.name}: `, x, doc.y, { width: w, continued: true });
  doc.font('serif').text(`${s.stanceLabel} · priority ${s.priority} · as of ${s.asOf}`, {
    continued: s.rationale !== null,
  });
  if (s.rationale) doc.font('serifItalic').fillColor(MUTED).text(` — ${s.rationale}`);
  doc.moveDown(0.15);
}

function amendment(doc: Doc, a: BriefAmendment, { left, width, hang }: Frame): void {
  const x = left + hang;
  const w = width - hang;
  doc.fontSize(SMALL);
  ensureSpace(doc, 3 * (SMALL + LINE_GAP));
  doc
    .fillColor(INK)
    .font('serifBold')
    .text(`Amendment (${a.party.code}): `, x, doc.y, { width: w, continued: true });
  doc.font('serif').text(`${a.what} · ${a.stateLabel} · ${a.date}`);
  doc.moveDown(0.1);
  for (const text of paragraphsOf(a.text)) {
    rich(doc, text, x + QUOTE_INDENT, w - QUOTE_INDENT, { color: '#303030' });
    doc.moveDown(0.15);
  }
  if (a.rationale) {
    rich(doc, `Rationale: ${a.rationale}`, x + QUOTE_INDENT, w - QUOTE_INDENT, {
      italic: true,
      color: MUTED,
    });
    doc.moveDown(0.15);
  }
  doc.moveDown(0.2);
}

function line(doc: Doc, text: string, x: number, width: number, color: string): void {
  doc.fillColor(color).font('serif').fontSize(SMALL).text(text, x, doc.y, { width, lineGap: 1.5 });
}
