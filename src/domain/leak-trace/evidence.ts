/**
 * The statistics of a trace. Each compared slot is a coin toss for a copy that is not the leaked
 * one (its bit comes from an independent seed), and agrees with probability 1 − ε for the copy
 * that leaked (ε allows for marks damaged on the way).
 */

/** P(X ≥ k) for X ~ Binomial(n, p), summed in log space so that long texts do not underflow early. */
export function binomialUpperTail(n: number, k: number, p = 0.5): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  const logP = Math.log(p);
  const logQ = Math.log1p(-p);
  let logTerm = logChoose(n, k) + k * logP + (n - k) * logQ;
  let logSum = logTerm;
  for (let i = k; i < n; i++) {
    // pmf(i + 1) / pmf(i) = (n − i) / (i + 1) · p / q
    logTerm += Math.log((n - i) / (i + 1)) + logP - logQ;
    logSum = logAdd(logSum, logTerm);
  }
  return Math.min(1, Math.exp(logSum));
}

/**
 * ln of the likelihood ratio "this copy leaked" against "some other text": `matched` agreements
 * at 2(1 − ε) each and the disagreements at 2ε each (the other hypothesis agrees half the time).
 */
export function logLikelihoodRatio(compared: number, matched: number, errorRate: number): number {
  return matched * Math.log(2 * (1 - errorRate)) + (compared - matched) * Math.log(2 * errorRate);
}

/**
 * Posterior probabilities by Bayes' rule with equal priors for every candidate copy and for "none
 * of them" (a copy not on record, or no copy at all), from each candidate's ln likelihood ratio.
 */
export function posteriors(logRatios: readonly number[]): number[] {
  // "None of them" has ratio 1, ln 0.
  const logTotal = logRatios.reduce(logAdd, 0);
  return logRatios.map((r) => Math.exp(r - logTotal));
}

function logChoose(n: number, k: number): number {
  const m = Math.min(k, n - k);
  let sum = 0;
  for (let j = 1; j <= m; j++) sum += Math.log((n - m + j) / j);
  return sum;
}

function logAdd(a: number, b: number): number {
  const hi = Math.max(a, b);
  if (hi === Number.NEGATIVE_INFINITY) return hi;
  return hi + Math.log(Math.exp(a - hi) + Math.exp(b - hi));
}
