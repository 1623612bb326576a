import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bargainingSolutions,
  kalaiSmorodinskySolution,
  leximinSolution,
  nashSolution,
  utilitarianSolution,
} from './bargaining-solutions.ts';
import { feasiblePackages } from './brute-force.ts';
import { paretoFrontier } from './pareto-frontier.ts';
import { smallInstance } from './test-support.ts';
import { buildUtilityTable } from './utility-table.ts';

const sortedAsc = (xs: number[]) => [...xs].sort((a, b) => a - b);
const lexCompare = (a: number[], b: number[]) => {
  for (let i = 0; i < a.length; i++)
    if (Math.abs((a[i] ?? 0) - (b[i] ?? 0)) > 1e-9) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
};

describe('bargaining solutions', () => {
  it('match the optima found by enumerating every feasible package', () => {
    fc.assert(
      fc.property(smallInstance, (instance) => {
        const frontier = paretoFrontier(buildUtilityTable(instance));
        const all = feasiblePackages(instance);
        const reservations = instance.parties.map(
          (p) => instance.positions.find((x) => x.partyId === p.id)?.reservation ?? 0,
        );
        const gainsOf = (u: number[]) => u.map((x, i) => x - (reservations[i] ?? 0));
        if (all.length === 0) {
          for (const s of bargainingSolutions(frontier)) expect(s.package).toBeNull();
          return;
        }
        const nashBest = Math.max(...all.map((p) => gainsOf(p.utilities).reduce((a, g) => a * g, 1)));
        expect(nashSolution(frontier).value as number).toBeCloseTo(nashBest, 6);

        const leximinBest = all
          .map((p) => sortedAsc(gainsOf(p.utilities)))
          .reduce((a, b) => (lexCompare(b, a) > 0 ? b : a));
        const leximinValue = leximinSolution(frontier).value as number[];
        leximinValue.forEach((g, i) => {
          expect(g).toBeCloseTo(leximinBest[i] ?? 0, 6);
        });

        const sumBest = Math.max(...all.map((p) => p.utilities.reduce((a, b) => a + b, 0)));
        expect(utilitarianSolution(frontier).value as number).toBeCloseTo(sumBest, 6);

        const ideal = reservations.map((_, i) => Math.max(...all.map((p) => p.utilities[i] ?? 0)));
        const ksBest = Math.max(
          ...all.map((p) =>
            Math.min(
              ...gainsOf(p.utilities).map((g, i) => {
                const room = (ideal[i] ?? 0) - (reservations[i] ?? 0);
                return room > 1e-9 ? g / room : 1;
              }),
            ),
          ),
        );
        expect(kalaiSmorodinskySolution(frontier).value as number).toBeCloseTo(ksBest, 6);

        for (const s of bargainingSolutions(frontier)) {
          expect(s.exact).toBe(true);
          expect(frontier.packages).toContain(s.package);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('label each solution with its axioms', () => {
    const empty = {
      partyIds: ['a'],
      reservations: [0],
      packages: [],
      exact: true,
      work: { peakPartials: 0, limitHitAtPoint: null },
    };
    const [nash, ks, leximin, utilitarian] = bargainingSolutions(empty);
    expect(nash?.properties).toContain('scale-invariant');
    expect(ks?.properties).toContain('scale-invariant');
    expect(leximin?.properties).not.toContain('scale-invariant');
    expect(utilitarian?.properties).toContain('pareto-efficient');
  });
});
