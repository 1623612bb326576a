import { describe, expect, it } from 'vitest';
import { demoPlanHistory } from '../../demo/demo-plan-history.ts';
import { planToMarkdown } from '../../demo/plan-markdown.ts';
import { markPlan } from '../leak-trace/fingerprint-plan.ts';
import type { PlanContent } from '../plans/plan.ts';
import { alignCounterProposal } from './align-counter-proposal.ts';
import type { CounterChange, CounterProposal } from './counter-proposal-types.ts';

let counter = 0;
const draftTwo: PlanContent = demoPlanHistory((prefix) => `${prefix}_${++counter}`).versions[1]!;
const idOf = (number: string) => draftTwo.points.find((p) => p.number === number)!.id;
const textOf = (number: string) => draftTwo.points.find((p) => p.number === number)!.text;

function proposalOf(text: string, base = draftTwo): CounterProposal {
  const result = alignCounterProposal(base, text);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.proposal;
}

/** One line per change: kind, base number, counter number, placement. */
function summary(changes: readonly CounterChange[]): string[] {
  return changes.map((c) => {
    if (c.kind === 'replaced') return `replaced ${c.number} by ${c.counterNumber} (${c.origin})`;
    if (c.kind === 'deleted') return `deleted ${c.number} (${c.origin})`;
    return `added ${c.counterNumber} after ${c.afterNumber ?? 'start'} in ${c.areaTitle} (${c.origin})`;
  });
}

/** Draft 2 as Karst would type it up: its own numbering, "Article n." restarting under each heading. */
function inKarstNumbering(markdown: string): string {
  let article = 0;
  return markdown
    .split('\n')
    .map((line) => {
      if (line.startsWith('## ')) article = 0;
      return line.replace(/^\d+[a-z]*\. /, () => `Article ${++article}. `);
    })
    .join('\n');
}

describe('aligning a counter-proposal to its base version', () => {
  const markdown = planToMarkdown(draftTwo);

  it('finds nothing to propose in the base text renumbered, re-spaced and re-punctuated', () => {
    const retyped = inKarstNumbering(markdown)
      .replace('“all for all”', '"all for all"')
      .replace('"all for all"', '«all for all»')
      .replace(/, /g, ' , ')
      .replace('within 72 hours of the signature', 'within 72 hours\nof the signature')
      .replace(/^ {3}([a-d])\. /gm, '   ($1) ');
    const proposal = proposalOf(retyped);
    expect(proposal.changes).toEqual([]);
    expect(proposal.unchanged).toBe(draftTwo.points.length);
    expect(proposal.notices).toEqual([]);
  });

  it('ignores the marks of a fingerprinted copy the party answers on', () => {
    const marked = markPlan(draftTwo, 'seed of the copy sent to Karst');
    expect(planToMarkdown(marked)).not.toBe(markdown);
    const proposal = proposalOf(planToMarkdown(marked));
    expect(proposal.changes).toEqual([]);
  });

  it('turns a Karst counter-text into one change per changed point, in the base order', () => {
    const counterText = inKarstNumbering(
      markdown
        .replace('within 72 hours of the signature', 'within seven days of the signature')
        .replace(/\n\n5\. A demilitarised zone[^\n]*\n/, '\n\n')
        .replace(/\n\n14\. The parties shall exchange all available minefield records[^\n]*\n/, '\n\n')
        .replace(
          'in stages, each stage linked to verified implementation of the security arrangements',
          'in full upon the signature of this Framework',
        )
        .replace(
          'of the Special Envoy. The Commission shall meet',
          'of the Special Envoy.\n\n4bis. The Commission shall meet',
        )
        .replace(
          /\n\n(8\. Neither party shall station)/,
          '\n\n7bis. The parties shall establish a joint technical board for the Vell dam, with engineers from both countries.\n\n$1',
        ),
    );
    const proposal = proposalOf(counterText);
    expect(summary(proposal.changes)).toEqual([
      'replaced 1 by 1 (edit)',
      'replaced 4 by 4 (split)',
      'added 5 after 4 in Cessation of hostilities (split)',
      'deleted 5 (edit)',
      'added 3 after 7 in Security arrangements (edit)',
      'deleted 14 (edit)',
      'replaced 18 by 3 (edit)',
    ]);
    expect(proposal.unchanged).toBe(draftTwo.points.length - 5);
    const [first, split, rest, deleted] = proposal.changes;
    expect(first).toMatchObject({
      kind: 'replaced',
      pointId: idOf('1'),
      baseText: textOf('1'),
      text: textOf('1').replace('72 hours', 'seven days'),
    });
    if (first?.kind !== 'replaced') throw new Error('expected a replacement');
    expect(first.similarity).toBeGreaterThan(0.85);
    const words = (op: string) =>
      first.segments
        .filter((s) => s.op === op)
        .map((s) => s.text.trim())
        .join(' ');
    expect(words('delete')).toBe('72 hours');
    expect(words('insert')).toBe('seven days');
    expect(split).toMatchObject({ pointId: idOf('4'), key: `replace:${idOf('4')}` });
    expect(rest).toMatchObject({
      kind: 'added',
      afterPointId: idOf('4'),
      areaId: draftTwo.points[0]!.areaId,
      text: 'The Commission shall meet at least weekly, receive reports of violations and agree on measures to prevent their repetition.',
    });
    expect(deleted).toMatchObject({ kind: 'deleted', pointId: idOf('5'), key: `delete:${idOf('5')}` });
    expect(new Set(proposal.changes.map((c) => c.key)).size).toBe(proposal.changes.length);
  });

  it('keeps sub-items in the proposed text, one per line, and ignores a relabelling of them', () => {
    const relabelled = markdown.replace(
      /^ {3}([a-d])\. /gm,
      (_, l: string) => `   (${['i', 'ii', 'iii', 'iv'][l.charCodeAt(0) - 97]}) `,
    );
    expect(proposalOf(relabelled).changes).toEqual([]);
    const edited = markdown.replace(
      'air, missile and drone strikes;',
      'air, missile, drone and naval strikes;',
    );
    const [change] = proposalOf(edited).changes;
    expect(change).toMatchObject({ kind: 'replaced', pointId: idOf('2') });
    expect(change?.kind === 'replaced' && change.text.split('\n')).toEqual([
      textOf('2'),
      'a) artillery, rocket and mortar fire;',
      'b) air, missile, drone and naval strikes;',
      'c) ground advances beyond the positions held at that moment;',
      'd) attacks on civilian infrastructure, including energy, water and medical facilities.',
    ]);
  });

  it('makes a merge one replacement and deletions of the points it swallowed', () => {
    const merged = markdown.replace(
      /(11\. Civilians[^\n]*)\n\n12\. ([^\n]*)\n/,
      (_, eleven: string, twelve: string) => `${eleven} ${twelve}\n`,
    );
    expect(summary(proposalOf(merged).changes)).toEqual(['replaced 11 by 11 (merge)', 'deleted 12 (merge)']);
  });

  it('reports a move it cannot propose, and proposes nothing for it', () => {
    const lines = markdown.split('\n\n');
    const amnesty = lines.findIndex((b) => b.startsWith('20. '));
    const [moved] = lines.splice(amnesty, 1);
    lines.splice(
      lines.findIndex((b) => b.startsWith('1. ')),
      0,
      moved!,
    );
    const proposal = proposalOf(lines.join('\n\n'));
    expect(proposal.changes).toEqual([]);
    expect(proposal.notices).toHaveLength(1);
    expect(proposal.notices[0]).toMatchObject({ kind: 'moved' });
    expect(proposal.notices[0]!.message).toContain('Point 20');
  });

  it('places a new first point of an area at the start of that area', () => {
    const text = markdown.replace(
      '## Humanitarian and detainees\n\n',
      '## Humanitarian and detainees\n\n9bis. The International Committee of the Red Cross shall have access to all places of detention.\n\n',
    );
    const [change] = proposalOf(text).changes;
    expect(change).toMatchObject({
      kind: 'added',
      afterPointId: null,
      areaId: draftTwo.points.find((p) => p.number === '10')!.areaId,
      areaTitle: 'Humanitarian and detainees',
    });
  });

  it('places points under a heading the base lacks after the point before it, and says so', () => {
    const text = markdown.replace(
      '## Political and economic',
      '## Energy\n\n15bis. The parties shall restore the power interconnector within 30 days.\n\n## Political and economic',
    );
    const proposal = proposalOf(text);
    expect(summary(proposal.changes)).toEqual(['added 15bis after 15 in Humanitarian and detainees (edit)']);
    expect(proposal.notices.map((n) => n.kind)).toEqual(['area']);
    expect(proposal.notices[0]!.message).toContain('“Energy”');
  });

  it('notes a changed title or preamble, which amendments cannot carry', () => {
    const text = markdown.replace(
      '# Framework for a Durable Settlement',
      '# Karst proposal for a Settlement',
    );
    expect(proposalOf(text).notices.map((n) => n.kind)).toEqual(['title']);
  });

  it('reports text it cannot read as problems, not an exception', () => {
    const empty = alignCounterProposal(draftTwo, '  \n\n ');
    expect(empty.ok).toBe(false);
    expect(empty.problems[0]?.message).toMatch(/empty/);
    const unnumbered = alignCounterProposal(draftTwo, 'We reject the framework as a whole.');
    expect(unnumbered.ok).toBe(false);
    expect(unnumbered.problems[0]?.message).toMatch(/no numbered points/);
  });
});
