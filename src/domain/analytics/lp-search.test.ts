import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gainsOf, isFeasible, mergeConstrainedPoints } from './branch-and-bound.ts';
import { withoutDominatedOptions } from './dominated-options.ts';
import { lpSearch } from './lp-search.ts';
import { StageLp } from './stage-lp.ts';
import { smallInstance } from './test-support.ts';
import { buildUtilityTable, type UtilityTable } from './utility-table.ts';

/** The sorted gain vectors of every feasible package (reservations respected), by enumeration. */
function sortedGainVectors(table: UtilityTable): number[][] {
  const all = table.allowed.reduce<number[][]>(
    (acc, opts) => acc.flatMap((c) => opts.map((o) => [...c, o])),
    [[]],
  );
  return all
    .filter((c) => isFeasible(table, c))
    .map((c) => Array.from(gainsOf(table, c)).sort((a, b) => a - b))
    .filter((g) => (g[0] ?? 0) >= 0);
}

const unitRows = (n: number, rhs: number) =>
  Array.from({ length: n }, (_, i) => {
    const weights = new Float64Array(n);
    weights[i] = 1;
    return { weights, rhs };
  });

describe('LP-based branch and bound on the ordered-sum stages', () => {
  it('finds the max–min gain that enumeration finds, and the best S₂ given it', () => {
    fc.assert(
      fc.property(smallInstance, (instance) => {
        const { table } = mergeConstrainedPoints(buildUtilityTable(instance));
        const n = table.partyIds.length;
        const ones = new Float64Array(n).fill(1);
        const none: null[] = new Array(n).fill(null);
        const vectors = sortedGainVectors(table);
        const first = lpSearch(table, new StageLp(table, 1, ones, none, unitRows(n, 0)), {
          value: (g) => Math.min(...g),
          floors: new Float64Array(n),
        });
        expect(first.exact).toBe(true);
        if (vectors.length === 0) {
          expect(first.options).toBeNull();
          return;
        }
        const best = Math.max(...vectors.map((v) => v[0] ?? 0));
        expect(first.value).toBeCloseTo(best, 6);
        if (n < 2) return;
        const floor = best - 1e-9 * Math.max(1, best);
        const second = lpSearch(table, new StageLp(table, 2, ones, none, unitRows(n, floor)), {
          value: (g) => {
            const s = Array.from(g).sort((a, b) => a - b);
            return (s[0] ?? 0) < floor ? -Infinity : (s[0] ?? 0) + (s[1] ?? 0);
          },
          floors: new Float64Array(n).fill(floor),
        });
        const s2 = Math.max(
          ...vectors.filter((v) => (v[0] ?? 0) >= floor).map((v) => (v[0] ?? 0) + (v[1] ?? 0)),
        );
        expect(second.exact).toBe(true);
        expect(second.value).toBeCloseTo(s2, 6);
      }),
      { numRuns: 200 },
    );
  });

  it('the root LP bounds every package and its Lagrangian bound matches the simplex optimum', () => {
    fc.assert(
      fc.property(smallInstance, (instance) => {
        const { table } = mergeConstrainedPoints(buildUtilityTable(instance));
        const n = table.partyIds.length;
        const vectors = sortedGainVectors(table);
        const lp = new StageLp(table, 1, new Float64Array(n).fill(1), new Array(n).fill(null), []);
        if (lp.empty) return;
        const { status } = lp.root.solve(lp.costCols, -Infinity, 1000);
        expect(status).toBe('optimal');
        const open = new Uint8Array(lp.firstCol[lp.points]!).fill(1);
        const y = lp.duals(lp.root, new Float64Array(lp.linking));
        const bound = lp.lagrangian(y, 1, open, new Float64Array(n));
        const z = lp.root.objective(lp.costCols);
        expect(bound).toBeCloseTo(z, 6);
        for (const v of vectors) expect(v[0] ?? 0).toBeLessThanOrEqual(bound + 1e-6);
      }),
      { numRuns: 200 },
    );
  });

  it('removing dominated options keeps the leximin optimum', () => {
    fc.assert(
      fc.property(smallInstance, (instance) => {
        const { table } = mergeConstrainedPoints(buildUtilityTable(instance));
        const lexBest = (vs: number[][]) =>
          vs.reduce<number[] | null>((a, b) => {
            if (!a) return b;
            for (let i = 0; i < a.length; i++)
              if (Math.abs((a[i] ?? 0) - (b[i] ?? 0)) > 1e-9) return (b[i] ?? 0) > (a[i] ?? 0) ? b : a;
            return a;
          }, null);
        expect(lexBest(sortedGainVectors(withoutDominatedOptions(table)))).toEqual(
          lexBest(sortedGainVectors(table)),
        );
      }),
      { numRuns: 200 },
    );
  });
});
