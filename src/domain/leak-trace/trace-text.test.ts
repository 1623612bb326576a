import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planToMarkdown } from '../../formats/export/markdown.ts';
import { planArbitrary } from '../plans/import/test-support/plan-arbitrary.ts';
import { renderPlanText } from '../plans/import/test-support/render-plan-text.ts';
import { markPlan } from './fingerprint-plan.ts';
import { stripInvisibleMarks } from './marks.ts';
import {
  hyphenatedPlan,
  normaliseWhitespace,
  rewrap,
  threeRecipients,
  twentyEightPoints,
} from './test-support.ts';
import { type TraceCandidate, type TraceResult, traceText } from './trace-text.ts';

const plan = twentyEightPoints();
const { candidates, copies } = threeRecipients(plan);
const exports = copies.map((copy) => planToMarkdown(copy));

/** Points `from`–`to` of a Markdown export, as someone quoting them would paste them. */
function excerpt(markdown: string, from: number, to: number): string {
  const blocks = markdown.split('\n\n');
  const start = blocks.findIndex((b) => b.startsWith(`${from}. `));
  const end = blocks.findIndex((b) => b.startsWith(`${to + 1}. `));
  return blocks.slice(start, end).join('\n\n');
}

function expectIdentified(result: TraceResult, id: string) {
  expect(result.verdict, JSON.stringify(result.ranking.slice(0, 2))).toBe('identified');
  expect(result.best?.id).toBe(id);
  expect(result.best?.confidence).toBeGreaterThanOrEqual(0.99);
  expect(result.best?.chance).toBeLessThanOrEqual(0.01);
}

/** Whatever the verdict, a trace never names a copy that did not leak. */
function expectNotWrong(result: TraceResult, id: string | null) {
  if (result.verdict === 'identified') expect(result.best?.id).toBe(id);
}

describe('traceText, three recipients of one version', () => {
  it.each([0, 1, 2])('names recipient %i from the full Markdown export', (i) => {
    const result = traceText(exports[i]!, candidates);
    expectIdentified(result, candidates[i]!.id);
    expect(result.best?.matched).toBe(result.best?.compared);
    expect(result.runnerUp?.confidence).toBeLessThan(1e-6);
    expect(result.marks.invisible).toBeGreaterThan(100);
  });

  it.each([0, 1, 2])('names recipient %i after whitespace normalisation and re-wrapping', (i) => {
    expectIdentified(traceText(normaliseWhitespace(exports[i]!), candidates), candidates[i]!.id);
    expectIdentified(traceText(rewrap(exports[i]!, 60), candidates), candidates[i]!.id);
    expectIdentified(traceText(rewrap(normaliseWhitespace(exports[i]!), 60), candidates), candidates[i]!.id);
  });

  it.each([0, 1, 2])('names recipient %i from a three-point excerpt', (i) => {
    const quoted = excerpt(exports[i]!, 12, 14);
    expect(quoted).toMatch(/^12\. /);
    expectIdentified(traceText(quoted, candidates), candidates[i]!.id);
    expectIdentified(traceText(rewrap(normaliseWhitespace(quoted), 60), candidates), candidates[i]!.id);
  });

  it('names the recipient from plain text laid out differently', () => {
    const retyped = renderPlanText(copies[1]!, 'parenthesised');
    expectIdentified(traceText(retyped, candidates), candidates[1]!.id);
  });

  it('falls back to the punctuation channel when the zero-width marks are stripped, or cannot tell', () => {
    const hyphens = hyphenatedPlan();
    const recipients = threeRecipients(hyphens);
    for (const [i, copy] of recipients.copies.entries()) {
      const cleaned = stripInvisibleMarks(planToMarkdown(copy));
      const result = traceText(cleaned, recipients.candidates);
      expect(result.marks.invisible).toBe(0);
      if (result.marks.characters === 0) expect(result.verdict).toBe('no-marks');
      else {
        expectNotWrong(result, recipients.candidates[i]!.id);
        expect(result.best?.channels.invisible.compared).toBe(0);
      }
    }
    // With thirty-odd hyphens and apostrophes, the punctuation channel alone is enough.
    const cleaned = recipients.copies.map((c) => stripInvisibleMarks(planToMarkdown(c)));
    const named = cleaned.map((text) => traceText(text, recipients.candidates));
    expect(named.filter((r) => r.verdict === 'identified').length).toBeGreaterThanOrEqual(2);
    // The 28-point plan has a single hyphen: without its zero-width marks it cannot be traced.
    for (const [i, text] of exports.entries()) {
      const result = traceText(stripInvisibleMarks(text), candidates);
      expect(result.verdict).not.toBe('identified');
      expectNotWrong(result, candidates[i]!.id);
    }
  });

  it('names the recipient of a PDF copy, marked with no-break spaces instead of zero-width characters', () => {
    const pdf = { invisible: false, spacing: true };
    const pdfCandidates = candidates.map((c) => ({ ...c, marks: pdf }));
    for (const c of pdfCandidates) {
      // What a PDF reader copies out: plain text, numbers typed, no Markdown.
      const copied = renderPlanText(markPlan(plan, c.seed, pdf), 'point-colon').replace(/\*/g, '');
      const result = traceText(copied, pdfCandidates);
      expectIdentified(result, c.id);
      expect(result.best?.channels.spacing.compared).toBeGreaterThan(100);
      expectIdentified(traceText(rewrap(copied, 60), pdfCandidates), c.id);
      // Whitespace clean-up turns no-break spaces into spaces: then only the punctuation is left.
      expectNotWrong(traceText(normaliseWhitespace(copied), pdfCandidates), c.id);
    }
    // A PDF copy's marks say nothing about the same recipient's Markdown copy, and the other way round.
    const mixedUp = traceText(exports[0]!, [...pdfCandidates.slice(1), candidates[0]!]);
    expectIdentified(mixedUp, candidates[0]!.id);
  });

  it('finds no marks in unmarked or unrelated text', () => {
    expect(traceText(planToMarkdown(plan), candidates).verdict).toBe('no-marks');
    expect(traceText('Minutes of the weekly staff meeting. Nothing to report.', candidates).verdict).toBe(
      'no-marks',
    );
    expect(traceText('', candidates).verdict).toBe('no-marks');
  });

  it('cannot tell from marked text of another plan, or a copy that is not on record', () => {
    const other = traceText(planToMarkdown(markPlan(hyphenatedPlan(), 'elsewhere')), candidates);
    expect(other.verdict).toBe('inconclusive');
    const unrecorded = traceText(planToMarkdown(markPlan(plan, 'a seed nobody recorded')), candidates);
    expect(unrecorded.verdict).toBe('inconclusive');
    expect(unrecorded.reason).toBe('no-match');
    expect(unrecorded.best?.chance).toBeGreaterThan(0.01);
  });

  it('cannot tell between two copies with the same seed, or a text pieced from two copies', () => {
    const twins = [...candidates, { ...candidates[0]!, id: 'same seed again' }];
    const tie = traceText(exports[0]!, twins);
    expect(tie).toMatchObject({ verdict: 'inconclusive', reason: 'several-match' });
    expect(tie.best?.confidence).toBeCloseTo(tie.runnerUp?.confidence ?? 0);

    const blocks = (i: number) => exports[i]!.split('\n\n');
    const half = Math.floor(blocks(0).length / 2);
    const pieced = [...blocks(0).slice(0, half), ...blocks(2).slice(half)].join('\n\n');
    const mixed = traceText(pieced, candidates);
    expect(mixed).toMatchObject({ verdict: 'inconclusive', reason: 'several-match' });
    expect([mixed.best?.id, mixed.runnerUp?.id].sort()).toEqual(
      [candidates[0]!.id, candidates[2]!.id].sort(),
    );
  });

  it('says too few marks survive in a short quote', () => {
    const quote = excerpt(exports[0]!, 5, 5).split(' ').slice(0, 7).join(' ');
    const result = traceText(quote, candidates);
    expect(result).toMatchObject({ verdict: 'inconclusive', reason: 'few-marks' });
  });

  it('says so when there is nothing to compare with', () => {
    expect(traceText(exports[0]!, [])).toMatchObject({ verdict: 'inconclusive', reason: 'no-candidates' });
  });

  it('tells copies of different versions apart, among many copies', () => {
    const revised = {
      ...plan,
      points: plan.points.map((p, i) => (i === 3 ? { ...p, text: `${p.text} It shall report monthly.` } : p)),
    };
    const many: TraceCandidate[] = Array.from({ length: 200 }, (_, i) => ({
      id: `copy ${i}`,
      seed: `seed ${i}`,
      content: i % 2 === 0 ? plan : revised,
    }));
    const leaked = planToMarkdown(markPlan(revised, 'seed 77'));
    expectIdentified(traceText(leaked, many), 'copy 77');
    expectNotWrong(traceText(excerpt(leaked, 3, 5), many), 'copy 77');
  });
});

describe('traceText on any plan', () => {
  it('never names a copy that did not leak', () => {
    const rendition = fc.constantFrom(
      (t: string) => t,
      normaliseWhitespace,
      (t: string) => rewrap(t, 60),
      stripInvisibleMarks,
      (t: string) => t.slice(0, Math.floor(t.length / 3)),
    );
    fc.assert(
      fc.property(
        planArbitrary({ markdown: true }),
        fc.integer({ min: -1, max: 4 }),
        rendition,
        fc.constantFrom({}, { invisible: false, spacing: true }),
        (content, leaker, render, marks) => {
          const pool = Array.from({ length: 5 }, (_, i) => ({ id: `c${i}`, seed: `s${i}`, content, marks }));
          const seed = leaker === -1 ? 'unrecorded' : `s${leaker}`;
          const result = traceText(render(planToMarkdown(markPlan(content, seed, marks))), pool);
          expectNotWrong(result, leaker === -1 ? null : `c${leaker}`);
        },
      ),
      { numRuns: 300 },
    );
  });
});
