import { breaksConstraint, type IndexedConstraint, type UtilityTable } from './utility-table.ts';

/**
 * A valid linear over-estimate of the objective: F(g) ≤ constant + Σᵢ weights[i]·g[i] for every gain
 * vector g that satisfies the floors. It is the Lagrangian (or tangent-plane) relaxation that makes
 * the search's bound separable over points, so a node's bound is one addition per remaining point.
 */
export interface LinearBound {
  constant: number;
  weights: Float64Array;
}

/** What one branch-and-bound run maximises, over gains in hundredths above each reservation. */
export interface SearchSpec {
  /** The objective; must be non-decreasing in every gain (all our concepts are), −∞ when undefined. */
  value: (gains: Float64Array) => number;
  bound: LinearBound;
  /** Minimal gain per party (hundredths); 0 means "at least the reservation". */
  floors: Float64Array;
  /** Extra necessary condition on the optimistic gains of a node (monotone: true on the optimum's path). */
  admissible?: (optimisticGains: Float64Array) => boolean;
  /** A known feasible package (option index per point) to start from. */
  incumbent?: readonly number[] | null;
  /** Work limit in search nodes; past it the best package so far is returned with its proven bound. */
  maxNodes?: number;
}

/** The outcome of a run: the best package and an upper bound on the optimum, equal to it when exact. */
export interface SearchResult {
  options: number[] | null;
  value: number;
  upperBound: number;
  exact: boolean;
  nodes: number;
}

const DEFAULT_MAX_NODES = 2_000_000;

/** Values within this relative distance count as equal (utilities are sums of products of decimals). */
export function tolerance(v: number): number {
  return Number.isFinite(v) ? 1e-9 * Math.max(1, Math.abs(v)) : 0;
}

/**
 * Depth-first branch and bound (Land & Doig 1960) over one option per point. A node is cut when
 * (a) some party could not reach its floor even with its best option on every remaining point,
 * (b) a constraint between two decided points is broken, or (c) its bound is no better than the best
 * package found: the bound is the smaller of the Lagrangian bound `constant + w·g` summed point by point
 * (Fisher 1981, "The Lagrangian relaxation method for solving integer programming problems") and the
 * objective at the optimistic vector of independent per-party maxima. Children are tried in
 * decreasing Lagrangian score, so the first dive follows the relaxation and once one child's bound
 * falls below the incumbent all later ones do too.
 */
export function branchAndBound(table: UtilityTable, spec: SearchSpec): SearchResult {
  const n = table.partyIds.length;
  const pointCount = table.pointIds.length;
  const w = spec.bound.weights;
  const order = searchOrder(table, w);
  const rank = new Int32Array(pointCount);
  order.forEach((p, k) => {
    rank[p] = k;
  });
  const checksAt: IndexedConstraint[][] = order.map(() => []);
  for (const c of table.constraints) checksAt[Math.max(rank[c.point]!, rank[c.otherPoint]!)]!.push(c);

  // Per depth: the allowed options sorted by Lagrangian score, their values and scores.
  const optionsAt = order.map((p) => {
    const scored = (table.allowed[p] ?? []).map((o) => {
      const v = table.value[p]![o]!;
      let s = 0;
      for (let i = 0; i < n; i++) s += w[i]! * v[i]!;
      return { o, s, v };
    });
    return scored.sort((a, b) => b.s - a.s || a.o - b.o);
  });
  const bestScore = optionsAt.map((opts) => opts[0]?.s ?? -Infinity);
  const suffixScore = new Float64Array(pointCount + 1);
  const rest: Float64Array[] = Array.from({ length: pointCount + 1 }, () => new Float64Array(n));
  for (let k = pointCount - 1; k >= 0; k--) {
    suffixScore[k] = suffixScore[k + 1]! + bestScore[k]!;
    for (let i = 0; i < n; i++) {
      let m = -Infinity;
      for (const { v } of optionsAt[k]!) m = Math.max(m, v[i]!);
      rest[k]![i] = rest[k + 1]![i]! + m;
    }
  }
  const need = new Float64Array(n);
  let wr = 0;
  for (let i = 0; i < n; i++) {
    need[i] = (table.reservation[i] ?? 0) + spec.floors[i]!;
    wr += w[i]! * (table.reservation[i] ?? 0);
  }
  const floorTol = 1e-7;
  const maxNodes = spec.maxNodes ?? DEFAULT_MAX_NODES;

  const chosen = new Int32Array(pointCount).fill(-1);
  const utility: Float64Array[] = Array.from({ length: pointCount + 1 }, () => new Float64Array(n));
  const gains = new Float64Array(n);
  const optimistic = new Float64Array(n);
  let best: number[] | null = null;
  let bestValue = -Infinity;
  let nodes = 0;
  let aborted = false;
  let openBound = -Infinity; // the best bound among nodes left unexplored when the limit was hit

  const evaluateLeaf = (u: Float64Array): number => {
    for (let i = 0; i < n; i++) {
      gains[i] = u[i]! - (table.reservation[i] ?? 0);
      if (gains[i]! < spec.floors[i]! - floorTol) return -Infinity;
    }
    return spec.value(gains);
  };
  const consider = (options: readonly number[]) => {
    const u = new Float64Array(n);
    options.forEach((o, p) => {
      const v = table.value[p]?.[o];
      if (v) for (let i = 0; i < n; i++) u[i] = u[i]! + v[i]!;
    });
    const value = evaluateLeaf(u);
    if (value > bestValue) {
      bestValue = value;
      best = [...options];
    }
  };
  if (spec.incumbent && isFeasible(table, spec.incumbent)) consider(spec.incumbent);

  const visit = (k: number, lin: number): void => {
    const u = utility[k]!;
    if (k === pointCount) {
      const value = evaluateLeaf(u);
      if (value > bestValue + tolerance(bestValue)) {
        bestValue = value;
        best = Array.from(chosen);
      }
      return;
    }
    const point = order[k]!;
    const base = spec.bound.constant + lin - wr + suffixScore[k + 1]!;
    const next = utility[k + 1]!;
    const restAfter = rest[k + 1]!;
    for (const { o, s, v } of optionsAt[k]!) {
      const linearBound = base + s;
      if (linearBound <= bestValue + tolerance(bestValue)) return; // sorted: the rest is no better
      if (aborted) {
        openBound = Math.max(openBound, linearBound);
        return;
      }
      chosen[point] = o;
      let feasible = true;
      for (let i = 0; i < n && feasible; i++) {
        next[i] = u[i]! + v[i]!;
        optimistic[i] = next[i]! + restAfter[i]! - (table.reservation[i] ?? 0);
        feasible = next[i]! + restAfter[i]! >= need[i]! - floorTol;
      }
      if (!feasible) continue;
      const checks = checksAt[k]!;
      if (
        checks.length > 0 &&
        checks.some((c) => breaksConstraint(c, chosen[c.point]!, chosen[c.otherPoint]!))
      )
        continue;
      if (spec.value(optimistic) <= bestValue + tolerance(bestValue)) continue;
      if (spec.admissible && !spec.admissible(optimistic)) continue;
      if (++nodes > maxNodes) {
        aborted = true;
        openBound = Math.max(openBound, linearBound);
        return;
      }
      visit(k + 1, lin + s);
    }
    chosen[point] = -1;
  };
  visit(0, 0);
  const options = best as number[] | null;
  const upperBound = aborted ? Math.max(bestValue, openBound) : bestValue;
  return { options, value: bestValue, upperBound, exact: !aborted, nodes };
}

/** Whether a full choice (option index per point) respects red lines and constraints (not reservations). */
export function isFeasible(table: UtilityTable, options: readonly number[]): boolean {
  if (options.length !== table.pointIds.length) return false;
  if (options.some((o, p) => !(table.allowed[p] ?? []).includes(o))) return false;
  return !table.constraints.some((c) =>
    breaksConstraint(c, options[c.point] ?? -1, options[c.otherPoint] ?? -1),
  );
}

/** The gains (hundredths above reservation) of a full choice. */
export function gainsOf(table: UtilityTable, options: readonly number[]): Float64Array {
  const n = table.partyIds.length;
  const g = new Float64Array(n);
  for (let i = 0; i < n; i++) g[i] = -(table.reservation[i] ?? 0);
  options.forEach((o, p) => {
    const v = table.value[p]?.[o];
    if (v) for (let i = 0; i < n; i++) g[i] = g[i]! + v[i]!;
  });
  return g;
}

/**
 * Constrained points first (so constraints are checked early), then by decreasing spread of the
 * Lagrangian score: deciding the points that matter most first tightens the bound soonest.
 */
function searchOrder(table: UtilityTable, w: Float64Array): number[] {
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

/** A table whose constrained points are merged into joint points, and the way back to the original. */
export interface MergedTable {
  table: UtilityTable;
  /** Option index per original point, from an option index per merged point. */
  expand: (options: readonly number[]) => number[];
}

/** Largest number of option combinations a merged point may have before its constraints stay explicit. */
const MAX_MERGED_OPTIONS = 625;

/**
 * Merge each connected group of points linked by requires/excludes constraints into one joint point
 * whose options are the group's feasible combinations (variable aggregation: the constraints become
 * part of the point, so the per-point Lagrangian relaxation respects them instead of ignoring them,
 * which tightens every bound; cf. Geoffrion 1974 — the Lagrangian bound is as strong as the convex
 * hull of the constraints kept in the subproblem). Values add up, so gains are unchanged. Groups with
 * more than MAX_MERGED_OPTIONS combinations keep their points and constraints as they are.
 */
export function mergeConstrainedPoints(table: UtilityTable): MergedTable {
  const pointCount = table.pointIds.length;
  const parent = Array.from({ length: pointCount }, (_, p) => p);
  const root = (p: number): number => {
    while (parent[p] !== p) p = parent[p] = parent[parent[p]!]!;
    return p;
  };
  for (const c of table.constraints) parent[root(c.point)] = root(c.otherPoint);
  const groups = new Map<number, number[]>();
  for (let p = 0; p < pointCount; p++) {
    const r = root(p);
    groups.set(r, [...(groups.get(r) ?? []), p]);
  }
  const members: number[][] = [];
  const combos: number[][][] = [];
  const kept: IndexedConstraint[] = [];
  const newIndex = new Int32Array(pointCount);
  const newOption: number[][] = table.pointIds.map(() => []);
  for (const group of [...groups.values()].sort((a, b) => a[0]! - b[0]!)) {
    const inside = table.constraints.filter((c) => group.includes(c.point));
    const size = group.reduce((a, p) => a * Math.max(1, table.allowed[p]?.length ?? 0), 1);
    if (group.length === 1 || size > MAX_MERGED_OPTIONS) {
      for (const p of group) {
        newIndex[p] = members.length;
        members.push([p]);
        combos.push((table.allowed[p] ?? []).map((o) => [o]));
        newOption[p] = (table.optionIds[p] ?? []).map((_, o) =>
          combos[combos.length - 1]!.findIndex((c) => c[0] === o),
        );
      }
      kept.push(...inside);
      continue;
    }
    let partial: number[][] = [[]];
    for (const p of group) partial = partial.flatMap((c) => (table.allowed[p] ?? []).map((o) => [...c, o]));
    const at = (combo: number[], p: number) => combo[group.indexOf(p)] ?? -1;
    members.push(group);
    combos.push(
      partial.filter(
        (combo) => !inside.some((c) => breaksConstraint(c, at(combo, c.point), at(combo, c.otherPoint))),
      ),
    );
  }
  const n = table.partyIds.length;
  const value = combos.map((list, m) =>
    list.map((combo) => {
      const v = new Array<number>(n).fill(0);
      combo.forEach((o, j) => {
        const own = table.value[members[m]![j]!]![o]!;
        for (let i = 0; i < n; i++) v[i] = v[i]! + own[i]!;
      });
      return v;
    }),
  );
  const constraints = kept.map((c) => ({
    ...c,
    point: newIndex[c.point]!,
    option: newOption[c.point]![c.option] ?? -1,
    otherPoint: newIndex[c.otherPoint]!,
    otherOption: newOption[c.otherPoint]![c.otherOption] ?? -1,
  }));
  const merged: UtilityTable = {
    partyIds: table.partyIds,
    pointIds: members.map((g) => g.map((p) => table.pointIds[p]).join('+')),
    optionIds: combos.map((list) => list.map((combo) => combo.join('+'))),
    allowed: combos.map((list) => list.map((_, o) => o)),
    value,
    reservation: table.reservation,
    constraints,
  };
  const expand = (options: readonly number[]) => {
    const out = new Array<number>(pointCount).fill(-1);
    options.forEach((o, m) => {
      combos[m]?.[o]?.forEach((original, j) => {
        out[members[m]![j]!] = original;
      });
    });
    return out;
  };
  return { table: merged, expand };
}
