import { Document, HeadingLevel, Packer, PageBreak, Paragraph, TextRun } from 'docx';
import type { BriefAmendment, BriefModel, BriefStance } from '../../services/briefs/build-brief.ts';
import { A4, footer, header, MARGIN, MUTED, pointParagraphs, runs, STYLES } from './docx.ts';
import { paragraphsOf } from './reading-order.ts';

/** Left indent of what a brief adds under a point (stances, amendments): the point's text column. */
const INDENT = 680;

/**
 * A negotiation brief as a Word document: a title page, then the text point by point with the
 * stances and open amendments under each, then amendments elsewhere and the next meetings. The
 * plan's own paragraphs and styles are the plan export's, so a brief reads like the plan.
 */
export async function briefToDocx(brief: BriefModel): Promise<Uint8Array> {
  const children: Paragraph[] = [...titlePage(brief)];
  for (const text of paragraphsOf(brief.content.preamble))
    children.push(new Paragraph({ style: 'Preamble', children: runs(text) }));
  for (const block of brief.blocks) {
    if (block.kind === 'area') {
      children.push(
        new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(block.area.title)] }),
      );
    } else if (block.kind === 'note') {
      for (const text of paragraphsOf(block.note.text))
        children.push(new Paragraph({ style: 'PlanNote', children: runs(text, { italics: true }) }));
    } else {
      children.push(...pointParagraphs(block.point));
      for (const s of block.stances) children.push(stanceParagraph(s));
      for (const a of block.amendments) children.push(...amendmentParagraphs(a));
    }
  }
  if (brief.otherAmendments.length > 0) {
    children.push(heading1('Open amendments on other points'));
    for (const a of brief.otherAmendments) children.push(...amendmentParagraphs(a));
  }
  children.push(heading1('Next meetings'));
  if (brief.meetings.length === 0) children.push(meta('No meetings ahead.'));
  for (const m of brief.meetings) {
    children.push(
      new Paragraph({
        style: 'BriefItem',
        keepNext: true,
        children: [new TextRun({ text: m.title, bold: true }), new TextRun(` — ${m.statusLabel}`)],
      }),
      meta([m.when, m.place].filter(Boolean).join(' · ')),
      ...(m.parties.length > 0 ? [meta(`With ${m.parties.join(', ')}`)] : []),
    );
  }
  const doc = new Document({
    title: `${brief.title} — ${brief.planTitle}`,
    creator: 'Entente',
    lastModifiedBy: 'Entente',
    description: `Prepared for ${brief.preparedFor} · ${brief.preparedOn}`,
    styles: { ...STYLES, paragraphStyles: [...STYLES.paragraphStyles, ...BRIEF_STYLES] },
    sections: [
      {
        properties: {
          page: { size: A4, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } },
        },
        headers: { default: header(brief.context) },
        footers: { default: footer(brief.context) },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

function titlePage(brief: BriefModel): Paragraph[] {
  return [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(brief.title)] }),
    new Paragraph({ style: 'Subtitle', children: [new TextRun(brief.planTitle)] }),
    new Paragraph({
      style: 'BriefFor',
      children: [new TextRun('Prepared for '), new TextRun({ text: brief.preparedFor, bold: true })],
    }),
    meta(`${brief.preparedOn} · by ${brief.preparedBy}`),
    meta(brief.processTitle),
    ...brief.about.map((line) => new Paragraph({ style: 'BriefAbout', children: [new TextRun(line)] })),
    meta(
      `${brief.counts.points} points · ${brief.counts.stances} stances · ${brief.counts.amendments} open amendments · ${brief.counts.meetings} meetings ahead`,
    ),
    new Paragraph({ children: [new PageBreak()] }),
  ];
}

function stanceParagraph(s: BriefStance): Paragraph {
  return new Paragraph({
    style: 'BriefItem',
    children: [
      new TextRun({ text: `${s.party.name}: `, bold: true }),
      new TextRun(`${s.stanceLabel} · priority ${s.priority} · as of ${s.asOf}`),
      ...(s.rationale ? [new TextRun({ text: ` — ${s.rationale}`, italics: true })] : []),
    ],
  });
}

function amendmentParagraphs(a: BriefAmendment): Paragraph[] {
  return [
    new Paragraph({
      style: 'BriefItem',
      keepNext: true,
      children: [
        new TextRun({ text: `Amendment (${a.party.code}): `, bold: true }),
        new TextRun(`${a.what} · ${a.stateLabel} · ${a.date}`),
      ],
    }),
    ...paragraphsOf(a.text).map((t) => new Paragraph({ style: 'BriefQuote', children: runs(t) })),
    ...(a.rationale
      ? [
          new Paragraph({
            style: 'BriefQuote',
            children: runs(`Rationale: ${a.rationale}`, { italics: true }),
          }),
        ]
      : []),
  ];
}

function heading1(text: string): Paragraph {
  return new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(text)] });
}

function meta(text: string): Paragraph {
  return new Paragraph({ style: 'BriefMeta', children: [new TextRun(text)] });
}

const BRIEF_STYLES = [
  {
    id: 'BriefFor',
    name: 'Brief recipient',
    basedOn: 'Normal',
    run: { size: 28 },
    paragraph: { spacing: { before: 480, after: 120 } },
  },
  { id: 'BriefMeta', name: 'Brief detail', basedOn: 'Normal', run: { color: MUTED, size: 20 } },
  {
    id: 'BriefAbout',
    name: 'Brief scope',
    basedOn: 'Normal',
    paragraph: { spacing: { before: 120 } },
  },
  {
    id: 'BriefItem',
    name: 'Brief stance or amendment',
    basedOn: 'Normal',
    run: { size: 20 },
    paragraph: { indent: { left: INDENT }, spacing: { after: 40 } },
  },
  {
    id: 'BriefQuote',
    name: 'Brief proposed text',
    basedOn: 'Normal',
    run: { size: 20, color: '303030' },
    paragraph: { indent: { left: INDENT + 340 }, spacing: { after: 60 } },
  },
];
