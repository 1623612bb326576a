import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gainsOf, isFeasible, mergeConstrainedPoints } from './branch-and-bound.ts';
import { withoutDominatedOptions } from './dominated-options.ts';
import { orderedSumBound } from './dual-bounds.ts';
import { dualSearch } from './dual-search.ts';
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

describe('Lagrangian search with per-node multipliers', () => {
  it('finds the max–min gain that enumeration finds, and the best S₂ given it', () => {
    fc.assert(
      fc.property(smallInstance, (instance) => {
        const { table } = mergeConstrainedPoints(buildUtilityTable(instance));
        const n = table.partyIds.length;
        const ones = new Float64Array(n).fill(1);
        const none: null[] = new Array(n).fill(null);
        const vectors = sortedGainVectors(table);
        const { dual } = orderedSumBound(table, 1, ones, none, new Float64Array(n), [], null);
        const first = dualSearch(table, {
          value: (g) => Math.min(...g),
          dual,
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
        // Stage 2: the two smallest gains, among the packages that keep the max–min.
        const floor = best - 1e-9 * Math.max(1, best);
        const stage = { lambda: new Float64Array(n).fill(1 / n), optimum: floor };
        const second = orderedSumBound(table, 2, ones, none, new Float64Array(n).fill(floor), [stage], null);
        const r = dualSearch(table, {
          value: (g) => {
            const s = Array.from(g).sort((a, b) => a - b);
            return (s[0] ?? 0) < floor ? -Infinity : (s[0] ?? 0) + (s[1] ?? 0);
          },
          dual: second.dual,
          floors: new Float64Array(n).fill(floor),
          steps: 8,
        });
        const s2 = Math.max(
          ...vectors.filter((v) => (v[0] ?? 0) >= floor).map((v) => (v[0] ?? 0) + (v[1] ?? 0)),
        );
        expect(r.exact).toBe(true);
        expect(r.value).toBeCloseTo(s2, 6);
      }),
      { numRuns: 150 },
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
