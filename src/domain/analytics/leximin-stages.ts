import { gainsOf, tolerance } from './branch-and-bound.ts';
import { improve, lpSearch } from './lp-search.ts';
import { type GainRow, StageLp } from './stage-lp.ts';
import type { UtilityTable } from './utility-table.ts';

/** Work limits of the leximin stages, in relaxation solves (an LP node counts LP_NODE_WORK). */
export interface StageLimits {
  maxNodes?: number;
  /** For the first (max–min) stage; defaults to 10 × maxNodes. */
  maxMinNodes?: number;
}

/**
 * One LP node (copy of the tableau and a few dual simplex pivots) costs about as much as ten
 * fixed-multiplier relaxations on a tableau of LP_NODE_CELLS entries (30 × 5 × 6 has ~7,000), and
 * proportionally more on larger ones, so the limits in relaxation solves keep their worst-case time.
 */
const LP_NODE_WORK = 10;
const LP_NODE_CELLS = 5_000;

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
 * is one LP-based branch and bound (lp-search.ts) on the stage's LP (stage-lp.ts): S_k as an LP, the
 * floor S_1* on every entry, and subset cuts that relax S_j ≥ S_j* for the earlier stages.
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
  const lattice = integralGains(table);
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
    const lp = stageLp(
      table,
      k,
      scale,
      fixed,
      stageRows(k, floorH, fixed, sums, best, normalise, table),
      sums,
    );
    const work =
      k === 1
        ? (limits.maxMinNodes ?? (limits.maxNodes === undefined ? undefined : limits.maxNodes * 10))
        : limits.maxNodes;
    const maxNodes =
      work === undefined
        ? undefined
        : Math.max(1, Math.floor(work / (LP_NODE_WORK * Math.max(1, lp.root.t.length / LP_NODE_CELLS))));
    const nextValue = lattice ? nextOnLattice(k, scale, fixed) : undefined;
    const result = lpSearch(table, lp, { value, floors, incumbent: best, maxNodes, nextValue });
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
  }
  return { options: best, sums, exact: true, openStage: null, nodes };
}

/** Whether every package's gains are integers (integer values and reservations, in hundredths). */
function integralGains(table: UtilityTable): boolean {
  return (
    table.reservation.every(Number.isInteger) &&
    table.value.every((point) => point.every((option) => option.every(Number.isInteger)))
  );
}

/**
 * With integer gains g, stage k's values lie on a lattice, so a node whose LP bound is below the next
 * lattice value above the incumbent's holds no better package (objective integrality, a standard MIP
 * pruning rule). Leximin (scale 1): S_k is an integer. Stage 1 with other scales (Kalai–
 * Smorodinsky): a better package has every h_i = scale_i·g_i above v, so each h_i is at least the
 * least multiple of scale_i above v (or the constant of a fixed party, which must exceed v), and
 * its minimum is at least the smallest of these. Later scaled stages have no such lattice.
 */
function nextOnLattice(
  k: number,
  scale: Float64Array,
  fixed: readonly (number | null)[],
): ((v: number) => number) | undefined {
  const unit = scale.every((s, i) => s === 1 && fixed[i] === null);
  if (unit) return (v) => Math.floor(v + tolerance(v)) + 1;
  if (k > 1) return undefined;
  return (v) => {
    const above = v + tolerance(v);
    let next = Infinity;
    for (let i = 0; i < scale.length; i++) {
      const f = fixed[i];
      if (f !== null && f !== undefined) {
        if (f <= above) return Infinity; // no package's minimum can exceed v
        next = Math.min(next, f);
      } else if (scale[i]! > 0) next = Math.min(next, (Math.floor(above / scale[i]!) + 1) * scale[i]!);
      else return Infinity; // h_i = 0 on every package
    }
    return next;
  };
}

/** Rounds of subset cuts added at the root of a stage. */
const CUT_ROUNDS = 6;

/**
 * Stage k's LP, tightened at the root by cutting planes: while the LP optimum h has S_j(h) < S_j* for
 * an earlier stage j, the cut Σ_{i∈J} h_i ≥ S_j* on its j lowest parties J is violated by h and
 * valid for every package of the stage, so it is added and the LP re-solved (Kelley 1960).
 */
function stageLp(
  table: UtilityTable,
  k: number,
  scale: Float64Array,
  fixed: (number | null)[],
  rows: GainRow[],
  sums: readonly number[],
): StageLp {
  const n = scale.length;
  const h = new Float64Array(n);
  let lp = new StageLp(table, k, scale, fixed, rows);
  for (let round = 0; round < CUT_ROUNDS && k > 2; round++) {
    const { status } = lp.root.solve(lp.costCols, -Infinity, 500);
    if (status !== 'optimal') break;
    lp.gainsAt(lp.root, h);
    const byValue = Array.from(h, (_, i) => i).sort((a, b) => h[a]! - h[b]! || a - b);
    let added = false;
    for (let j = 2; j < k; j++) {
      let s = 0;
      for (const i of byValue.slice(0, j)) s += h[i]!;
      const target = sums[j - 1]!;
      if (s >= target - 1e-7 * Math.max(1, Math.abs(target))) continue;
      const weights = new Float64Array(n);
      for (const i of byValue.slice(0, j)) weights[i] = 1;
      rows.push({ weights, rhs: target - 1e-9 * Math.max(1, Math.abs(target)) });
      added = true;
    }
    if (!added) break;
    lp = new StageLp(table, k, scale, fixed, rows);
  }
  return lp;
}

/**
 * The linking rows of stage k's LP: the floor h_i ≥ S_1* on every party that can move, and for each
 * earlier stage j the subset cut Σ_{i∈J} h_i ≥ S_j* on the j parties lowest at the incumbent (valid:
 * S_j(h) ≥ S_j* bounds every j-subset's sum from below).
 */
function stageRows(
  k: number,
  floorH: Float64Array,
  fixed: (number | null)[],
  sums: readonly number[],
  incumbent: readonly number[] | null,
  normalise: (g: Float64Array) => Float64Array,
  table: UtilityTable,
): GainRow[] {
  const n = floorH.length;
  const rows: GainRow[] = [];
  for (let i = 0; i < n; i++) {
    if (fixed[i] !== null) continue;
    const weights = new Float64Array(n);
    weights[i] = 1;
    rows.push({ weights, rhs: k > 1 ? floorH[i]! : 0 });
  }
  if (!incumbent) return rows;
  const h = Float64Array.from(normalise(gainsOf(table, incumbent)));
  const byValue = Array.from(h, (_, i) => i).sort((a, b) => h[a]! - h[b]! || a - b);
  for (let j = 2; j < k; j++) {
    const weights = new Float64Array(n);
    for (const i of byValue.slice(0, j)) weights[i] = 1;
    const s = sums[j - 1]!;
    rows.push({ weights, rhs: s - 1e-9 * Math.max(1, Math.abs(s)) });
  }
  return rows;
}
