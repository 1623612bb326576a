import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { afterFailure, DEFAULT_RETRY, retryDelayMs } from './retry-schedule.ts';

describe('webhook retry schedule', () => {
  it('doubles the wait after each failure, up to the cap', () => {
    const policy = { maxAttempts: 10, baseDelayMs: 1000, maxDelayMs: 10_000 };
    expect([1, 2, 3, 4, 5, 6].map((n) => retryDelayMs(n, policy))).toEqual([
      1000, 2000, 4000, 8000, 10_000, 10_000,
    ]);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (n) => {
        const d = retryDelayMs(n, DEFAULT_RETRY);
        expect(d).toBeGreaterThanOrEqual(DEFAULT_RETRY.baseDelayMs);
        expect(d).toBeLessThanOrEqual(DEFAULT_RETRY.maxDelayMs);
        expect(retryDelayMs(n + 1, DEFAULT_RETRY)).toBeGreaterThanOrEqual(d);
      }),
    );
  });

  it('gives up once the attempts are used', () => {
    const now = new Date('2027-03-01T12:00:00.000Z');
    const policy = { maxAttempts: 3, baseDelayMs: 60_000, maxDelayMs: 3_600_000 };
    expect(afterFailure(1, policy, now)).toEqual({
      status: 'pending',
      nextAttemptAt: '2027-03-01T12:01:00.000Z',
    });
    expect(afterFailure(2, policy, now)).toEqual({
      status: 'pending',
      nextAttemptAt: '2027-03-01T12:02:00.000Z',
    });
    expect(afterFailure(3, policy, now).status).toBe('failed');
  });
});
