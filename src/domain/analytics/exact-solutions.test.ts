import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bargainingSolutions } from './bargaining-solutions.ts';
import { feasiblePackages } from './brute-force.ts';
import { searchSolutions } from './exact-solutions.ts';
import { benchmarkInstance, generateInstance } from './generated-instance.ts';
import { paretoFrontier } from './pareto-frontier.ts';
import { smallInstance } from './test-support.ts';
import { buildUtilityTable } from './utility-table.ts';

const sortedAsc = (xs: number[]) => [...xs].sort((a, b) => a - b);
const lexBest = (vectors: number[][]) =>
  vectors.reduce((a, b) => {
    for (let i = 0; i < a.length; i++)
      if (Math.abs((a[i] ?? 0) - (b[i] ?? 0)) > 1e-9) return (b[i] ?? 0) > (a[i] ?? 0) ? b : a;
    return a;
  });

describe('branch and bound per solution concept', () => {
  it('agrees with brute force and with the frontier on random small instances', () => {
    fc.assert(
      fc.property(smallInstance, (instance) => {
        const table = buildUtilityTable(instance);
        const searched = searchSolutions(table);
        const all = feasiblePackages(instance);
        const r = searched.reservations;
        const gainsOf = (u: number[]) => u.map((x, i) => x - (r[i] ?? 0));
        for (const s of [searched.nash, searched.kalaiSmorodinsky, searched.leximin, searched.utilitarian])
          expect(s.exact).toBe(true);
        if (all.length === 0) {
          expect(searched.leximin.package).toBeNull();
          expect(searched.nash.package).toBeNull();
          return;
        }
        // Every package returned is feasible, with the utilities claimed.
        const feasible = new Map(all.map((p) => [JSON.stringify(p.choice), p.utilities]));
        for (const s of [searched.nash, searched.kalaiSmorodinsky, searched.leximin, searched.utilitarian]) {
          const claimed = feasible.get(JSON.stringify(s.package?.choice));
          expect(claimed).toBeDefined();
          claimed?.forEach((u, i) => {
            expect(s.package?.utilities[i]).toBeCloseTo(u, 9);
          });
        }
        const nashBest = Math.max(...all.map((p) => gainsOf(p.utilities).reduce((a, g) => a * g, 1)));
        expect(searched.nash.value as number).toBeCloseTo(nashBest, 6);
        const leximinBest = lexBest(all.map((p) => sortedAsc(gainsOf(p.utilities))));
        (searched.leximin.value as number[]).forEach((g, i) => {
          expect(g).toBeCloseTo(leximinBest[i] ?? 0, 6);
        });
        const sumBest = Math.max(...all.map((p) => p.utilities.reduce((a, b) => a + b, 0)));
        expect(searched.utilitarian.value as number).toBeCloseTo(sumBest, 6);
        const ideal = r.map((_, i) => Math.max(...all.map((p) => p.utilities[i] ?? 0)));
        searched.ideal?.forEach((u, i) => {
          expect(u).toBeCloseTo(ideal[i] ?? 0, 6);
        });

        // The same optima as the frontier-based solvers.
        const [nash, ks, leximin, utilitarian] = bargainingSolutions(paretoFrontier(table));
        expect(searched.nash.value as number).toBeCloseTo(nash?.value as number, 6);
        expect(searched.kalaiSmorodinsky.value as number).toBeCloseTo(ks?.value as number, 6);
        expect(searched.utilitarian.value as number).toBeCloseTo(utilitarian?.value as number, 6);
        (searched.leximin.value as number[]).forEach((g, i) => {
          expect(g).toBeCloseTo(((leximin?.value ?? []) as number[])[i] ?? 0, 6);
        });
      }),
      { numRuns: 150 },
    );
  });

  it('says when the work limit stops it, with a bound no lower than the package found', () => {
    const table = buildUtilityTable(
      generateInstance({ seed: 7, parties: 4, points: 12, options: 4, reservation: 20, kind: 'random' }),
    );
    const limited = searchSolutions(table, { maxNodes: 5 });
    const full = searchSolutions(table);
    for (const key of ['nash', 'utilitarian'] as const) {
      const s = limited[key];
      // Cut before any package was found: nothing to report but the fact (a null package, not exact).
      if (!s.exact && s.package) {
        expect(s.bound).not.toBeNull();
        expect(s.bound as number).toBeGreaterThanOrEqual((s.value as number) - 1e-9);
        expect(s.bound as number).toBeGreaterThanOrEqual((full[key].value as number) - 1e-6);
      }
    }
    if (!limited.leximin.exact) expect(limited.leximin.boundOn).toMatch(/smallest gains/);
  });

  // The DESIGN.md instance; timing is the benchmark's job (bench/analytics.bench.ts), not the test's.
  it('solves Nash and utilitarian exactly on 30 points × 5 options × 6 parties', () => {
    const table = buildUtilityTable(benchmarkInstance());
    const s = searchSolutions(table, { maxNodes: 50_000 });
    expect(s.nash.exact).toBe(true);
    expect(s.utilitarian.exact).toBe(true);
    for (const x of [s.nash, s.utilitarian, s.leximin, s.kalaiSmorodinsky]) {
      expect(x.package).not.toBeNull();
      for (const u of x.package?.utilities ?? []) expect(u).toBeGreaterThanOrEqual(35 - 1e-9);
    }
    // Leximin and KS: either proven, or reported with a bound on the stage they stopped at.
    for (const x of [s.leximin, s.kalaiSmorodinsky]) if (!x.exact) expect(x.bound).not.toBeNull();
  });
});
