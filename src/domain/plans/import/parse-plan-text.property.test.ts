import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planToMarkdown } from '../../../formats/export/markdown.ts';
import { sequentialIds } from '../../shared/ids.ts';
import { parsePlanText } from './parse-plan-text.ts';
import { planArbitrary } from './test-support/plan-arbitrary.ts';
import { shapeOf } from './test-support/plan-shape.ts';
import type { PlanTextStyle } from './test-support/render-plan-text.ts';
import { renderPlanText } from './test-support/render-plan-text.ts';

/** Pieces people paste: markers of every kind, headings, notes, wraps, odd whitespace. */
const FRAGMENTS = [
  '1.',
  '2)',
  '(3)',
  '4 -',
  'Point 5:',
  'Article 6.',
  'Art. 7',
  '§ 8',
  '7bis.',
  '12a)',
  '2025.',
  'I.',
  'II.',
  'IV)',
  'a.',
  'b)',
  '(c)',
  'h.',
  'i.',
  'ii)',
  '(iv)',
  'A.',
  'H.',
  '•',
  '-',
  '–',
  '—',
  '*',
  '→',
  '->',
  '▪',
  'o',
  '#',
  '##',
  '>',
  'Note:',
  'NB',
  'N.B.',
  'Comment:',
  'Editor’s note',
  '[bracket]',
  '*italic*',
  '**strong**',
  'Part I:',
  'Section 2 –',
  'Chapter',
  'ENDING THE WAR',
  'Ending the war',
  'text',
  'more text.',
  '<!--',
  '-->',
  '\t',
  '\u00a0',
  '\u200b',
  '\ufeff',
  '“quoted”',
  '',
  ' ',
  '   ',
];
const lineSoup = fc
  .array(
    fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 5 }).map((parts) => parts.join(' ')),
    { maxLength: 60 },
  )
  .chain((lines) => fc.constantFrom('\n', '\r\n', '\r').map((eol) => lines.join(eol)));

describe('parsePlanText never crashes', () => {
  it('on arbitrary strings, unicode and control characters included', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'grapheme', maxLength: 300 }),
          fc.string({ unit: 'binary', maxLength: 300 }),
          fc.string({ maxLength: 300 }),
        ),
        (text) => {
          const result = parsePlanText(text);
          expect(result.ok).toBe(result.plan !== null);
          if (!result.ok) expect(result.problems.some((p) => p.severity === 'error')).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('on line soups built from point, item, heading and note fragments', () => {
    fc.assert(
      fc.property(lineSoup, (text) => {
        const result = parsePlanText(text);
        const lineCount = text.split(/\r\n?|\n/).length;
        for (const problem of result.problems) {
          expect(problem.line).toBeGreaterThanOrEqual(1);
          expect(problem.line).toBeLessThanOrEqual(lineCount);
        }
        if (result.plan) {
          const ids = [...result.plan.points, ...result.plan.areas, ...result.plan.notes].map((x) => x.id);
          expect(new Set(ids).size).toBe(ids.length);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('rendered plans read back to the same structure', () => {
  const styles: PlanTextStyle[] = ['markdown', 'point-colon', 'parenthesised'];
  it.each(styles)('in the %s style', (style) => {
    fc.assert(
      fc.property(planArbitrary({ markdown: false }), (plan) => {
        fc.pre(plan.points.length > 0);
        const text = renderPlanText(plan, style);
        const parsed = parsePlanText(text, { newId: sequentialIds() });
        expect(parsed.plan && shapeOf(parsed.plan), text).toEqual(shapeOf(plan));
        expect(parsed.problems).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it("through Entente's Markdown export, empty areas and multi-paragraph notes included", () => {
    fc.assert(
      fc.property(planArbitrary({ markdown: true }), (plan) => {
        fc.pre(plan.points.length > 0);
        const text = planToMarkdown(plan);
        const parsed = parsePlanText(text, { newId: sequentialIds() });
        expect(parsed.plan && shapeOf(parsed.plan), text).toEqual(shapeOf(plan));
      }),
      { numRuns: 300 },
    );
  });
});
