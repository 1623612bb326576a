/** How often, and how far apart, a delivery is tried before it is given up as failed. */
export interface RetryPolicy {
  maxAttempts: number;
  /** Wait after the first failed attempt; each later wait doubles. */
  baseDelayMs: number;
  /** No wait is longer than this. */
  maxDelayMs: number;
}

/** 10 attempts over about four hours: 30 s, 1 min, 2 min, … 2 h 8 min apart. */
export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 10, baseDelayMs: 30_000, maxDelayMs: 6 * 3_600_000 };

/** The wait after `failedAttempts` failures: exponential backoff, base × 2^(n−1), capped. */
export function retryDelayMs(failedAttempts: number, policy: RetryPolicy): number {
  const exponent = Math.max(0, failedAttempts - 1);
  // 2^exponent overflows to Infinity long before it matters; the cap takes over first.
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(exponent, 40));
}

/** After a failed attempt: try again later, or give up once the attempts are used. */
export function afterFailure(
  attempts: number,
  policy: RetryPolicy,
  now: Date,
): { status: 'pending' | 'failed'; nextAttemptAt: string } {
  if (attempts >= policy.maxAttempts) return { status: 'failed', nextAttemptAt: now.toISOString() };
  return {
    status: 'pending',
    nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts, policy)).toISOString(),
  };
}
