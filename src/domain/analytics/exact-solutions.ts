import type { Package } from './analytics-model.ts';
import { type BargainingSolution, SOLUTION_PROPERTIES } from './bargaining-solutions.ts';
import {
  branchAndBound,
  gainsOf,
  mergeConstrainedPoints,
  type SearchResult,
  tolerance,
} from './branch-and-bound.ts';
import { type EarlierStage, linearObjectiveBound, nashBound, orderedSumBound } from './dual-bounds.ts';
import { toPackage, type UtilityTable } from './utility-table.ts';

/** A solution found by branch and bound: optimal when `exact`, otherwise within the proven `bound`. */
export interface SearchedSolution extends BargainingSolution {
  /** Proven upper bound on `value` (same units); equal to it when exact. For leximin: see `boundOn`. */
  bound: number | null;
  /** What `bound` bounds, in words ("Nash product", "sum of the 2 smallest gains"). */
  boundOn: string;
  nodes: number;
}

/** All solutions of one instance by branch and bound, with the ideal point they share. */
export interface SearchedSolutions {
  partyIds: string[];
  reservations: number[];
  nash: SearchedSolution;
  kalaiSmorodinsky: SearchedSolution;
  leximin: SearchedSolution;
  utilitarian: SearchedSolution;
  /** Each party's best utility over the feasible packages (null when none is feasible). */
  ideal: number[] | null;
  idealExact: boolean;
}

export interface SearchOptions {
  /** Work limit per branch-and-bound run, in nodes. */
  maxNodes?: number;
  /** Work limit for the first (max–min) stage of leximin and Kalai–Smorodinsky; defaults to 10 × maxNodes. */
  maxMinNodes?: number;
}

const sortedAsc = (xs: ArrayLike<number>) => Array.from(xs).sort((a, b) => a - b);

/** Insertion sort of a short scratch array (n ≤ a dozen parties): no allocation in the search's hot path. */
function sortInPlace(xs: Float64Array): Float64Array {
  for (let i = 1; i < xs.length; i++) {
    const x = xs[i]!;
    let j = i - 1;
    while (j >= 0 && xs[j]! > x) {
      xs[j + 1] = xs[j]!;
      j--;
    }
    xs[j + 1] = x;
  }
  return xs;
}

interface LeximinOutcome {
  options: number[] | null;
  /** S_1…S_n of the normalised gains, as far as proven. */
  sums: number[];
  exact: boolean;
  /** When inexact: the stage k (1-based) where the limit hit and the proven bound on S_k. */
  openStage: { k: number; bound: number } | null;
  nodes: number;
}

/**
 * Leximin by the ordered-sums method (Ogryczak & Śliwiński 2003; Kostreva, Ogryczak & Wierzbicki 2004):
 * the sorted vector is lexicographically maximal exactly when, for k = 1…n in turn, the sum S_k of its
 * k smallest entries is maximal among the packages that keep S_1…S_{k−1} at their optima. Each stage
 * is one branch and bound; stage k's bound comes from the capped-simplex Lagrangian of S_k, and the
 * earlier stages' optima prune through the objective (S_j of the optimistic gains must still reach S_j*).
 * h_i = scale_i·g_i normalises the gains (1 for leximin, 1/room for Kalai–Smorodinsky); a party with
 * `fixed` set has that constant h on every feasible package.
 */
function leximinStages(
  table: UtilityTable,
  scale: Float64Array,
  fixed: (number | null)[],
  incumbent: number[] | null,
  options: SearchOptions,
  lastStage = table.partyIds.length,
): LeximinOutcome {
  const n = table.partyIds.length;
  const h = new Float64Array(n);
  const normalise = (g: Float64Array) => {
    for (let i = 0; i < n; i++) h[i] = fixed[i] ?? g[i]! * scale[i]!;
    return h;
  };
  const sums: number[] = [];
  const stages: EarlierStage[] = [];
  let best = incumbent;
  let nodes = 0;
  for (let k = 1; k <= lastStage; k++) {
    const proven = [...sums];
    const value = (g: Float64Array) => {
      const s = sortInPlace(normalise(g));
      let total = 0;
      for (let j = 0; j < k; j++) {
        total += s[j]!;
        if (j < k - 1 && total < proven[j]! - tolerance(proven[j]!) * 1e3) return -Infinity;
      }
      return total;
    };
    // From stage 2 on, every h_i is at least the proven max–min S_1*: a floor on each party's gain.
    const floors = new Float64Array(n);
    const floorH = new Float64Array(n);
    if (k > 1)
      for (let i = 0; i < n; i++) {
        const t = proven[0]! - 1e-9 * Math.max(1, Math.abs(proven[0]!));
        floorH[i] = fixed[i] === null ? t : Math.min(t, fixed[i]!);
        floors[i] = fixed[i] === null && scale[i]! > 0 ? t / scale[i]! : 0;
      }
    const target = best ? value(gainsOf(table, best)) : null;
    const { bound, lambda } = orderedSumBound(
      table,
      k,
      scale,
      fixed,
      floorH,
      stages,
      target !== null && Number.isFinite(target) ? target : null,
    );
    const result: SearchResult = branchAndBound(table, {
      value,
      bound,
      floors,
      incumbent: best,
      maxNodes:
        k === 1
          ? (options.maxMinNodes ?? (options.maxNodes === undefined ? undefined : options.maxNodes * 10))
          : options.maxNodes,
    });
    nodes += result.nodes;
    if (!result.options) {
      return {
        options: null,
        sums,
        exact: result.exact,
        openStage: result.exact ? null : { k, bound: result.upperBound },
        nodes,
      };
    }
    best = result.options;
    if (!result.exact)
      return { options: best, sums, exact: false, openStage: { k, bound: result.upperBound }, nodes };
    sums.push(result.value);
    stages.push({ lambda, optimum: result.value - 1e-9 * Math.max(1, Math.abs(result.value)) });
  }
  return { options: best, sums, exact: true, openStage: null, nodes };
}

/** The max–min package alone (leximin's first stage): the largest smallest gain, in utility points. */
export function searchMaxMin(
  original: UtilityTable,
  options: SearchOptions = {},
): { options: number[] | null; value: number | null; exact: boolean; bound: number | null; nodes: number } {
  const { table, expand } = mergeConstrainedPoints(original);
  const n = table.partyIds.length;
  const r = leximinStages(table, new Float64Array(n).fill(1), new Array(n).fill(null), null, options, 1);
  return {
    options: r.options && expand(r.options),
    value: r.options && r.sums.length > 0 ? (r.sums[0] ?? 0) / 100 : null,
    exact: r.exact,
    bound: r.openStage ? r.openStage.bound / 100 : r.options ? (r.sums[0] ?? 0) / 100 : null,
    nodes: r.nodes,
  };
}

/** Solve the four bargaining concepts and the ideal point by branch and bound, without the frontier. */
export function searchSolutions(original: UtilityTable, options: SearchOptions = {}): SearchedSolutions {
  // Constrained points are searched as joint points, so every bound below respects the constraints.
  const { table, expand } = mergeConstrainedPoints(original);
  const n = table.partyIds.length;
  const reservations = table.reservation.map((r) => r / 100);
  const pkg = (o: number[] | null): Package | null => {
    if (!o) return null;
    const g = gainsOf(table, o);
    return toPackage(
      original,
      expand(o),
      Array.from(g, (x, i) => x + (table.reservation[i] ?? 0)),
    );
  };
  const ones = new Float64Array(n).fill(1);
  const noFixed: null[] = new Array(n).fill(null);

  // Leximin first: its first stage (max–min gain) also decides whether any package is feasible.
  const lex = leximinStages(table, ones, noFixed, null, options);
  const lexGains = lex.options ? gainsOf(table, lex.options) : null;
  const leximin: SearchedSolution = {
    method: 'leximin',
    package: pkg(lex.options),
    value: lexGains && sortedAsc(lexGains).map((g) => g / 100),
    properties: SOLUTION_PROPERTIES.leximin,
    exact: lex.exact,
    bound: lex.openStage ? lex.openStage.bound / 100 : lexGains ? (sortedAsc(lexGains)[0] ?? 0) / 100 : null,
    boundOn: lex.openStage ? `sum of the ${lex.openStage.k} smallest gains` : 'smallest gain',
    nodes: lex.nodes,
  };
  const feasibleKnown = lex.options !== null;
  const start = lex.options;

  // Utilitarian: maximise Σ g (equivalently Σ u); floors enter the bound through Lagrange multipliers.
  const floors0 = new Float64Array(n);
  const sumOf = (g: Float64Array) => g.reduce((a, x) => a + x, 0);
  const uStart = start ? sumOf(gainsOf(table, start)) : null;
  const util = branchAndBound(table, {
    value: sumOf,
    bound: linearObjectiveBound(table, ones, floors0, uStart),
    floors: floors0,
    incumbent: start,
    maxNodes: options.maxNodes,
  });
  const reservationSum = table.reservation.reduce((a, r) => a + r, 0);
  const utilitarian: SearchedSolution = {
    method: 'utilitarian',
    package: pkg(util.options),
    value: util.options ? (util.value + reservationSum) / 100 : null,
    properties: SOLUTION_PROPERTIES.utilitarian,
    exact: util.exact,
    bound: util.options || !util.exact ? (util.upperBound + reservationSum) / 100 : null,
    boundOn: 'sum of utilities',
    nodes: util.nodes,
  };

  // Nash: maximise Σ log g. If no package gives every party a positive gain, every product is 0 and the
  // tie is broken by leximin, as the frontier-based solver does.
  const minGain = lexGains ? (sortedAsc(lexGains)[0] ?? 0) : 0;
  let nash: SearchedSolution;
  if (!start || !lexGains || minGain <= 1e-9) {
    nash = {
      method: 'nash',
      package: pkg(start),
      value: start ? 0 : null,
      properties: SOLUTION_PROPERTIES.nash,
      exact: lex.exact,
      bound: start ? 0 : null,
      boundOn: start || lex.exact ? 'Nash product' : 'Nash product (no package found within the work limit)',
      nodes: 0,
    };
  } else {
    const logSum = (g: Float64Array) => {
      let s = 0;
      for (let i = 0; i < n; i++) s += g[i]! > 0 ? Math.log(g[i]!) : -Infinity;
      return s;
    };
    const positive = new Float64Array(n).fill(1e-9);
    const r = branchAndBound(table, {
      value: logSum,
      bound: nashBound(table, lexGains),
      floors: positive,
      incumbent: start,
      maxNodes: options.maxNodes,
    });
    const toProduct = (v: number) => Math.exp(v - n * Math.log(100));
    nash = {
      method: 'nash',
      package: pkg(r.options),
      value: r.options ? toProduct(r.value) : null,
      properties: SOLUTION_PROPERTIES.nash,
      exact: r.exact,
      bound: toProduct(r.upperBound),
      boundOn: 'Nash product',
      nodes: r.nodes,
    };
  }

  // Ideal point: each party's best feasible utility, one linear search per party.
  let idealExact = true;
  let idealNodes = 0;
  const ideal = feasibleKnown
    ? table.partyIds.map((_, i) => {
        const base = new Float64Array(n);
        base[i] = 1;
        const own = (g: Float64Array) => g[i]!;
        const r = branchAndBound(table, {
          value: own,
          bound: linearObjectiveBound(table, base, floors0, start ? gainsOf(table, start)[i]! : null),
          floors: floors0,
          incumbent: start,
          maxNodes: options.maxNodes,
        });
        idealExact &&= r.exact;
        idealNodes += r.nodes;
        // Inexact: use the proven bound, which keeps the KS normalisation conservative.
        return r.exact ? r.value : r.upperBound;
      })
    : null;

  // Kalai–Smorodinsky: leximin of the gains normalised by each party's room (ideal − reservation).
  let kalaiSmorodinsky: SearchedSolution;
  if (!ideal || !start) {
    kalaiSmorodinsky = {
      method: 'kalai-smorodinsky',
      package: null,
      value: null,
      properties: SOLUTION_PROPERTIES['kalai-smorodinsky'],
      exact: lex.exact,
      bound: null,
      boundOn: 'smallest normalised gain',
      nodes: 0,
    };
  } else {
    const room = ideal;
    const scale = Float64Array.from(room, (x) => (x > 1e-7 ? 1 / x : 0));
    const fixed = room.map((x) => (x > 1e-7 ? null : 1));
    const ks = leximinStages(table, scale, fixed, start, options);
    const normalised = ks.options
      ? Array.from(gainsOf(table, ks.options), (g, i) => fixed[i] ?? g * scale[i]!)
      : null;
    kalaiSmorodinsky = {
      method: 'kalai-smorodinsky',
      package: pkg(ks.options),
      value: normalised ? Math.min(...normalised) : null,
      properties: SOLUTION_PROPERTIES['kalai-smorodinsky'],
      exact: ks.exact && idealExact,
      bound: ks.openStage ? ks.openStage.bound : normalised ? Math.min(...normalised) : null,
      boundOn: ks.openStage
        ? `sum of the ${ks.openStage.k} smallest normalised gains`
        : 'smallest normalised gain',
      nodes: ks.nodes + idealNodes,
    };
  }
  return {
    partyIds: table.partyIds,
    reservations,
    nash,
    kalaiSmorodinsky,
    leximin,
    utilitarian,
    ideal: ideal?.map((g, i) => (g + (table.reservation[i] ?? 0)) / 100) ?? null,
    idealExact,
  };
}
