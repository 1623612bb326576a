import { expect, it } from 'vitest';
import { analyzeInstance } from '../../domain/analytics/analyze-instance.ts';
import { generateInstance } from '../../domain/analytics/generated-instance.ts';
import { workLimits } from './run-analysis.ts';

it('keeps a small instance exact within the request budget', () => {
  const instance = generateInstance({ seed: 3, parties: 3, points: 6, options: 3 });
  const analysis = analyzeInstance(instance, workLimits(instance, 100));
  expect(analysis.frontier.exact).toBe(true);
});

it('bounds the work on large instances so that a request stays short', () => {
  for (const [points, options, parties] of [
    [30, 5, 6],
    [100, 8, 10],
  ] as const) {
    const instance = generateInstance({ seed: 7, parties, points, options });
    const limits = workLimits(instance, 100);
    const started = performance.now();
    const analysis = analyzeInstance(instance, limits);
    const took = performance.now() - started;
    // Generous against a loaded CI machine; about 200 ms on a busy two-core machine.
    expect(took, `${points}×${options}×${parties}`).toBeLessThan(1500);
    // Not silently heuristic: a cut-short run says so.
    if (!analysis.frontier.exact) expect(analysis.exact).toBe(false);
  }
});
