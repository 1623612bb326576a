import { branchAndBound, gainsOf, isFeasible, tolerance } from './branch-and-bound.ts';
import { type EarlierStage, orderedSumBound } from './dual-bounds.ts';
import { dualSearch } from './dual-search.ts';
import type { UtilityTable } from './utility-table.ts';

/** Work limits of the leximin stages (in relaxation solves). */
export interface StageLimits {
  maxNodes?: number;
  /** For the first (max–min) stage; defaults to 10 × maxNodes. */
  maxMinNodes?: number;
}

/** Node budget of the fixed-multiplier search before a stage moves to the re-optimising one. */
const QUICK_NODES = 5_000;

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

export interface LeximinOutcome {
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
 * is one Lagrangian branch and bound (dual-search.ts) whose dual is that of S_k with the earlier stages'
 * optima and the floor S_1* on every entry relaxed (dual-bounds.ts), re-optimised at every node.
 * h_i = scale_i·g_i normalises the gains (1 for leximin, 1/room for Kalai–Smorodinsky); a party with
 * `fixed` set has that constant h on every feasible package.
 */
export function leximinStages(
  table: UtilityTable,
  scale: Float64Array,
  fixed: (number | null)[],
  incumbent: number[] | null,
  limits: StageLimits,
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
    if (best) best = improve(table, best, value, floors);
    const target = best ? value(gainsOf(table, best)) : null;
    const { bound, lambda, dual } = orderedSumBound(
      table,
      k,
      scale,
      fixed,
      floorH,
      stages,
      target !== null && Number.isFinite(target) ? target : null,
    );
    const maxNodes =
      k === 1
        ? (limits.maxMinNodes ?? (limits.maxNodes === undefined ? undefined : limits.maxNodes * 10))
        : limits.maxNodes;
    // The fixed-multiplier search costs O(1) per node and settles most stages; a stage it cannot
    // settle quickly goes to the search that re-optimises the multipliers at every node.
    const quickNodes = Math.min(QUICK_NODES, maxNodes ?? QUICK_NODES);
    let result = branchAndBound(table, { value, bound, floors, incumbent: best, maxNodes: quickNodes });
    if (!result.exact) {
      const quick = result;
      result = dualSearch(table, {
        value,
        dual,
        floors,
        incumbent: quick.options ?? best,
        maxNodes: maxNodes === undefined ? undefined : Math.max(0, maxNodes - quick.nodes),
      });
      result.nodes += quick.nodes;
    }
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

/**
 * Local search (first improvement over single-point changes, Papadimitriou & Steiglitz 1982, ch. 19)
 * from a feasible package: a better starting incumbent lets the search prune from its first node.
 */
function improve(
  table: UtilityTable,
  start: number[],
  value: (g: Float64Array) => number,
  floors: Float64Array,
): number[] {
  const score = (options: number[]) => {
    if (!isFeasible(table, options)) return -Infinity;
    const g = gainsOf(table, options);
    return g.every((x, i) => x >= floors[i]! - 1e-7) ? value(g) : -Infinity;
  };
  const current = [...start];
  let bestValue = score(current);
  for (let round = 0, improved = true; improved && round < 20; round++) {
    improved = false;
    for (let p = 0; p < current.length; p++) {
      const was = current[p]!;
      for (const o of table.allowed[p] ?? []) {
        if (o === was) continue;
        current[p] = o;
        const v = score(current);
        if (v > bestValue + tolerance(bestValue)) {
          bestValue = v;
          improved = true;
          break;
        }
        current[p] = was;
      }
    }
  }
  return current;
}
