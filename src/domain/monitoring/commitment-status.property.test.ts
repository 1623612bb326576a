import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commitmentStatesAsOf } from './commitment-status.ts';
import type { AgreementClock, CommitmentFacts, DeadlineSpec, ProgressKind } from './monitoring-model.ts';
import { naiveStatesAsOf } from './test-support.ts';

const clock: AgreementClock = { entryIntoForceAt: '2027-03-01T10:00:00.000Z', zone: 'Europe/Kyiv' };

describe('commitment status as of any date (properties)', () => {
  // Random agreements of a few commitments, entries within two months of entry into force.
  const start = Date.parse('2027-02-20T00:00:00Z');
  const time = fc
    .integer({ min: 0, max: 70 * 24 * 60 })
    .map((m) => new Date(start + m * 60_000).toISOString());
  const kinds: ProgressKind[] = [
    'progress',
    'progress',
    'progress',
    'completed',
    'breached',
    'disputed',
    'dispute_resolved',
    'reopened',
  ];
  const deadline = (ids: string[]): fc.Arbitrary<DeadlineSpec> =>
    fc.oneof(
      fc.constant({ kind: 'none' as const }),
      fc.record({
        kind: fc.constant('absolute' as const),
        local: time.map((t) => t.slice(0, 16)),
        zone: fc.constant('UTC'),
      }),
      fc.record({
        kind: fc.constant('after_entry_into_force' as const),
        amount: fc.integer({ min: 0, max: 40 }),
        unit: fc.constantFrom('hours' as const, 'days' as const, 'weeks' as const, 'months' as const),
      }),
      fc.record({
        kind: fc.constant('after_commitment' as const),
        amount: fc.integer({ min: 0, max: 40 }),
        unit: fc.constantFrom('hours' as const, 'days' as const, 'weeks' as const),
        commitmentId: fc.constantFrom(...ids, 'missing'),
      }),
    );
  const agreement = fc.integer({ min: 1, max: 5 }).chain((n) => {
    const ids = Array.from({ length: n }, (_, i) => `c${i}`);
    return fc
      .array(
        fc.record({
          deadline: deadline(ids),
          targetQuantity: fc.option(fc.integer({ min: 1, max: 30 })),
          progress: fc.array(
            fc.record({
              occurredAt: time,
              kind: fc.constantFrom(...kinds),
              quantity: fc.option(fc.integer({ min: 0, max: 10 })),
            }),
            { maxLength: 8 },
          ),
          scores: fc.array(
            fc.record({
              score: fc.constantFrom(0 as const, 1 as const, 2 as const, 3 as const),
              effectiveAt: time,
              recordedAt: time,
            }),
            { maxLength: 3 },
          ),
        }),
        { minLength: n, maxLength: n },
      )
      .map((list) => list.map((f, i): CommitmentFacts => ({ ...f, id: ids[i]! })));
  });
  const clocks = fc.constantFrom<AgreementClock>(
    clock,
    { entryIntoForceAt: null, zone: 'UTC' },
    {
      entryIntoForceAt: '2027-03-28T00:30:00.000Z',
      zone: 'Europe/Berlin',
    },
  );

  it('agrees with a literal reading of the rules at any date', () => {
    fc.assert(
      fc.property(clocks, agreement, time, (c, list, asOf) => {
        expect(commitmentStatesAsOf(c, list, asOf)).toEqual(naiveStatesAsOf(c, list, asOf));
      }),
      { numRuns: 1500 },
    );
  });

  it('stays completed at later dates unless a breach or dispute is recorded after', () => {
    fc.assert(
      fc.property(clocks, agreement, time, time, (c, list, a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const before = commitmentStatesAsOf(c, list, early);
        const after = commitmentStatesAsOf(c, list, late);
        list.forEach((f, i) => {
          if (!before[i]!.status.startsWith('completed')) return;
          const flagged = f.progress.some(
            (p) =>
              (p.kind === 'breached' || p.kind === 'disputed') &&
              p.occurredAt > early &&
              p.occurredAt <= late,
          );
          if (!flagged) expect(after[i]!.status).toBe(before[i]!.status);
          expect(after[i]!.completedAt).toBe(before[i]!.completedAt);
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('before any entry, is not started or overdue, and overdue exactly when the deadline has passed', () => {
    fc.assert(
      fc.property(clocks, agreement, time, (c, list, asOf) => {
        const later = list.map((f) => ({
          ...f,
          progress: f.progress.filter((p) => p.occurredAt > asOf),
          scores: f.scores.filter((s) => s.effectiveAt > asOf),
        }));
        for (const s of commitmentStatesAsOf(c, later, asOf)) {
          expect(s.status).toBe(s.deadlineAt !== null && s.deadlineAt < asOf ? 'overdue' : 'not_started');
          expect(s).toMatchObject({ quantityDone: 0, score: null, completedAt: null });
        }
      }),
      { numRuns: 500 },
    );
  });
});
