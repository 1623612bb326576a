import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sequentialIds } from '../../shared/ids.ts';
import { parsePlanText } from './parse-plan-text.ts';
import { shapeOf } from './test-support/plan-shape.ts';

const parse = (text: string) => {
  const result = parsePlanText(text, { newId: sequentialIds() });
  if (!result.plan) throw new Error(`no plan: ${JSON.stringify(result.problems)}`);
  return shapeOf(result.plan);
};

describe('title and preamble', () => {
  const cases: [string, string, string, string][] = [
    ['a Markdown title', '# The Plan\n\nWe agree.\n\n1. Point.', 'The Plan', 'We agree.'],
    [
      'a short first line',
      'The Plan\n\nWe agree.\n\nWe mean it.\n\n1. Point.',
      'The Plan',
      'We agree.\n\nWe mean it.',
    ],
    ['an ALL-CAPS first line', 'THE 20-POINT PLAN\nWe agree.\n\n1. Point.', 'THE 20-POINT PLAN', 'We agree.'],
    [
      'a title line wrapped onto the preamble',
      'Peace Plan\nThe parties agree as\nfollows:\n1. Point.',
      'Peace Plan',
      'The parties agree as follows:',
    ],
    [
      'a preamble without a title',
      'The parties, recalling the accord of\nMinsk, agree as follows:\n\n1. Point.',
      '',
      'The parties, recalling the accord of Minsk, agree as follows:',
    ],
    ['no title at all', '1. Point.', '', ''],
  ];
  it.each(cases)('reads %s', (_name, text, title, preamble) => {
    const plan = parse(text);
    expect([plan.title, plan.preamble]).toEqual([title, preamble]);
  });
});

describe('headings become areas', () => {
  const cases: [string, string, string][] = [
    ['## Markdown', '## Ending the war', 'Ending the war'],
    ['### Markdown', '### Ending the war ###', 'Ending the war'],
    ['a short plain line', 'Ending the war', 'Ending the war'],
    ['ALL CAPS', 'ENDING THE WAR', 'ENDING THE WAR'],
    ['Part I:', 'Part I: Ending the war', 'Part I: Ending the war'],
    ['Section 2 –', 'Section 2 – Ending the war', 'Section 2 – Ending the war'],
    ['Chapter', 'Chapter Three', 'Chapter Three'],
    ['roman I.', 'I. Ending the war', 'Ending the war'],
    ['bare roman II.', 'II.', 'II'],
    ['capital letter A.', 'A. Ending the war', 'Ending the war'],
  ];
  it.each(cases)('reads %s', (_name, heading, title) => {
    const plan = parse(`Plan\n\nPreamble text.\n\n${heading}\n\n1. First.\n\n2. Second.`);
    expect(plan.areas).toEqual([title]);
    expect(plan.points.map((p) => p.area)).toEqual([title, title]);
    expect(plan.preamble).toBe('Preamble text.');
  });

  it('keeps points before the first heading outside any area, and empty Markdown areas', () => {
    const plan = parse('# Plan\n\n1. Loose.\n\n## Empty\n\n## Full\n\n1. Inside.');
    expect(plan.areas).toEqual(['Empty', 'Full']);
    expect(plan.points.map((p) => p.area)).toEqual([null, 'Full']);
  });

  it('does not take a short sentence inside a point for a heading', () => {
    const plan = parse('1. First.\n\nThis is final.\n\n2. Second.\n\n   Indented short\n\n3. Third.');
    expect(plan.areas).toEqual([]);
    expect(plan.points.map((p) => p.text)).toEqual([
      'First.\n\nThis is final.',
      'Second.\n\nIndented short',
      'Third.',
    ]);
  });
});

describe('notes between points', () => {
  const cases: [string, string][] = [
    ['a blockquote', '> Drafting note.'],
    ['Note:', 'Note: the parties disagree.'],
    ['NB', 'NB the parties disagree.'],
    ['N.B.', 'N.B. the parties disagree.'],
    ['Comment:', 'Comment: the parties disagree.'],
    ["Editor's note", 'Editor’s note: the parties disagree.'],
    ['[brackets]', '[The parties disagree.]'],
    ['*italics*', '*The parties disagree.*'],
  ];
  it.each(cases)('keeps %s as a note after the point', (_name, note) => {
    const plan = parse(`1. First.\n\n${note}\n\n2. Second.`);
    expect(plan.notes).toEqual([{ after: 0, text: note.replace(/^> /, '') }]);
    expect(plan.points.map((p) => p.text)).toEqual(['First.', 'Second.']);
  });

  it('joins a multi-paragraph blockquote and anchors a note before the first point to nothing', () => {
    const plan = parse('Plan\n\n> one\n> wrapped\n>\n> two\n\n1. First.\nNote: right after.');
    expect(plan.notes).toEqual([
      { after: null, text: 'one wrapped\n\ntwo' },
      { after: 0, text: 'Note: right after.' },
    ]);
  });

  it('lets other paragraphs after a point continue it, and keeps text under a heading as a note', () => {
    const plan = parse('1. First.\n\nMore of the first.\n\n## Area\n\nAn introduction.\n\n1. Second.');
    expect(plan.points[0]?.text).toBe('First.\n\nMore of the first.');
    expect(plan.notes).toEqual([{ after: 0, text: 'An introduction.' }]);
  });

  it('skips HTML comments such as the exporter trailer', () => {
    const plan = parse('1. First.\n\n<!-- Entente · Draft 3 -->\n\n<!--\nmulti\n-->');
    expect(plan.notes).toEqual([]);
    expect(plan.points[0]?.text).toBe('First.');
  });
});

describe('whitespace and encodings', () => {
  it.each([
    ['\\r\\n', '\ufeffPlan\r\n\r\n1. First\r\n   wrapped.\r\n2. Second.'],
    ['\\r', 'Plan\r\r1. First\r   wrapped.\r2. Second.'],
    ['tabs and non-breaking spaces', 'Plan\n\n1.\tFirst\u00a0\n\twrapped.\n2.\u00a0Second.'],
    ['zero-width characters', 'Plan\n\n\u200b1. First\u200b\nwrapped.\n\u20602. Second.'],
  ])('handles %s', (_name, text) => {
    const plan = parse(text);
    expect(plan.title).toBe('Plan');
    expect(plan.points.map((p) => p.text)).toEqual(['First wrapped.', 'Second.']);
  });

  it('keeps smart quotes and apostrophes as they are', () => {
    expect(parse('1. The “all for all” exchange, Aldoria’s ‘own’ words.').points[0]?.text).toBe(
      'The “all for all” exchange, Aldoria’s ‘own’ words.',
    );
  });
});

describe('whole plans', () => {
  it('reads the 28-point fixture: roman headings, items, bis points, notes', () => {
    const text = readFileSync(new URL('./fixtures/twenty-eight-points.txt', import.meta.url), 'utf8');
    const result = parsePlanText(text);
    const plan = shapeOf(result.plan!);
    expect(result.problems).toEqual([]);
    expect(plan.title).toBe('FRAMEWORK FOR PEACE IN THE VALERIAN HIGHLANDS');
    expect(plan.preamble.split('\n\n')).toHaveLength(2);
    expect(plan.areas).toHaveLength(6);
    expect(plan.points).toHaveLength(29);
    expect(plan.points[7]?.number).toBe('7bis');
    expect(plan.points[1]?.items).toEqual([
      'a: artillery of 100 mm calibre and above, to 25 km;',
      'b: multiple-launch rocket systems, to 35 km;',
      'c: armoured vehicles, to 15 km.',
    ]);
    expect(plan.notes.map((n) => plan.points[n.after!]?.number)).toEqual(['4', '10']);
  });

  it('reads a 20-point press-style plan with ALL-CAPS areas, "Point N:" numbering and arrows', () => {
    const areas = ['CEASEFIRE', 'PRISONERS', 'RECONSTRUCTION', 'GOVERNANCE'];
    const lines = ['The Twenty-Point Plan', '', 'Published in full by the press office.', ''];
    for (let n = 1; n <= 20; n++) {
      if (n % 5 === 1) lines.push(areas[(n - 1) / 5]!, '');
      lines.push(`Point ${n}: The parties commit to step ${n}.`);
      if (n % 4 === 0) lines.push('→ first part', '→ second part');
      lines.push('');
    }
    const plan = parse(lines.join('\n'));
    expect(plan.areas).toEqual(areas);
    expect(plan.points.map((p) => p.number)).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 1)));
    expect(plan.points[3]?.items).toEqual(['• first part', '• second part']);
    expect(plan.points[19]?.area).toBe('GOVERNANCE');
  });

  it('reads a Word paste: hard wraps, tabs, no blank lines, points running on across headings', () => {
    const text = [
      'PEACE FRAMEWORK',
      'Preamble',
      'The Parties, determined to end the conflict and to build a lasting',
      'peace, have agreed as follows:',
      'Section 1 – Cessation of hostilities',
      '1.\tA ceasefire shall enter into force at 00:00 on the day after',
      'signature and shall be monitored by the mission.',
      '2.\tHeavy weapons shall be withdrawn:',
      '\ta)\tartillery, to 25 km from the line of',
      '\t\tcontact;',
      '\tb)\trocket systems, to 35 km.',
      'Section 2 – Detainees',
      '3.\tAll detainees shall be released.',
    ].join('\r\n');
    const plan = parse(text);
    expect(plan.title).toBe('PEACE FRAMEWORK');
    expect(plan.areas).toEqual(['Section 1 – Cessation of hostilities', 'Section 2 – Detainees']);
    expect(plan.points.map((p) => p.text)).toEqual([
      'A ceasefire shall enter into force at 00:00 on the day after signature and shall be monitored by the mission.',
      'Heavy weapons shall be withdrawn:',
      'All detainees shall be released.',
    ]);
    expect(plan.points[1]?.items).toEqual([
      'a: artillery, to 25 km from the line of contact;',
      'b: rocket systems, to 35 km.',
    ]);
  });
});
