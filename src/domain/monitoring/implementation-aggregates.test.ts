import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commitmentStatesAsOf } from './commitment-status.ts';
import {
  aggregateBy,
  aggregateRow,
  emptyStatusCounts,
  implementationOverTime,
  implementationPercent,
  statusCounts,
} from './implementation-aggregates.ts';
import type { CommitmentState, ImplementationScore } from './monitoring-model.ts';
import { generatedMonitoringInput } from './test-support.ts';

const state = (
  id: string,
  score: ImplementationScore | null,
  status: CommitmentState['status'] = 'in_progress',
) =>
  ({
    id,
    status,
    score,
    deadlineAt: null,
    waitingFor: null,
    quantityDone: 0,
    completedAt: null,
  }) satisfies CommitmentState;

describe('implementation aggregates', () => {
  it('is the sum of scores over three times the number of commitments, unscored counting 0', () => {
    expect(implementationPercent(0, 0)).toBe(0);
    expect(implementationPercent(9, 3)).toBe(100);
    const row = aggregateRow('all', 'All', [state('a', 3), state('b', 1), state('c', null, 'not_started')]);
    expect(row).toMatchObject({ commitments: 3, scored: 2, scoreSum: 4 });
    expect(row.percent).toBeCloseTo((4 / 9) * 100, 10);
    expect(row.counts).toEqual({ ...emptyStatusCounts(), in_progress: 2, not_started: 1 });
  });

  it('counts a commitment in every group it belongs to, rows in the given order first', () => {
    const states = [state('a', 3), state('b', 0, 'overdue'), state('c', 2)];
    const parties: Record<string, string[]> = { a: ['vel', 'krf'], b: ['krf'], c: [] };
    const rows = aggregateBy(states, {
      keysOf: (s) => parties[s.id]!,
      labelOf: (k) => k.toUpperCase(),
      order: ['krf', 'vel', 'bcc'],
    });
    expect(rows.map((r) => [r.key, r.label, r.commitments, r.scoreSum])).toEqual([
      ['krf', 'KRF', 2, 3],
      ['vel', 'VEL', 1, 3],
    ]);
    expect(rows[0]!.percent).toBe(50);
    expect(rows[0]!.counts.overdue).toBe(1);
  });

  it('over time equals the status as of each date, in the order the dates are given', () => {
    const input = generatedMonitoringInput({ seed: 3, commitments: 60, entries: 3000 });
    const clock = { entryIntoForceAt: input.agreement.entryIntoForceAt, zone: 'Europe/Kyiv' };
    const instants = fc
      .integer({ min: Date.parse('2027-02-01T00:00:00Z'), max: Date.parse('2028-04-01T00:00:00Z') })
      .map((ms) => new Date(ms).toISOString());
    fc.assert(
      fc.property(fc.array(instants, { minLength: 1, maxLength: 12 }), (dates) => {
        const series = implementationOverTime(clock, input.commitments, dates);
        expect(series.map((p) => p.at)).toEqual(dates);
        dates.forEach((d, i) => {
          const states = commitmentStatesAsOf(clock, input.commitments, d);
          const row = aggregateRow('all', 'All', states);
          expect(series[i]!.counts).toEqual(statusCounts(states));
          expect(series[i]!.percent).toBeCloseTo(row.percent, 9);
        });
      }),
      { numRuns: 40 },
    );
  });
});
