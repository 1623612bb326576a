import type { Package } from './analytics-model.ts';
import type { ParetoFrontier } from './pareto-frontier.ts';

/** A bargaining solution picked from the frontier, with the axioms it satisfies. */
export interface BargainingSolution {
  method: 'nash' | 'kalai-smorodinsky' | 'leximin' | 'utilitarian';
  /** Null when no package is feasible (the frontier is empty). */
  package: Package | null;
  /** The maximised quantity: Nash product, KS minimum normalised gain, leximin gains, utilitarian sum. */
  value: number | number[] | null;
  properties: readonly string[];
  /** Copied from the frontier: false means the optimum was sought only among the packages found. */
  exact: boolean;
}

// The axioms are those of the classical theory (Nash 1950; Kalai & Smorodinsky 1975; Sen 1970);
// over a finite set of packages, without lotteries, they hold for the chosen package among those offered.
/** The axioms each concept satisfies, shared by the frontier-based and the branch-and-bound solvers. */
export const SOLUTION_PROPERTIES = {
  nash: ['pareto-efficient', 'symmetric', 'scale-invariant', 'independent-of-irrelevant-alternatives'],
  'kalai-smorodinsky': ['pareto-efficient', 'symmetric', 'scale-invariant', 'individually-monotone'],
  leximin: ['pareto-efficient', 'symmetric', 'egalitarian (gains on the common 0–100 scale)'],
  utilitarian: ['pareto-efficient', 'symmetric', 'indifferent to how gains are distributed'],
} as const satisfies Record<BargainingSolution['method'], readonly string[]>;
const NASH = SOLUTION_PROPERTIES.nash;
const KS = SOLUTION_PROPERTIES['kalai-smorodinsky'];
const LEXIMIN = SOLUTION_PROPERTIES.leximin;
const UTILITARIAN = SOLUTION_PROPERTIES.utilitarian;

const EPS = 1e-9;

/** Each party's gain over its reservation level. */
export function gains(frontier: ParetoFrontier, p: Package): number[] {
  return p.utilities.map((u, i) => u - (frontier.reservations[i] ?? 0));
}

/** Compare vectors by leximin: sort ascending, then the first difference decides (positive: a is better). */
export function compareLeximin(a: readonly number[], b: readonly number[]): number {
  const sa = [...a].sort((x, y) => x - y);
  const sb = [...b].sort((x, y) => x - y);
  for (let i = 0; i < sa.length; i++) {
    const d = (sa[i] ?? 0) - (sb[i] ?? 0);
    if (Math.abs(d) > EPS) return d;
  }
  return 0;
}

/** Arg-max of a score with leximin-of-gains as the tie-break, so every choice is Pareto-efficient and deterministic. */
function pick(frontier: ParetoFrontier, score: (p: Package) => number): Package | null {
  let best: Package | null = null;
  let bestScore = -Infinity;
  for (const p of frontier.packages) {
    const s = score(p);
    const better =
      s > bestScore + EPS ||
      (Math.abs(s - bestScore) <= EPS &&
        best !== null &&
        compareLeximin(gains(frontier, p), gains(frontier, best)) > 0);
    if (best === null || better) {
      best = p;
      bestScore = Math.max(s, bestScore);
    }
  }
  return best;
}

/** Nash bargaining solution (Nash 1950): maximise the product of gains over the reservation levels. */
export function nashSolution(frontier: ParetoFrontier): BargainingSolution {
  const product = (p: Package) => gains(frontier, p).reduce((a, g) => a * g, 1);
  const chosen = pick(frontier, product);
  return {
    method: 'nash',
    package: chosen,
    value: chosen && product(chosen),
    properties: NASH,
    exact: frontier.exact,
  };
}

/** The ideal point: each party's best utility over the feasible packages (attained on the frontier). */
export function idealPoint(frontier: ParetoFrontier): number[] {
  return frontier.partyIds.map((_, i) => Math.max(...frontier.packages.map((p) => p.utilities[i] ?? 0)));
}

/**
 * Kalai–Smorodinsky solution (Kalai & Smorodinsky 1975), discrete form: maximise the minimum gain
 * normalised by the party's ideal gain, ties broken by leximin of the normalised gains.
 */
export function kalaiSmorodinskySolution(frontier: ParetoFrontier): BargainingSolution {
  const ideal = idealPoint(frontier);
  const normalised = (p: Package) =>
    gains(frontier, p).map((g, i) => {
      const room = (ideal[i] ?? 0) - (frontier.reservations[i] ?? 0);
      return room > EPS ? g / room : 1; // a party that cannot gain anything is fully satisfied everywhere
    });
  let chosen: Package | null = null;
  for (const p of frontier.packages)
    if (chosen === null || compareLeximin(normalised(p), normalised(chosen)) > 0) chosen = p;
  const value = chosen && Math.min(...normalised(chosen));
  return { method: 'kalai-smorodinsky', package: chosen, value, properties: KS, exact: frontier.exact };
}

/** Leximin (Sen 1970; Rawls' difference principle refined): lexicographically maximise the sorted gains. */
export function leximinSolution(frontier: ParetoFrontier): BargainingSolution {
  let chosen: Package | null = null;
  for (const p of frontier.packages)
    if (chosen === null || compareLeximin(gains(frontier, p), gains(frontier, chosen)) > 0) chosen = p;
  const value = chosen && [...gains(frontier, chosen)].sort((a, b) => a - b);
  return { method: 'leximin', package: chosen, value, properties: LEXIMIN, exact: frontier.exact };
}

/** Utilitarian solution (Harsanyi 1955): maximise the sum of utilities, ties by leximin of gains. */
export function utilitarianSolution(frontier: ParetoFrontier): BargainingSolution {
  const sum = (p: Package) => p.utilities.reduce((a, u) => a + u, 0);
  const chosen = pick(frontier, sum);
  return {
    method: 'utilitarian',
    package: chosen,
    value: chosen && sum(chosen),
    properties: UTILITARIAN,
    exact: frontier.exact,
  };
}

/** All four solutions over one frontier. */
export function bargainingSolutions(frontier: ParetoFrontier): BargainingSolution[] {
  return [
    nashSolution(frontier),
    kalaiSmorodinskySolution(frontier),
    leximinSolution(frontier),
    utilitarianSolution(frontier),
  ];
}
