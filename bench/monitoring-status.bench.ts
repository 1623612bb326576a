/**
 * Monitoring status benchmark (issue 6): the snapshot the dashboard, report and CLI show — every
 * commitment's status, totals, aggregates by area/tag/party/phase, implementation over time (up
 * to 60 dates) and the due lists — for 1,000 commitments with 100,000 progress entries and scores,
 * as of several dates. Budget: under 200 ms (DESIGN.md, issue 6). Baselines measured in the same
 * run: the status rules read literally (filter each commitment's entries up to the date, sort,
 * scan; once per date of the series) and a bare pass over all entries, the floor of any method
 * that reads them. Each row checks that the snapshot's states equal the literal reading.
 */

import type { MonitoringSnapshotInput } from '../src/domain/monitoring/build-monitoring-snapshot.ts';
import { buildMonitoringSnapshot } from '../src/domain/monitoring/build-monitoring-snapshot.ts';
import { aggregateRow } from '../src/domain/monitoring/implementation-aggregates.ts';
import type {
  AgreementClock,
  CommitmentFacts,
  CommitmentState,
} from '../src/domain/monitoring/monitoring-model.ts';
import {
  GENERATED_ENTRY_INTO_FORCE,
  generatedMonitoringInput,
  naiveStatesAsOf,
} from '../src/domain/monitoring/test-support.ts';
import { trendDates } from '../src/domain/monitoring/trend-dates.ts';
import { type BenchRow, type BenchTable, sample } from './harness.ts';

export const COMMITMENTS = 1_000;
export const ENTRIES = 100_000;
export const BUDGET_MS = 200;
export const DAY_MS = 86_400_000;

/** The same snapshot content by the literal rules: states as of `asOf` and at every date of the series. */
function naiveSnapshot(clock: AgreementClock, facts: readonly CommitmentFacts[], asOf: string) {
  const states = naiveStatesAsOf(clock, facts, asOf);
  const series = trendDates(GENERATED_ENTRY_INTO_FORCE, asOf, clock.zone).map((at) => {
    const row = aggregateRow('all', 'All', naiveStatesAsOf(clock, facts, at));
    return { at, percent: row.percent, counts: row.counts };
  });
  return { states, series };
}

/** One pass over every entry and score: what reading the facts costs at the least. */
function plainPass(facts: readonly CommitmentFacts[]): number {
  let sum = 0;
  for (const f of facts) {
    for (const p of f.progress) sum += (p.quantity ?? 0) + (p.occurredAt.length & 1);
    for (const s of f.scores) sum += s.score;
  }
  return sum;
}

/** CPU milliseconds per run over `runs` runs (all threads, so GC included): steadier than wall time on a busy machine. */
function cpuMs(fn: () => unknown, runs = 10): number {
  const start = process.cpuUsage();
  for (let i = 0; i < runs; i++) fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / runs;
}

export type Snapshot = ReturnType<typeof buildMonitoringSnapshot>;
type Naive = ReturnType<typeof naiveSnapshot>;

/** Whether the snapshot's states and series equal the literal reading's. */
function agrees(snapshot: Snapshot, naive: Naive): boolean {
  const key = (states: readonly CommitmentState[]) =>
    JSON.stringify(states.map((s) => [s.id, s.status, s.deadlineAt, s.quantityDone, s.score, s.completedAt]));
  return (
    key(snapshot.commitments) === key(naive.states) &&
    snapshot.overTime.length === naive.series.length &&
    snapshot.overTime.every(
      (p, i) =>
        Math.abs(p.percent - (naive.series[i]?.percent ?? Number.NaN)) < 1e-9 &&
        JSON.stringify(p.counts) === JSON.stringify(naive.series[i]?.counts),
    )
  );
}

/** One run of the literal rules, timed (it is slow enough that one run is a fair measure, and gives the answers). */
function timeNaive(clock: AgreementClock, facts: readonly CommitmentFacts[], asOf: string) {
  const t0 = performance.now();
  const result = naiveSnapshot(clock, facts, asOf);
  return { result, ms: performance.now() - t0 };
}

async function snapshotRow(
  label: string,
  input: MonitoringSnapshotInput,
  clock: AgreementClock,
  floorMs: number,
): Promise<BenchRow> {
  const snapshot = buildMonitoringSnapshot(input);
  const naive = timeNaive(clock, input.commitments, input.asOf);
  const s = await sample(() => buildMonitoringSnapshot(input), { minRuns: 20, minMs: 1000 });
  const cpu = cpuMs(() => buildMonitoringSnapshot(input));
  const c = snapshot.totals.counts;
  return {
    name: label,
    value: s.median,
    p99: s.p99,
    unit: 'ms',
    budget: BUDGET_MS,
    ratio: { against: 'literal rules', value: s.median / naive.ms },
    detail: [
      `CPU ${cpu.toFixed(1)} ms/run`,
      `${snapshot.overTime.length} dates over time`,
      `literal rules ${naive.ms.toFixed(0)} ms (${(naive.ms / s.median).toFixed(0)}× slower)`,
      `${(s.median / floorMs).toFixed(1)}× the bare pass`,
      `${c.completed + c.completed_late} completed, ${c.overdue} overdue, ${c.breached + c.disputed} breached/disputed, ${snapshot.totals.percent.toFixed(1)} %`,
      agrees(snapshot, naive.result) ? 'answers agree' : 'ANSWERS DIFFER',
    ].join('; '),
  };
}

/** Measures `buildMonitoringSnapshot` as of several dates against the literal rules and a bare pass. */
export async function benchMonitoringStatus(): Promise<BenchTable[]> {
  const input = generatedMonitoringInput({ seed: 42, commitments: COMMITMENTS, entries: ENTRIES });
  const facts = input.commitments;
  const entries = facts.reduce((n, f) => n + f.progress.length + f.scores.length, 0);
  const clock: AgreementClock = { entryIntoForceAt: input.agreement.entryIntoForceAt, zone: 'Europe/Kyiv' };
  const eif = Date.parse(GENERATED_ENTRY_INTO_FORCE);
  const floor = await sample(() => plainPass(facts), { minRuns: 50 });
  const rows: BenchRow[] = [
    {
      name: `bare pass over ${entries.toLocaleString('en-GB')} entries and scores (floor)`,
      value: floor.median,
      p99: floor.p99,
      unit: 'ms',
    },
  ];
  const n = COMMITMENTS.toLocaleString('en-GB');
  for (const days of [7, 90, 180, 365, 540]) {
    const asOf = new Date(eif + days * DAY_MS).toISOString();
    rows.push(
      await snapshotRow(
        `snapshot of ${n} commitments as of entry into force + ${days} days`,
        { ...input, asOf },
        clock,
        floor.median,
      ),
    );
  }
  // As the store reads them (ORDER BY occurred_at), entries come sorted and the sort is skipped.
  const stored = {
    ...input,
    asOf: new Date(eif + 180 * DAY_MS).toISOString(),
    commitments: facts.map((f) => ({
      ...f,
      progress: [...f.progress].sort((a, b) =>
        a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : 0,
      ),
    })),
  };
  rows.push(
    await snapshotRow(
      `snapshot of ${n} commitments, + 180 days, entries in store order`,
      stored,
      clock,
      floor.median,
    ),
  );
  return [
    { title: 'Monitoring status (1,000 commitments, 100,000 entries)', rows },
    // The same status read through the store and the app (monitoring-status-store.bench.ts).
    await (await import('./monitoring-status-store.bench.ts')).benchStoredMonitoringStatus(),
  ];
}
