// Projections onto Λ_k = {0 ≤ x ≤ 1, Σx = k}, the domain of the ordered-sum multipliers.

/** Euclidean projection onto {0 ≤ x ≤ 1, Σx = k}, by bisection on the shift τ of clip(y − τ, 0, 1). */
export function projectCappedSimplex(y: Float64Array, k: number): Float64Array {
  const sumAt = (tau: number) => y.reduce((a, v) => a + Math.min(1, Math.max(0, v - tau)), 0);
  let lo = Math.min(...y) - 1;
  let hi = Math.max(...y);
  for (let it = 0; it < 60; it++) {
    const mid = (lo + hi) / 2;
    if (sumAt(mid) > k) lo = mid;
    else hi = mid;
  }
  const tau = (lo + hi) / 2;
  return y.map((v) => Math.min(1, Math.max(0, v - tau)));
}

/** The Kullback–Leibler projection of positive weights onto Λ_k: rescale to sum k, capping at 1. */
export function capNormalise(y: Float64Array, k: number): Float64Array {
  const out = Float64Array.from(y);
  const capped = new Uint8Array(y.length);
  for (let round = 0; round <= y.length; round++) {
    let free = 0;
    let fixedSum = 0;
    for (let i = 0; i < out.length; i++) {
      if (capped[i]) fixedSum += 1;
      else free += out[i]!;
    }
    const factor = free > 0 ? (k - fixedSum) / free : 0;
    let changed = false;
    for (let i = 0; i < out.length; i++) {
      if (capped[i]) continue;
      out[i] = out[i]! * factor;
      if (out[i]! > 1) {
        out[i] = 1;
        capped[i] = 1;
        changed = true;
      }
    }
    if (!changed) break;
  }
  return out;
}
