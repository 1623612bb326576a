import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gainsOf, isFeasible, mergeConstrainedPoints } from './branch-and-bound.ts';
import { smallInstance } from './test-support.ts';
import { buildUtilityTable, type UtilityTable } from './utility-table.ts';

/** Every full choice of allowed options, feasible or not. */
function allChoices(table: UtilityTable): number[][] {
  return table.allowed.reduce<number[][]>(
    (acc, opts) => acc.flatMap((c) => opts.map((o) => [...c, o])),
    [[]],
  );
}

describe('merging constrained points', () => {
  it('keeps exactly the feasible packages and their gains', () => {
    fc.assert(
      fc.property(smallInstance, (instance) => {
        const table = buildUtilityTable(instance);
        const { table: merged, expand } = mergeConstrainedPoints(table);
        const original = allChoices(table).filter((c) => isFeasible(table, c));
        const viaMerged = allChoices(merged)
          .filter((c) => isFeasible(merged, c))
          .map((c) => {
            const x = expand(c);
            expect(isFeasible(table, x)).toBe(true);
            expect(Array.from(gainsOf(merged, c))).toEqual(Array.from(gainsOf(table, x)));
            return JSON.stringify(x);
          });
        expect(new Set(viaMerged)).toEqual(new Set(original.map((c) => JSON.stringify(c))));
        expect(viaMerged.length).toBe(original.length);
      }),
      { numRuns: 200 },
    );
  });
});
