/** Minimal benchmark harness: every benchmark returns rows; bench/run.ts prints them as tables. */

export interface BenchRow {
  /** What was measured ("parse 28-point plan"). */
  name: string;
  /** Median milliseconds per run (or another unit, see `unit`). */
  value: number;
  unit: string;
  /** p99 where meaningful. */
  p99?: number;
  /** The budget from DESIGN.md, same unit; the row passes when value (or p99) is within it. */
  budget?: number;
  /** Ratio against the baseline measured in the same run, with the baseline's name. */
  ratio?: { against: string; value: number };
  detail?: string;
}

export interface BenchTable {
  title: string;
  rows: BenchRow[];
}

/** Runs `fn` until `minMs` elapsed and at least `minRuns` runs happened; returns per-run milliseconds. */
export async function sample(
  fn: () => unknown,
  options: { minRuns?: number; minMs?: number; warmup?: number } = {},
) {
  const { minRuns = 20, minMs = 300, warmup = 3 } = options;
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  const start = performance.now();
  while (times.length < minRuns || performance.now() - start < minMs) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
    if (times.length > 100_000) break;
  }
  return summarize(times);
}

export function summarize(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { runs: sorted.length, median: at(0.5), p99: at(0.99), min: sorted[0] ?? 0 };
}
