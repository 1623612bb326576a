import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { longestIncreasingSubsequence } from './lis.ts';

const members = (values: number[]) => values.filter((_, k) => longestIncreasingSubsequence(values)[k]);

describe('longestIncreasingSubsequence', () => {
  it('leaves out the one element that moved', () => {
    expect(members([1, 2, 10, 3, 4, 5, 6, 7, 8, 9, 11])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 11]);
    expect(members([])).toEqual([]);
  });

  it('marks a strictly increasing run no shorter than any other (checked against O(n²) DP)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 40 }), (values) => {
        const run = members(values);
        expect(run.every((v, k) => k === 0 || v > run[k - 1]!)).toBe(true);
        const best = values.map(() => 1);
        values.forEach((v, i) => {
          for (let j = 0; j < i; j++) if (values[j]! < v) best[i] = Math.max(best[i]!, best[j]! + 1);
        });
        expect(run.length).toBe(Math.max(0, ...best));
      }),
    );
  });
});
