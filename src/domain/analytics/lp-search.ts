import { gainsOf, isFeasible, type SearchResult, tolerance } from './branch-and-bound.ts';
import { Tableau } from './dual-simplex.ts';
import type { StageLp } from './stage-lp.ts';
import { breaksConstraint, type UtilityTable } from './utility-table.ts';

export interface LpSearchSpec {
  /** The objective on gains (hundredths), non-decreasing in every gain, −∞ where undefined. */
  value: (gains: Float64Array) => number;
  /** Minimal gain per party (hundredths above the reservation). */
  floors: Float64Array;
  incumbent?: readonly number[] | null;
  /** Work limit in LP solves; past it the best package so far comes with its proven bound. */
  maxNodes?: number;
  /**
   * The least value a package must reach to beat one of value v (v + its tolerance when the values
   * are continuous; the next lattice value when they lie on a known lattice, e.g. integer sums).
   */
  nextValue?: (v: number) => number;
}

/** Pivots allowed per node; past it the node keeps the (valid) bound of its last dual iterate. */
const MAX_PIVOTS = 200;
const DEFAULT_MAX_NODES = 200_000;
const INTEGRAL = 1e-7;

/**
 * LP-based branch and bound (Land & Doig 1960; Dakin 1965) over one option per point. Each node
 * re-solves the stage LP (stage-lp.ts) from its parent's tableau by the dual simplex method, and
 * its bound is the Lagrangian bound at the LP duals, valid whatever the rounding error. A basic
 * optimum has at most as many fractional points as linking rows, so the search branches on the most
 * fractional point, one child per option (GUB / SOS1 branching, Beale & Tomlin 1970), best LP value
 * first. Options whose Lagrangian reduced cost already closes the gap to the incumbent are removed
 * from the subtree (reduced-cost fixing, Nemhauser & Wolsey 1988, II.5), and every LP solution is
 * rounded to a package that may improve the incumbent.
 */
export function lpSearch(
  table: UtilityTable,
  lp: StageLp,
  spec: LpSearchSpec,
): SearchResult & { pivots: number } {
  const { n, points, firstCol } = lp;
  const xCols = firstCol[points]!;
  const r = Float64Array.from(table.reservation);
  const maxNodes = spec.maxNodes ?? DEFAULT_MAX_NODES;
  const floorTol = 1e-7;
  const tabs: Tableau[] = [new Tableau(lp.root.rows, lp.root.cols)];
  tabs[0]!.copyFrom(lp.root);
  const opens: Uint8Array[] = [new Uint8Array(xCols).fill(1)];
  const y = new Float64Array(lp.linking);
  const w = new Float64Array(n);
  const g = new Float64Array(n);
  // Per depth: each open column's Lagrangian score and each point's best score at the node.
  const scores: Float64Array[] = [];
  const tops: Float64Array[] = [];
  const choice = new Array<number>(points).fill(-1);
  const pen = new Float64Array(xCols);
  const byPoint = table.constraints.length
    ? table.pointIds.map((_, p) => table.constraints.filter((c) => c.point === p || c.otherPoint === p))
    : null;
  let best: number[] | null = null;
  let bestValue = -Infinity;
  // A node whose bound is at most `threshold` holds no package better than the incumbent.
  let threshold = -Infinity;
  let nodes = 0;
  let pivots = 0;
  let aborted = false;
  let openBound = -Infinity;

  const evaluate = (options: readonly number[]): number => {
    if (byPoint && !isFeasible(table, options)) return -Infinity;
    for (let i = 0; i < n; i++) g[i] = -r[i]!;
    for (let p = 0; p < points; p++) {
      const v = table.value[p]![options[p]!]!;
      for (let i = 0; i < n; i++) g[i] = g[i]! + v[i]!;
    }
    for (let i = 0; i < n; i++) if (g[i]! < spec.floors[i]! - floorTol) return -Infinity;
    return spec.value(g);
  };
  // A new incumbent is polished by local search before it is kept: better incumbents prune sooner.
  const consider = (options: readonly number[]) => {
    const v = evaluate(options);
    if (v > bestValue + tolerance(bestValue)) {
      const polished = improve(table, options, spec.value, spec.floors);
      const pv = evaluate(polished);
      [best, bestValue] = pv >= v ? [polished, pv] : [[...options], v];
      threshold = bestValue + tolerance(bestValue);
      const next = spec.nextValue?.(bestValue) ?? -Infinity;
      const slack = Number.isFinite(next) ? 1e-7 * Math.max(1, Math.abs(next)) : 0;
      threshold = Math.max(threshold, next - slack);
    }
    return v;
  };
  if (spec.incumbent && isFeasible(table, spec.incumbent)) consider(spec.incumbent);
  const beaten = (bound: number) => bound <= threshold;

  // Whether fixing point p to column c breaks a constraint with a point that has one open option left.
  const breaks = (open: Uint8Array, p: number, c: number): boolean => {
    const list = byPoint?.[p];
    if (!list || list.length === 0) return false;
    const option = lp.options[p]![c - firstCol[p]!]!;
    return list.some((con) => {
      const q = con.point === p ? con.otherPoint : con.point;
      let only = -1;
      for (let d = firstCol[q]!; d < firstCol[q + 1]!; d++)
        if (open[d]) {
          if (only >= 0) return false;
          only = d;
        }
      const other = lp.options[q]![only - firstCol[q]!]!;
      return con.point === p ? breaksConstraint(con, option, other) : breaksConstraint(con, other, option);
    });
  };

  const visit = (depth: number, parentBound: number): void => {
    const tab = tabs[depth]!;
    const open = opens[depth]!;
    if (!scores[depth]) {
      scores.push(new Float64Array(xCols));
      tops.push(new Float64Array(points));
    }
    const score = scores[depth]!;
    const top = tops[depth]!;
    if (++nodes > maxNodes) aborted = true;
    if (aborted) {
      openBound = Math.max(openBound, parentBound);
      return;
    }
    const before = tab.pivots;
    const { status, ray } = tab.solve(lp.costCols, threshold, MAX_PIVOTS);
    pivots += tab.pivots - before;
    // lag: the Lagrangian bound at this node's multipliers, the base of every reduced-cost test.
    let lag = Infinity;
    if (status === 'infeasible') {
      // Verify the dual ray as a Farkas certificate; unproven, the node stays open at its parent's bound.
      const base = ray * tab.cols;
      for (const sign of [1, -1]) {
        for (let l = 0; l < lp.linking; l++) y[l] = Math.max(0, sign * tab.t[base + lp.slackCol + l]!);
        if (lp.lagrangian(y, 0, open, w) < -1e-9 * (1 + lp.hMax - lp.hMin)) return;
      }
      w.fill(0);
    } else lag = lp.lagrangian(lp.duals(tab, y), 1, open, w);
    const bound = Math.min(parentBound, lag);
    if (beaten(bound)) {
      return;
    }

    // Round the LP solution (the largest x per point). Branch on the fractional point whose every
    // child loses most at the first dual step (the smallest Driebeek penalty over its options, the
    // penalty of forcing option o being the largest one of moving the point's other basic options
    // to 0, or o's own reduced cost): a cheap stand-in for strong branching (Tomlin 1971).
    let branch = -1;
    let branchScore = -1;
    let free = -1;
    const optimal = status === 'optimal';
    for (let p = 0; p < points; p++) {
      let at = -1;
      let big = -Infinity;
      let count = 0;
      let t = -Infinity;
      for (let c = firstCol[p]!; c < firstCol[p + 1]!; c++) {
        if (!open[c]) continue;
        count++;
        const x = status === 'infeasible' ? 0 : tab.value(c);
        if (x > big) {
          big = x;
          at = c;
        }
        score[c] = lp.score(c, w);
        if (score[c]! > t) t = score[c]!;
      }
      top[p] = lag === Infinity ? 0 : t;
      choice[p] = lp.options[p]![at - firstCol[p]!]!;
      if (count > 1 && free < 0) free = p;
      if (count > 1 && 1 - big > INTEGRAL) {
        let s = 1;
        if (optimal) {
          // Penalties of the basic options of p, then the smallest over the children.
          let first = 0;
          let second = 0;
          for (let c = firstCol[p]!; c < firstCol[p + 1]!; c++) {
            const row = tab.rowOf[c]!;
            pen[c] =
              open[c] && row >= 0 && tab.beta[row]! > INTEGRAL ? tab.downPenalty(row, tab.beta[row]!) : 0;
            if (pen[c]! > first) {
              second = first;
              first = pen[c]!;
            } else if (pen[c]! > second) second = pen[c]!;
          }
          s = Infinity;
          for (let c = firstCol[p]!; c < firstCol[p + 1]!; c++) {
            if (!open[c]) continue;
            const others = pen[c] === first ? second : first;
            const own = tab.rowOf[c]! < 0 ? Math.abs(tab.d[c]!) : 0;
            s = Math.min(s, Math.max(others, own));
          }
          s += 1e-6 * (1 - big);
        }
        if (s > branchScore) {
          branchScore = s;
          branch = p;
        }
      }
    }
    const rounded = consider(choice);
    if (branch < 0) {
      if (status === 'optimal' && rounded >= bound - tolerance(bound)) return;
      branch = free; // integral but cut off by a relaxed row or constraint: branch in index order
      if (branch < 0) return;
    }
    if (beaten(bound)) return;

    // Children: the open options of the branching point, best LP value first; options that cannot
    // beat the incumbent even with this node's multipliers are closed in the whole subtree.
    const kids: number[] = [];
    for (let c = firstCol[branch]!; c < firstCol[branch + 1]!; c++) if (open[c]) kids.push(c);
    const xs = kids.map((c) => (status === 'infeasible' ? 0 : tab.value(c)));
    const order = kids
      .map((_, j) => j)
      .sort((a, b) => xs[b]! - xs[a]! || score[kids[b]!]! - score[kids[a]!]!);
    if (!tabs[depth + 1]) {
      tabs.push(new Tableau(tab.rows, tab.cols));
      opens.push(new Uint8Array(xCols));
    }
    const child = tabs[depth + 1]!;
    const childOpen = opens[depth + 1]!;
    for (const j of order) {
      const c = kids[j]!;
      const childBound = Math.min(bound, lag - top[branch]! + score[c]!);
      if (beaten(childBound)) continue;
      if (aborted) {
        openBound = Math.max(openBound, childBound);
        continue;
      }
      if (breaks(open, branch, c)) continue;
      child.copyFrom(tab);
      childOpen.set(open);
      for (let p = 0; p < points; p++)
        for (let d = firstCol[p]!; d < firstCol[p + 1]!; d++) {
          if (!open[d]) continue;
          const close = p === branch ? d !== c : beaten(lag - top[p]! + score[d]!);
          if (close) {
            childOpen[d] = 0;
            child.setBounds(d, 0, 0);
          }
        }
      if (!anyOpenEverywhere(childOpen, firstCol, points)) continue;
      child.compact();
      visit(depth + 1, childBound);
    }
  };
  if (!lp.empty) visit(0, Infinity);
  const options = best as number[] | null;
  const upperBound = aborted ? Math.max(bestValue, openBound) : bestValue;
  return { options, value: bestValue, upperBound, exact: !aborted, nodes, pivots };
}

function anyOpenEverywhere(open: Uint8Array, firstCol: Int32Array, points: number): boolean {
  for (let p = 0; p < points; p++) {
    let any = false;
    for (let c = firstCol[p]!; c < firstCol[p + 1]! && !any; c++) any = open[c] === 1;
    if (!any) return false;
  }
  return true;
}

/**
 * Local search (first improvement over single-point changes, Papadimitriou & Steiglitz 1982, ch. 19)
 * from a feasible package: a better starting incumbent lets the search prune from its first node.
 */
export function improve(
  table: UtilityTable,
  start: readonly number[],
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
