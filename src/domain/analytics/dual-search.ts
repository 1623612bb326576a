import { isFeasible, type SearchResult, tolerance } from './branch-and-bound.ts';
import { breaksConstraint, type IndexedConstraint, type UtilityTable } from './utility-table.ts';

/**
 * A Lagrangian dual over the per-point relaxation: for multipliers x, the objective is at most
 * constant(x) + Σᵢ wᵢ(x)·gᵢ for every feasible gain vector g, so maximising the right-hand side point by
 * point gives a bound at any x. The search re-optimises x at every node (Fisher 1981, §5).
 */
export interface DualModel {
  /** Multipliers to start from at the root (already optimised there). */
  start: Float64Array;
  /** Writes the weights on the gains for multipliers x into `w`; returns the constant term. */
  weights: (x: Float64Array, w: Float64Array) => number;
  /** Writes into `out` a subgradient of the dual function at x, given the relaxation's gains g. */
  subgradient: (x: Float64Array, g: Float64Array, out: Float64Array) => void;
  /** Euclidean projection onto the multipliers' domain. */
  project: (x: Float64Array) => Float64Array;
  /** One improving step from x, given the relaxation's gains g there and the gap to close. */
  step: (x: Float64Array, g: Float64Array, gap: number) => Float64Array;
}

export interface DualSearchSpec {
  /** The objective; non-decreasing in every gain, −∞ where undefined. */
  value: (gains: Float64Array) => number;
  dual: DualModel;
  /** Minimal gain per party (hundredths above the reservation). */
  floors: Float64Array;
  /** Extra necessary condition on the optimistic gains of a node (true on the optimum's path). */
  admissible?: (optimisticGains: Float64Array) => boolean;
  incumbent?: readonly number[] | null;
  /** Work limit, in relaxation solves; past it the best package so far comes with its proven bound. */
  maxNodes?: number;
  /** Multiplier updates per node. */
  steps?: number;
}

const DEFAULT_MAX_WORK = 2_000_000;
const DEFAULT_STEPS = 4;

/**
 * Depth-first Lagrangian branch and bound (Fisher 1981, "The Lagrangian relaxation method for
 * solving integer programming problems"): at each node the parent's multipliers are improved by a
 * few projected subgradient steps with Polyak's (1969) step towards the incumbent's value, since only
 * a bound below it matters (it prunes the node); any multipliers give a valid bound, so the search
 * stays exact. Children are tried in decreasing Lagrangian score under the node's best multipliers,
 * and once one child's bound (the node's bound minus its reduced cost) falls below the incumbent,
 * all later ones do too. The point to branch on is a constrained one while any is open, else the one
 * whose relaxed option changed most often during the node's multiplier steps (a stand-in for the
 * fractional variables of the LP relaxation, whose fixing moves the bound), else the next in a
 * static order of decreasing score spread. The work limit counts relaxation solves.
 */
export function dualSearch(table: UtilityTable, spec: DualSearchSpec): SearchResult {
  const n = table.partyIds.length;
  const pointCount = table.pointIds.length;
  const r = Float64Array.from(table.reservation);
  const w = new Float64Array(n);
  spec.dual.weights(spec.dual.start, w);
  const order = decisionOrder(table, w);
  const rank = new Int32Array(pointCount);
  order.forEach((p, k) => {
    rank[p] = k;
  });
  const constrained = new Set(table.constraints.flatMap((c) => [c.point, c.otherPoint]));
  const checksOf: IndexedConstraint[][] = order.map(() => []);
  for (const c of table.constraints) {
    checksOf[rank[c.point]!]!.push(c);
    if (c.otherPoint !== c.point) checksOf[rank[c.otherPoint]!]!.push(c);
  }
  const optionsAt = order.map((p) => table.allowed[p] ?? []);
  const valuesAt = order.map((p, k) => optionsAt[k]!.map((o) => Float64Array.from(table.value[p]![o]!)));
  const maxAt = valuesAt.map((values) =>
    Float64Array.from({ length: n }, (_, i) => Math.max(...values.map((v) => v[i]!))),
  );
  const rest: Float64Array[] = Array.from({ length: pointCount + 1 }, () => new Float64Array(n));
  for (const m of maxAt) for (let i = 0; i < n; i++) rest[0]![i] = rest[0]![i]! + m[i]!;
  const need = Float64Array.from(r, (x, i) => x + spec.floors[i]!);
  const floorTol = 1e-7;
  const maxWork = spec.maxNodes ?? DEFAULT_MAX_WORK;
  const steps = spec.steps ?? DEFAULT_STEPS;

  const chosen = new Int32Array(pointCount).fill(-1);
  const free = new Uint8Array(pointCount).fill(1);
  const utility: Float64Array[] = Array.from({ length: pointCount + 1 }, () => new Float64Array(n));
  const g = new Float64Array(n);
  const optimistic = new Float64Array(n);
  let best: number[] | null = null;
  let bestValue = -Infinity;
  let work = 0;
  let aborted = false;
  let openBound = -Infinity;

  const evaluate = (u: Float64Array): number => {
    for (let i = 0; i < n; i++) {
      g[i] = u[i]! - r[i]!;
      if (g[i]! < spec.floors[i]! - floorTol) return -Infinity;
    }
    return spec.value(g);
  };
  if (spec.incumbent && isFeasible(table, spec.incumbent)) {
    const u = new Float64Array(n);
    spec.incumbent.forEach((o, p) => {
      const v = table.value[p]?.[o];
      if (v) for (let i = 0; i < n; i++) u[i] = u[i]! + v[i]!;
    });
    bestValue = evaluate(u);
    if (bestValue > -Infinity) best = [...spec.incumbent];
  }
  // The dual function at x for the node with decided utility u; fills g, and counts per free point
  // how often its relaxed option changes between calls (the points the relaxation splits).
  const arg = new Int32Array(pointCount);
  const flips = new Int32Array(pointCount);
  const relax = (u: Float64Array, x: Float64Array, first: boolean): number => {
    work++;
    let bound = spec.dual.weights(x, w);
    for (let i = 0; i < n; i++) g[i] = u[i]! - r[i]!;
    for (let d = 0; d < pointCount; d++) {
      if (!free[d]) continue;
      const values = valuesAt[d]!;
      let top = -Infinity;
      let at = -1;
      for (let j = 0; j < values.length; j++) {
        const v = values[j]!;
        let s = 0;
        for (let i = 0; i < n; i++) s += w[i]! * v[i]!;
        if (s > top) {
          top = s;
          at = j;
        }
      }
      if (at < 0) continue;
      const v = values[at]!;
      for (let i = 0; i < n; i++) g[i] = g[i]! + v[i]!;
      if (first) flips[d] = 0;
      else if (arg[d] !== at) flips[d] = flips[d]! + 1;
      arg[d] = at;
    }
    for (let i = 0; i < n; i++) bound += w[i]! * g[i]!;
    return bound;
  };
  const beaten = (bound: number) => bound <= bestValue + tolerance(bestValue);

  const visit = (depth: number, x: Float64Array): void => {
    const u = utility[depth]!;
    if (depth === pointCount) {
      const value = evaluate(u);
      if (value > bestValue + tolerance(bestValue)) {
        bestValue = value;
        best = Array.from(chosen);
      }
      return;
    }
    let current = x;
    let bound = relax(u, current, true);
    let bestX = current;
    let nodeBound = bound;
    let theta = 1;
    for (let s = 0; s < steps && !beaten(nodeBound); s++) {
      const target = Number.isFinite(bestValue) ? bestValue : bound - 0.05 * Math.abs(bound) - 1;
      current = spec.dual.step(current, g, theta * Math.max(bound - target, 1e-3 * Math.abs(bound)));
      bound = relax(u, current, false);
      if (bound < nodeBound) {
        nodeBound = bound;
        bestX = current;
      } else theta *= 0.7;
    }
    if (beaten(nodeBound)) return;
    if (work > maxWork) aborted = true;
    if (aborted) {
      openBound = Math.max(openBound, nodeBound);
      return;
    }
    // Branch on a constrained point first, else on the point the relaxation split most often (the
    // fractional variables of the LP relaxation, whose fixing moves the bound), else in static order.
    let k = -1;
    for (let d = 0; d < pointCount; d++) {
      if (!free[d]) continue;
      if (k < 0 || (!constrained.has(order[k]!) && flips[d]! > flips[k]!)) k = d;
      if (constrained.has(order[d]!)) break;
    }
    // Children in decreasing score under the node's best multipliers: bound = nodeBound − reduced cost.
    spec.dual.weights(bestX, w);
    const values = valuesAt[k]!;
    const scores = values.map((v) => {
      let s = 0;
      for (let i = 0; i < n; i++) s += w[i]! * v[i]!;
      return s;
    });
    const top = Math.max(...scores);
    const byScore = values.map((_, j) => j).sort((a, b) => scores[b]! - scores[a]! || a - b);
    const point = order[k]!;
    const next = utility[depth + 1]!;
    const restAfter = rest[depth + 1]!;
    for (let i = 0; i < n; i++) restAfter[i] = rest[depth]![i]! - maxAt[k]![i]!;
    free[k] = 0;
    for (const j of byScore) {
      const childBound = nodeBound - (top - scores[j]!);
      if (beaten(childBound)) break;
      if (aborted) {
        openBound = Math.max(openBound, childBound);
        break;
      }
      const v = values[j]!;
      chosen[point] = optionsAt[k]![j]!;
      let feasible = true;
      for (let i = 0; i < n && feasible; i++) {
        next[i] = u[i]! + v[i]!;
        optimistic[i] = next[i]! + restAfter[i]! - r[i]!;
        feasible = next[i]! + restAfter[i]! >= need[i]! - floorTol;
      }
      if (!feasible) continue;
      const broken = checksOf[k]!.some(
        (c) =>
          chosen[c.point]! >= 0 &&
          chosen[c.otherPoint]! >= 0 &&
          breaksConstraint(c, chosen[c.point]!, chosen[c.otherPoint]!),
      );
      if (broken) continue;
      if (beaten(spec.value(optimistic))) continue;
      if (spec.admissible && !spec.admissible(optimistic)) continue;
      visit(depth + 1, bestX);
    }
    chosen[point] = -1;
    free[k] = 1;
  };
  visit(0, spec.dual.start);
  const options = best as number[] | null;
  const upperBound = aborted ? Math.max(bestValue, openBound) : bestValue;
  return { options, value: bestValue, upperBound, exact: !aborted, nodes: work };
}

/** Constrained points first (constraints are checked early), then by decreasing spread of the score. */
function decisionOrder(table: UtilityTable, w: Float64Array): number[] {
  const constrained = new Set(table.constraints.flatMap((c) => [c.point, c.otherPoint]));
  const spread = table.pointIds.map((_, p) => {
    const scores = (table.allowed[p] ?? []).map((o) =>
      (table.value[p]?.[o] ?? []).reduce((a, v, i) => a + (w[i] ?? 0) * v, 0),
    );
    return scores.length ? Math.max(...scores) - Math.min(...scores) : 0;
  });
  return table.pointIds
    .map((_, p) => p)
    .sort(
      (a, b) =>
        Number(constrained.has(b)) - Number(constrained.has(a)) ||
        (spread[b] ?? 0) - (spread[a] ?? 0) ||
        a - b,
    );
}
