import type { LinearBound } from './branch-and-bound.ts';
import type { UtilityTable } from './utility-table.ts';

/** The relaxation's optimum for fixed weights: Σ over points of the best weighted option, and its gains. */
export function relaxedMaximum(table: UtilityTable, w: Float64Array): { score: number; gains: Float64Array } {
  const n = table.partyIds.length;
  const gains = new Float64Array(n);
  for (let i = 0; i < n; i++) gains[i] = -(table.reservation[i] ?? 0);
  let score = 0;
  table.pointIds.forEach((_, p) => {
    let bestS = -Infinity;
    let bestV: number[] | undefined;
    for (const o of table.allowed[p] ?? []) {
      const v = table.value[p]![o]!;
      let s = 0;
      for (let i = 0; i < n; i++) s += w[i]! * v[i]!;
      if (s > bestS) {
        bestS = s;
        bestV = v;
      }
    }
    if (!bestV) return;
    score += bestS;
    for (let i = 0; i < n; i++) gains[i] = gains[i]! + bestV[i]!;
  });
  return { score, gains };
}

const ITERATIONS = 150;

/**
 * Projected subgradient descent on a convex dual function (Polyak 1969 step towards a target value,
 * halved when progress stalls), keeping the best point seen: any point gives a valid bound, a better
 * one only prunes more.
 */
function descend(
  start: Float64Array,
  evaluate: (x: Float64Array) => { value: number; subgradient: Float64Array },
  project: (x: Float64Array) => Float64Array,
  target: number | null,
): Float64Array {
  let x = project(start);
  let best = x;
  let bestValue = evaluate(x).value;
  let scale = 1;
  let stall = 0;
  for (let t = 0; t < ITERATIONS; t++) {
    const { value, subgradient } = evaluate(x);
    if (value < bestValue - 1e-12) {
      bestValue = value;
      best = x;
      stall = 0;
    } else if (++stall >= 8) {
      scale /= 2;
      stall = 0;
      x = best;
      if (scale < 1e-6) break;
      continue;
    }
    const norm = subgradient.reduce((a, g) => a + g * g, 0);
    if (norm < 1e-18) break;
    const gap =
      target === null ? Math.abs(value) * 0.05 + 1 : Math.max(value - target, 1e-9 * Math.abs(value));
    const step = (scale * gap) / norm;
    const next = project(x.map((xi, i) => xi - step * (subgradient[i] ?? 0)));
    // The projected step stands still only when the subgradient lies in the normal cone of the
    // feasible set at x, i.e. x minimises the dual (λ = 0 with every floor met, the common case).
    if (next.every((v, i) => v === x[i])) break;
    x = next;
  }
  return best;
}

/**
 * Bound for a linear objective Σ base_i·g_i under floors g ≥ floor: Lagrangian multipliers λ ≥ 0 on the
 * floors give F(g) ≤ Σ (base+λ)_i g_i − λ·floor, minimised over λ by subgradient descent.
 */
export function linearObjectiveBound(
  table: UtilityTable,
  base: Float64Array,
  floors: Float64Array,
  target: number | null,
): LinearBound {
  const n = base.length;
  const at = (lambda: Float64Array) => {
    const w = base.map((b, i) => b + (lambda[i] ?? 0));
    const { score, gains } = relaxedMaximum(table, w);
    // value = Σ_p max w·v − w·r − λ·floor; the subgradient in λ is g(x) − floor.
    let value = score;
    for (let i = 0; i < n; i++) value -= w[i]! * (table.reservation[i] ?? 0) + lambda[i]! * floors[i]!;
    return { value, subgradient: gains.map((g, i) => g - (floors[i] ?? 0)) };
  };
  const lambda = descend(new Float64Array(n), at, (x) => x.map((v) => Math.max(0, v)), target);
  return {
    constant: -lambda.reduce((a, l, i) => a + l * (floors[i] ?? 0), 0),
    weights: base.map((b, i) => b + (lambda[i] ?? 0)),
  };
}

/**
 * Bound for the Nash objective Σ log g_i. log is concave, so log g ≤ log μ + g/μ − 1 for every μ > 0
 * (the tangent at μ); summed, this is linear in g. The tangent point is the optimum of the continuous
 * relaxation, approached by Frank–Wolfe (1956) with exact line search: at the iterate g, the bound
 * Σ log g − n + Σ s_i/g_i (s the linear oracle's vertex) is exactly the Frank–Wolfe duality gap added
 * to the objective, so the best iterate's tangent gives the tightest bound seen.
 */
export function nashBound(table: UtilityTable, startGains: Float64Array): LinearBound {
  const n = startGains.length;
  let g: Float64Array = Float64Array.from(startGains);
  let bestBound = Infinity;
  let bestMu = Float64Array.from(g);
  for (let t = 0; t < ITERATIONS; t++) {
    const w = g.map((x) => 1 / x);
    const { gains: s } = relaxedMaximum(table, w);
    let logSum = 0;
    let linear = 0;
    for (let i = 0; i < n; i++) {
      logSum += Math.log(g[i]!);
      linear += s[i]! / g[i]!;
    }
    const bound = logSum - n + linear;
    if (bound < bestBound) {
      bestBound = bound;
      bestMu = Float64Array.from(g);
    }
    if (linear - n < 1e-10) break; // the Frank–Wolfe gap is closed: g is the relaxation's optimum
    g = lineSearch(g, s);
  }
  return {
    constant: Array.from(bestMu).reduce((a, m) => a + Math.log(m) - 1, 0),
    weights: bestMu.map((m) => 1 / m),
  };
}

/** Maximise Σ log((1−γ)g + γs) over γ ∈ [0, γmax) by bisection on its (decreasing) derivative. */
function lineSearch(g: Float64Array, s: Float64Array): Float64Array {
  let hi = 1;
  for (let i = 0; i < g.length; i++) if (s[i]! <= 0) hi = Math.min(hi, (0.999 * g[i]!) / (g[i]! - s[i]!));
  const slope = (gamma: number) => {
    let d = 0;
    for (let i = 0; i < g.length; i++) d += (s[i]! - g[i]!) / ((1 - gamma) * g[i]! + gamma * s[i]!);
    return d;
  };
  let lo = 0;
  if (slope(hi) >= 0) lo = hi;
  else
    for (let it = 0; it < 50; it++) {
      const mid = (lo + hi) / 2;
      if (slope(mid) > 0) lo = mid;
      else hi = mid;
    }
  return g.map((x, i) => (1 - lo) * x + lo * (s[i] ?? 0));
}
