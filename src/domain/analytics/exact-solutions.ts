import type { Package } from './analytics-model.ts';
import { type BargainingSolution, SOLUTION_PROPERTIES } from './bargaining-solutions.ts';
import { branchAndBound, gainsOf, mergeConstrainedPoints } from './branch-and-bound.ts';
import { withoutDominatedOptions } from './dominated-options.ts';
import { linearObjectiveBound, nashBound } from './dual-bounds.ts';
import { leximinStages } from './leximin-stages.ts';
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
  const merged = mergeConstrainedPoints(original);
  const table = withoutDominatedOptions(merged.table);
  const expand = merged.expand;
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
