import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planToMarkdown } from '../../formats/export/markdown.ts';
import { parsePlanText } from '../plans/import/parse-plan-text.ts';
import { planArbitrary } from '../plans/import/test-support/plan-arbitrary.ts';
import { shapeOf } from '../plans/import/test-support/plan-shape.ts';
import { PLAN_LIMITS, planContentSchema } from '../plans/plan.schema.ts';
import { sequentialIds } from '../shared/ids.ts';
import { markPlan, readerTexts, unmarkPlan } from './fingerprint-plan.ts';
import { twentyEightPoints } from './test-support.ts';

describe('markPlan', () => {
  it('marks every text a reader sees and nothing else', () => {
    const plan = twentyEightPoints();
    const marked = markPlan(plan, 'seed');
    expect(marked).not.toEqual(plan);
    expect(unmarkPlan(marked)).toEqual(plan);
    expect(marked.points.map((p) => [p.id, p.number, p.areaId, p.tags, p.status])).toEqual(
      plan.points.map((p) => [p.id, p.number, p.areaId, p.tags, p.status]),
    );
    expect(marked.points.flatMap((p) => p.items.map((i) => i.label))).toEqual(
      plan.points.flatMap((p) => p.items.map((i) => i.label)),
    );
    expect(marked.areas.map((a) => a.id)).toEqual(plan.areas.map((a) => a.id));
    expect(marked.notes.map((n) => [n.id, n.afterPointId])).toEqual(
      plan.notes.map((n) => [n.id, n.afterPointId]),
    );
    const changed = readerTexts(marked).filter((t, i) => t !== readerTexts(plan)[i]);
    // Every text of more than a few words carries marks.
    expect(changed.length).toBeGreaterThan(
      readerTexts(plan).filter((t) => t.split(' ').length > 6).length - 1,
    );
  });

  it('gives the plan back unchanged once unmarked, for any plan, seed and channels', () => {
    const channels = fc.constantFrom({}, { invisible: false, spacing: true }, { spacing: true });
    fc.assert(
      fc.property(
        planArbitrary({ markdown: true }),
        fc.string({ minLength: 1 }),
        channels,
        (plan, seed, marks) => {
          expect(unmarkPlan(markPlan(plan, seed, marks), marks)).toEqual(plan);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('exports Markdown that imports to the same structure, the marks aside', () => {
    fc.assert(
      fc.property(planArbitrary({ markdown: true }), fc.string({ minLength: 1 }), (plan, seed) => {
        fc.pre(plan.points.length > 0);
        const plain = parsePlanText(planToMarkdown(plan), { newId: sequentialIds() });
        const marked = parsePlanText(planToMarkdown(markPlan(plan, seed, { spacing: true })), {
          newId: sequentialIds(),
        });
        expect(marked.plan && shapeOf(unmarkPlan(marked.plan, { spacing: true }))).toEqual(
          plain.plan && shapeOf(plain.plan),
        );
        expect(marked.problems).toEqual(plain.problems);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps a marked plan within the limits of the plan schema', () => {
    const plan = twentyEightPoints();
    const longTitle = Array.from({ length: 60 }, (_, i) => `word${i}`)
      .join(' ')
      .slice(0, PLAN_LIMITS.titleLength);
    const longText = 'shall withdraw forces '
      .repeat(PLAN_LIMITS.textLength / 22)
      .slice(0, PLAN_LIMITS.textLength);
    const big = {
      ...plan,
      title: longTitle,
      points: plan.points.map((p, i) => (i === 0 ? { ...p, text: longText } : p)),
    };
    const marked = markPlan(big, 'seed');
    expect(planContentSchema.safeParse(marked).success).toBe(true);
    expect(marked.title.length).toBeLessThanOrEqual(PLAN_LIMITS.titleLength);
    expect(unmarkPlan(marked)).toEqual(big);
  });
});
