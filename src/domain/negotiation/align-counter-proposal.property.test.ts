import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderPlanText } from '../plans/import/test-support/render-plan-text.ts';
import type { PlanContent, Point } from '../plans/plan.ts';
import { buildPoint, prose, reword, rng, samplePlan } from '../plans/redline/test-support.ts';
import { alignCounterProposal } from './align-counter-proposal.ts';
import type { CounterProposal } from './counter-proposal-types.ts';

const style = fc.constantFrom('markdown' as const, 'parenthesised' as const);
const base = fc
  .record({ count: fc.integer({ min: 1, max: 30 }), seed: fc.nat() })
  .map(({ count, seed }) => samplePlan(count, seed));

/** The counter-text of `points` in the party's own numbering: from `first` on, or restarting under each heading. */
function counterText(
  plan: PlanContent,
  points: Point[],
  how: { style: 'markdown' | 'parenthesised'; first: number; perArea: boolean },
): string {
  let n = how.first - 1;
  let area: string | null = null;
  const numbered = points.map((p) => {
    if (how.perArea && p.areaId !== area) n = how.first - 1;
    area = p.areaId;
    return { ...p, number: String(++n) };
  });
  return renderPlanText({ ...plan, points: numbered }, how.style);
}

function align(plan: PlanContent, text: string): CounterProposal {
  const result = alignCounterProposal(plan, text);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.proposal;
}

const numbering = fc.record({ style, first: fc.integer({ min: 1, max: 300 }), perArea: fc.boolean() });

describe('counter-proposal alignment, properties', () => {
  it('proposes nothing for the base text renumbered in any style', () => {
    fc.assert(
      fc.property(base, numbering, (plan, how) => {
        const proposal = align(plan, counterText(plan, plan.points, how));
        expect(proposal.changes).toEqual([]);
        expect(proposal.unchanged).toBe(plan.points.length);
      }),
    );
  });

  it('proposes nothing for spacing and punctuation alone', () => {
    fc.assert(
      fc.property(base, fc.constantFrom(' ,', ';', ' — '), (plan, mark) => {
        const noisy = plan.points.map((p) => ({ ...p, text: p.text.replace(/ (\w+) /, ` $1${mark}  `) }));
        expect(
          align(plan, counterText(plan, noisy, { style: 'markdown', first: 1, perArea: false })).changes,
        ).toEqual([]);
      }),
    );
  });

  it('deleting k points yields exactly k deletions, of those points', () => {
    fc.assert(
      fc.property(
        base.chain((plan) =>
          fc.tuple(
            fc.constant(plan),
            fc.subarray(
              plan.points.map((_, k) => k),
              { maxLength: plan.points.length - 1 },
            ),
          ),
        ),
        numbering,
        ([plan, gone], how) => {
          const kept = plan.points.filter((_, k) => !gone.includes(k));
          const proposal = align(plan, counterText(plan, kept, how));
          expect(proposal.changes.map((c) => c.kind)).toEqual(gone.map(() => 'deleted'));
          expect(proposal.changes.map((c) => (c.kind === 'deleted' ? c.pointId : null))).toEqual(
            gone.map((k) => plan.points[k]!.id),
          );
          expect(proposal.unchanged).toBe(kept.length);
        },
      ),
    );
  });

  it('an inserted point yields one addition, placed after the point before it', () => {
    fc.assert(
      fc.property(
        base.chain((plan) => fc.tuple(fc.constant(plan), fc.integer({ min: 0, max: plan.points.length }))),
        numbering,
        fc.nat(),
        ([plan, at], how, seed) => {
          const before = plan.points[at - 1];
          const extra = buildPoint({
            id: 'new',
            areaId: (before ?? plan.points[0]!).areaId,
            text: `The standing commission on ${prose(rng(seed), 30)}`,
          });
          const points = [...plan.points.slice(0, at), extra, ...plan.points.slice(at)];
          const proposal = align(plan, counterText(plan, points, how));
          expect(proposal.changes).toHaveLength(1);
          expect(proposal.changes[0]).toMatchObject({
            kind: 'added',
            afterPointId: before?.id ?? null,
            areaId: extra.areaId,
          });
        },
      ),
    );
  });

  it('rewording one point lightly yields one replacement of that point, with the new text', () => {
    fc.assert(
      fc.property(
        base.chain((plan) => fc.tuple(fc.constant(plan), fc.nat(plan.points.length - 1))),
        numbering,
        fc.nat(),
        ([plan, at], how, seed) => {
          const target = plan.points[at]!;
          const text = `${reword(target.text, rng(seed), 8)} Within thirty days.`;
          const points = plan.points.map((p, k) => (k === at ? { ...p, text } : p));
          const proposal = align(plan, counterText(plan, points, how));
          expect(proposal.changes).toHaveLength(1);
          expect(proposal.changes[0]).toMatchObject({ kind: 'replaced', pointId: target.id, text });
          expect(proposal.unchanged).toBe(plan.points.length - 1);
        },
      ),
    );
  });

  it('every base point is accounted for once: unchanged, replaced or deleted', () => {
    fc.assert(
      fc.property(base, fc.nat(), numbering, (plan, seed, how) => {
        const random = rng(seed);
        const points = plan.points
          .filter(() => random() > 0.2)
          .map((p) => (random() < 0.3 ? { ...p, text: reword(p.text, random, 6) } : p));
        const proposal = align(plan, counterText(plan, points.length > 0 ? points : plan.points, how));
        const touched = proposal.changes.flatMap((c) => (c.kind === 'added' ? [] : [c.pointId]));
        expect(new Set(touched).size).toBe(touched.length);
        expect(touched.length + proposal.unchanged).toBe(plan.points.length);
        const keys = proposal.changes.map((c) => c.key);
        expect(new Set(keys).size).toBe(keys.length);
      }),
    );
  });
});
