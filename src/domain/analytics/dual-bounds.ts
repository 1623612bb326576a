import type { LinearBound } from './branch-and-bound.ts';
import { capNormalise, projectCappedSimplex } from './capped-simplex.ts';
import type { DualModel } from './dual-search.ts';
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
    x = project(x.map((xi, i) => xi - step * (subgradient[i] ?? 0)));
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

/** A proven earlier leximin stage: S_j* and the λ ∈ Λ_j of its bound (a supporting plane of S_j). */
export interface EarlierStage {
  lambda: Float64Array;
  optimum: number;
}

/**
 * The Lagrangian dual of S_k(h), the sum of the k smallest normalised gains h_i = scale_i·g_i (or the
 * constant `fixed_i` where given). S_k(h) = min over λ ∈ Λ_k = {0 ≤ λ ≤ 1, Σλ = k} of λ·h (Ogryczak &
 * Śliwiński 2003, ordered weighted averages as LPs), so every λ ∈ Λ_k is a linear over-estimate. The
 * stage's constraints are relaxed with multipliers (Lagrangian relaxation): ν ≥ 0 on the floors
 * h_i ≥ floorH_i and μ_j ≥ 0 on S_j(h) ≥ S_j* for earlier stages, using S_j(h) ≤ λ_j·h with stage j's
 * own λ_j. So S_k(h) ≤ (λ + ν + Σ μ_j λ_j)·h − ν·floorH − Σ μ_j S_j* for x = (λ, ν, μ).
 */
export function orderedSumDual(
  k: number,
  scale: Float64Array,
  fixed: (number | null)[],
  floorH: Float64Array,
  earlier: readonly EarlierStage[],
): DualModel {
  const n = scale.length;
  const m = earlier.length;
  const weights = (x: Float64Array, w: Float64Array) => {
    let constant = 0;
    for (let j = 0; j < m; j++) constant -= x[2 * n + j]! * earlier[j]!.optimum;
    for (let i = 0; i < n; i++) {
      let coefficient = x[i]! + x[n + i]!;
      for (let j = 0; j < m; j++) coefficient += x[2 * n + j]! * earlier[j]!.lambda[i]!;
      const f = fixed[i];
      if (f === null || f === undefined) w[i] = coefficient * scale[i]!;
      else {
        w[i] = 0;
        constant += coefficient * f;
      }
      constant -= x[n + i]! * floorH[i]!;
    }
    return constant;
  };
  const h = new Float64Array(n);
  const subgradient = (_x: Float64Array, g: Float64Array, out: Float64Array) => {
    let mean = 0;
    for (let i = 0; i < n; i++) {
      h[i] = fixed[i] ?? g[i]! * scale[i]!;
      mean += h[i]! / n;
      out[n + i] = h[i]! - floorH[i]!;
    }
    // Σλ = k is an equality: only the part of h orthogonal to (1, …, 1) moves λ within Λ_k.
    for (let i = 0; i < n; i++) out[i] = h[i]! - mean;
    for (let j = 0; j < m; j++) {
      let dot = 0;
      for (let i = 0; i < n; i++) dot += earlier[j]!.lambda[i]! * h[i]!;
      out[2 * n + j] = dot - earlier[j]!.optimum;
    }
  };
  const project = (x: Float64Array) => {
    const out = x.map((v) => Math.max(0, v));
    out.set(projectCappedSimplex(x.subarray(0, n), k));
    return out;
  };
  const sub = new Float64Array(2 * n + m);
  // λ moves by exponentiated gradient (mirror descent with the entropy, Beck & Teboulle 2003), which
  // reaches the vertices of Λ_k in a few steps where the Euclidean step crawls; ν and μ by projected
  // subgradient steps. Both use Polyak's step length towards the target.
  const step = (x: Float64Array, g: Float64Array, gap: number) => {
    subgradient(x, g, sub);
    let top = 0;
    for (let i = 0; i < n; i++) top = Math.max(top, Math.abs(sub[i]!));
    let norm = 0;
    for (let j = n; j < 2 * n + m; j++) if (x[j]! > 0 || sub[j]! < 0) norm += sub[j]! * sub[j]!;
    const out = new Float64Array(2 * n + m);
    const eta = top > 0 ? gap / (top * top) : 0;
    for (let i = 0; i < n; i++) out[i] = Math.max(x[i]!, 1e-9) * Math.exp(-Math.min(50, eta * sub[i]!));
    out.set(capNormalise(out.subarray(0, n), k));
    const length = norm > 0 ? gap / norm : 0;
    for (let j = n; j < 2 * n + m; j++) out[j] = Math.max(0, x[j]! - length * sub[j]!);
    return out;
  };
  const start = new Float64Array(2 * n + m);
  start.fill(k / n, 0, n);
  return { start, weights, subgradient, project, step };
}

/**
 * Bound for S_k(h) from `orderedSumDual`, minimised over its multipliers by projected subgradient
 * descent at the root. Returns the bound, its λ (for the stages after this one) and the dual model
 * started at the optimised multipliers (for the per-node re-optimisation of the search).
 */
export function orderedSumBound(
  table: UtilityTable,
  k: number,
  scale: Float64Array,
  fixed: (number | null)[],
  floorH: Float64Array,
  earlier: readonly EarlierStage[],
  target: number | null,
): { bound: LinearBound; lambda: Float64Array; dual: DualModel } {
  const n = scale.length;
  const model = orderedSumDual(k, scale, fixed, floorH, earlier);
  const at = (x: Float64Array) => {
    const weights = new Float64Array(n);
    const constant = model.weights(x, weights);
    const { score, gains } = relaxedMaximum(table, weights);
    let value = constant + score;
    for (let i = 0; i < n; i++) value -= weights[i]! * (table.reservation[i] ?? 0);
    const subgradient = new Float64Array(x.length);
    model.subgradient(x, gains, subgradient);
    return { value, subgradient };
  };
  const best = descend(model.start, at, model.project, target);
  const weights = new Float64Array(n);
  const constant = model.weights(best, weights);
  return {
    bound: { constant, weights },
    lambda: best.slice(0, n),
    dual: { ...model, start: best },
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
