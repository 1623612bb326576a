import { readFileSync } from 'node:fs';
import { parsePlanText } from '../src/domain/plans/import/parse-plan-text.ts';
import type { BenchTable } from './harness.ts';
import { sample } from './harness.ts';

const FIXTURE = new URL('../src/domain/plans/import/fixtures/twenty-eight-points.txt', import.meta.url);

/** A long plan in the press style: a heading every 50 points, sub-items and a note now and then. */
function largePlan(points: number): string {
  const parts = ['A VERY LONG FRAMEWORK', '', 'The parties agree as follows.', ''];
  for (let n = 1; n <= points; n++) {
    if (n % 50 === 1) parts.push(`Part ${Math.ceil(n / 50)}: Provisions ${n} to ${n + 49}`, '');
    parts.push(`${n}. The parties shall implement measure ${n} within ${n % 90} days of signature,`);
    parts.push('under the supervision of the Joint Commission.');
    if (n % 3 === 0) parts.push('   a) first step;', '   b) second step.');
    if (n % 10 === 0) parts.push('', 'Note: the timing is under discussion.');
    parts.push('');
  }
  return parts.join('\n');
}

/** Plan text import against the DESIGN.md budgets: a 28-point plan in 5 ms, 10,000 points in 500 ms. */
export async function benchParsePlan(): Promise<BenchTable> {
  const fixture = readFileSync(FIXTURE, 'utf8');
  const large = largePlan(10_000);
  const small = await sample(() => parsePlanText(fixture), { minRuns: 200, minMs: 500 });
  const big = await sample(() => parsePlanText(large), { minRuns: 10, minMs: 2_000, warmup: 2 });
  // Baseline: the least any importer must do — split the lines and test each against one pattern.
  const scan = (text: string) => text.split(/\r?\n/).filter((l) => /^\s*\(?\d+[.)]/.test(l)).length;
  const smallBase = await sample(() => scan(fixture), { minRuns: 200, minMs: 300 });
  const bigBase = await sample(() => scan(large), { minRuns: 10, minMs: 500 });
  return {
    title: 'Plan text import',
    rows: [
      {
        name: 'parse 28-point plan',
        value: small.median,
        p99: small.p99,
        unit: 'ms',
        budget: 5,
        ratio: { against: 'line scan', value: small.median / smallBase.median },
        detail: `${small.runs} runs`,
      },
      {
        name: 'parse 10,000-point plan',
        value: big.median,
        p99: big.p99,
        unit: 'ms',
        budget: 500,
        ratio: { against: 'line scan', value: big.median / bigBase.median },
        detail: `${big.runs} runs, ${(large.length / 1e6).toFixed(1)} MB`,
      },
    ],
  };
}
