/** Redline benchmarks: two versions of a 100-point plan, aligned by identity and by content. */

import { diffWordsWithSpace } from 'diff';
import type { PlanContent, Point } from '../src/domain/plans/plan.ts';
import { redline } from '../src/domain/plans/redline/redline.ts';
import {
  buildPoint,
  prose,
  reimported,
  renumber,
  reword,
  rng,
  samplePlan,
} from '../src/domain/plans/redline/test-support.ts';
import { type BenchRow, type BenchTable, sample } from './harness.ts';

/**
 * The next draft as a drafting round leaves it: ~10% of points reworded, two moved, two deleted,
 * two added, one split; ids kept and points renumbered.
 */
function nextDraft(base: PlanContent, seed: number): PlanContent {
  const random = rng(seed);
  const n = base.points.length;
  const points: Point[] = base.points.map((p, k) =>
    k % 10 === 4 ? { ...p, text: reword(p.text, random, 8) } : p,
  );
  points.splice(Math.floor(n * 0.8), 1);
  points.splice(Math.floor(n * 0.3), 1);
  const [moved] = points.splice(Math.floor(n * 0.2), 1);
  points.splice(Math.floor(n * 0.6), 0, moved!);
  const [back] = points.splice(Math.floor(n * 0.7), 1);
  points.splice(Math.floor(n * 0.1), 0, back!);
  for (const at of [Math.floor(n * 0.45), Math.floor(n * 0.9)]) {
    points.splice(
      at,
      0,
      buildPoint({ id: `pt_new_${at}`, areaId: points[at]!.areaId, text: prose(random, 60) }),
    );
  }
  const half = Math.floor(n / 2);
  const whole = points[half]!;
  const words = whole.text.split(' ');
  const cut = Math.floor(words.length / 2);
  points.splice(
    half,
    1,
    { ...whole, text: words.slice(0, cut).join(' ') },
    {
      ...whole,
      id: `${whole.id}_b`,
      text: words.slice(cut).join(' '),
      derivedFrom: [whole.id],
    },
  );
  return renumber({ ...base, points });
}

/**
 * The baseline: what a tool without point alignment does — pair points by position and word-diff
 * each pair. (A whole-text word diff is quadratic on renumbered texts and would not finish.)
 */
async function positionalDiffMs(oldPlan: PlanContent, newPlan: PlanContent): Promise<number> {
  const n = Math.max(oldPlan.points.length, newPlan.points.length);
  const pairwise = () => {
    for (let i = 0; i < n; i++)
      diffWordsWithSpace(oldPlan.points[i]?.text ?? '', newPlan.points[i]?.text ?? '');
  };
  return (await sample(pairwise, { minRuns: 10 })).median;
}

async function row(
  name: string,
  oldPlan: PlanContent,
  newPlan: PlanContent,
  budget?: number,
): Promise<BenchRow> {
  const check = redline(oldPlan, newPlan);
  const baseline = await positionalDiffMs(oldPlan, newPlan);
  return sample(() => redline(oldPlan, newPlan), { minRuns: 30 }).then((s) => ({
    name,
    value: s.median,
    unit: 'ms',
    p99: s.p99,
    ratio: { against: 'positional word diff', value: s.median / baseline },
    ...(budget === undefined ? {} : { budget }),
    detail: `${check.alignment}; ${Object.entries(check.counts)
      .filter(([, v]) => v > 0)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  }));
}

/** Measures the redline of realistic drafting rounds; the 100-point rows carry the DESIGN.md budget. */
export async function benchRedline(): Promise<BenchTable> {
  const base = samplePlan(100, 42);
  const next = nextDraft(base, 7);
  const big = samplePlan(1000, 43);
  const bigNext = nextDraft(big, 8);
  const random = rng(9);
  const allReworded = reimported(
    renumber({ ...big, points: big.points.map((p) => ({ ...p, text: reword(p.text, random, 6) })) }),
  );
  return {
    title: 'Redline',
    rows: [
      await row('redline 100-point plan, by identity', base, next, 50),
      await row('redline 100-point plan, by content', base, reimported(next), 50),
      await row('redline 1,000-point plan, by identity', big, bigNext),
      await row('redline 1,000-point plan, by content', big, reimported(bigNext)),
      await row('redline 1,000-point plan, every point reworded (content, worst case)', big, allReworded),
    ],
  };
}
