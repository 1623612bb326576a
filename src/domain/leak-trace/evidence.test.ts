import { describe, expect, it } from 'vitest';
import { binomialUpperTail, logLikelihoodRatio, posteriors } from './evidence.ts';

describe('binomialUpperTail', () => {
  it('matches exact values', () => {
    expect(binomialUpperTail(10, 10)).toBeCloseTo(1 / 1024, 12);
    expect(binomialUpperTail(10, 0)).toBe(1);
    expect(binomialUpperTail(10, 5)).toBeCloseTo(638 / 1024, 12);
    expect(binomialUpperTail(10, 11)).toBe(0);
    expect(binomialUpperTail(4, 2, 0.25)).toBeCloseTo(1 - 0.75 ** 4 - 4 * 0.25 * 0.75 ** 3, 12);
  });

  it('stays finite on long texts', () => {
    const tail = binomialUpperTail(5000, 2600);
    expect(tail).toBeGreaterThan(0);
    expect(tail).toBeLessThan(0.01);
    expect(binomialUpperTail(5000, 5000)).toBe(0);
    expect(binomialUpperTail(5000, 2400)).toBeCloseTo(1, 2);
  });
});

describe('posteriors', () => {
  it('leave room for "none of these copies" and favour the strongest evidence', () => {
    const [strong, weak] = posteriors([logLikelihoodRatio(20, 20, 0.05), logLikelihoodRatio(20, 10, 0.05)]);
    expect(strong).toBeGreaterThan(0.999);
    expect(weak).toBeLessThan(1e-6);
    expect(posteriors([0])[0]).toBeCloseTo(0.5);
    const sum = posteriors([3, 2, 1]).reduce((a, b) => a + b);
    expect(sum).toBeLessThan(1);
  });

  it('do not overflow on huge ratios', () => {
    const [a, b] = posteriors([5000, 4000]);
    expect(a).toBeCloseTo(1);
    expect(b).toBe(0);
  });
});
