import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/app-error.ts';
import { anchorCycle, checkAnchor, commitmentStatesAsOf } from './commitment-status.ts';
import type {
  AgreementClock,
  CommitmentFacts,
  CommitmentStatus,
  DeadlineSpec,
  ProgressEntry,
  ProgressKind,
} from './monitoring-model.ts';

const clock: AgreementClock = { entryIntoForceAt: '2027-03-01T10:00:00.000Z', zone: 'Europe/Kyiv' };
const in72h: DeadlineSpec = { kind: 'after_entry_into_force', amount: 72, unit: 'hours' };
const facts = (over: Partial<CommitmentFacts> = {}): CommitmentFacts => ({
  id: 'c1',
  deadline: in72h,
  targetQuantity: null,
  progress: [],
  scores: [],
  ...over,
});
const entry = (
  occurredAt: string,
  kind: ProgressKind = 'progress',
  quantity: number | null = null,
): ProgressEntry => ({
  occurredAt,
  kind,
  quantity,
});
const stateOf = (f: CommitmentFacts, asOf: string, c: AgreementClock = clock) =>
  commitmentStatesAsOf(c, [f], asOf)[0]!;

describe('commitment status as of a date', () => {
  // Deadline: 2027-03-04T10:00Z (72 hours after entry into force).
  const cases: { name: string; f: CommitmentFacts; asOf: string; status: CommitmentStatus }[] = [
    {
      name: 'nothing recorded, before the deadline',
      f: facts(),
      asOf: '2027-03-02T00:00:00Z',
      status: 'not_started',
    },
    {
      name: 'nothing recorded, after the deadline',
      f: facts(),
      asOf: '2027-03-05T00:00:00Z',
      status: 'overdue',
    },
    {
      name: 'some progress',
      f: facts({ progress: [entry('2027-03-02T08:00:00Z', 'progress', 5)] }),
      asOf: '2027-03-03T00:00:00Z',
      status: 'in_progress',
    },
    {
      name: 'a score of 1 without progress entries',
      f: facts({
        scores: [{ score: 1, effectiveAt: '2027-03-02T00:00:00Z', recordedAt: '2027-03-02T00:00:00Z' }],
      }),
      asOf: '2027-03-03T00:00:00Z',
      status: 'in_progress',
    },
    {
      name: 'completed in time',
      f: facts({ progress: [entry('2027-03-03T08:00:00Z', 'completed')] }),
      asOf: '2027-04-01T00:00:00Z',
      status: 'completed',
    },
    {
      name: 'completed after the deadline',
      f: facts({ progress: [entry('2027-03-06T08:00:00Z', 'completed')] }),
      asOf: '2027-04-01T00:00:00Z',
      status: 'completed_late',
    },
    {
      name: 'target quantity reached (20 living hostages)',
      f: facts({
        targetQuantity: 20,
        progress: [
          entry('2027-03-02T08:00:00Z', 'progress', 7),
          entry('2027-03-03T08:00:00Z', 'progress', 13),
        ],
      }),
      asOf: '2027-03-03T09:00:00Z',
      status: 'completed',
    },
    {
      name: 'breached after completion',
      f: facts({
        progress: [entry('2027-03-02T08:00:00Z', 'completed'), entry('2027-03-10T08:00:00Z', 'breached')],
      }),
      asOf: '2027-03-11T00:00:00Z',
      status: 'breached',
    },
    {
      name: 'disputed',
      f: facts({ progress: [entry('2027-03-02T08:00:00Z', 'disputed')] }),
      asOf: '2027-03-05T00:00:00Z',
      status: 'disputed',
    },
    {
      name: 'dispute resolved, past the deadline',
      f: facts({
        progress: [
          entry('2027-03-02T08:00:00Z', 'disputed'),
          entry('2027-03-03T08:00:00Z', 'dispute_resolved'),
        ],
      }),
      asOf: '2027-03-05T00:00:00Z',
      status: 'overdue',
    },
    {
      name: 'breach reopened, not yet due',
      f: facts({
        progress: [entry('2027-03-02T08:00:00Z', 'breached'), entry('2027-03-02T09:00:00Z', 'reopened')],
      }),
      asOf: '2027-03-03T00:00:00Z',
      status: 'in_progress',
    },
  ];
  it.each(cases)('$name → $status', ({ f, asOf, status }) => {
    expect(stateOf(f, asOf).status).toBe(status);
  });

  it('counts only what happened by the date (time travel)', () => {
    const f = facts({
      targetQuantity: 28,
      progress: [
        entry('2027-03-02T08:00:00Z', 'progress', 10),
        entry('2027-03-09T08:00:00Z', 'progress', 18),
      ],
      scores: [
        { score: 1, effectiveAt: '2027-03-02T00:00:00Z', recordedAt: '2027-03-02T00:00:00Z' },
        { score: 3, effectiveAt: '2027-03-09T09:00:00Z', recordedAt: '2027-03-02T00:00:00Z' },
      ],
    });
    expect(stateOf(f, '2027-03-01T00:00:00Z')).toMatchObject({
      status: 'not_started',
      quantityDone: 0,
      score: null,
    });
    expect(stateOf(f, '2027-03-03T00:00:00Z')).toMatchObject({
      status: 'in_progress',
      quantityDone: 10,
      score: 1,
    });
    expect(stateOf(f, '2027-03-05T00:00:00Z')).toMatchObject({ status: 'overdue', quantityDone: 10 });
    expect(stateOf(f, '2027-03-10T00:00:00Z')).toMatchObject({
      status: 'completed_late',
      quantityDone: 28,
      score: 3,
      deadlineAt: '2027-03-04T10:00:00.000Z',
      completedAt: '2027-03-09T08:00:00.000Z',
    });
  });

  it('waits for entry into force and for the anchor commitment, then starts the clock', () => {
    const phaseOne = facts({ id: 'p1', progress: [entry('2027-03-20T10:00:00Z', 'completed')] });
    const phaseTwo = facts({
      id: 'p2',
      deadline: { kind: 'after_commitment', amount: 30, unit: 'days', commitmentId: 'p1' },
    });
    const before = commitmentStatesAsOf(clock, [phaseTwo, phaseOne], '2027-03-15T00:00:00Z');
    expect(before[0]).toMatchObject({ status: 'not_started', deadlineAt: null, waitingFor: 'commitment' });
    const after = commitmentStatesAsOf(clock, [phaseTwo, phaseOne], '2027-04-25T00:00:00Z');
    // 30 calendar days in Kyiv from noon on 20 March: noon on 19 April, an hour less in UTC (summer time).
    expect(after[0]).toMatchObject({
      status: 'overdue',
      deadlineAt: '2027-04-19T09:00:00.000Z',
      waitingFor: null,
    });
    expect(stateOf(facts(), '2027-06-01T00:00:00Z', { entryIntoForceAt: null, zone: 'UTC' })).toMatchObject({
      status: 'not_started',
      deadlineAt: null,
      waitingFor: 'entry_into_force',
    });
  });

  it('refuses an "as of" that is not a date', () => {
    expect(() => commitmentStatesAsOf(clock, [facts()], 'yesterday')).toThrow(AppError);
  });
});

describe('anchors', () => {
  const anchoredTo = (id: string, anchor: string) => ({
    id,
    deadline: { kind: 'after_commitment', amount: 30, unit: 'days', commitmentId: anchor } as const,
  });
  const free = (id: string) => ({ id, deadline: { kind: 'none' } as const });

  it('finds a cycle of anchors, or none', () => {
    expect(anchorCycle([free('a'), anchoredTo('b', 'a'), anchoredTo('c', 'b')])).toBeNull();
    expect(
      anchorCycle([free('a'), anchoredTo('b', 'c'), anchoredTo('c', 'd'), anchoredTo('d', 'b')]),
    ).toEqual(['b', 'c', 'd', 'b']);
    expect(anchorCycle([anchoredTo('a', 'a')])).toEqual(['a', 'a']);
    expect(anchorCycle([anchoredTo('a', 'missing')])).toBeNull();
  });

  it('refuses an anchor that closes a circle, a missing one and itself, naming the field', () => {
    const list = [
      { ...anchoredTo('a', 'c'), position: 1 },
      { ...anchoredTo('b', 'a'), position: 2 },
      { ...anchoredTo('c', 'b'), position: 3 },
    ];
    const fail = (f: () => void) => {
      try {
        f();
      } catch (error) {
        if (error instanceof AppError) return error.problems[0];
      }
      return undefined;
    };
    expect(fail(() => checkAnchor(list, 'c'))).toEqual({
      field: 'body.deadline.commitmentId',
      reason: expect.stringContaining('(#3 → #2 → #1 → #3)'),
    });
    expect(fail(() => checkAnchor([anchoredTo('a', 'zzz')], 'a'))?.reason).toContain('no commitment zzz');
    expect(fail(() => checkAnchor([anchoredTo('a', 'a')], 'a'))?.reason).toContain('its own clock');
    expect(() => checkAnchor([free('a'), anchoredTo('b', 'a')], 'b')).not.toThrow();
  });

  it('finds a cycle exactly when following anchors from some commitment comes back to it', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.nat({ max: 7 })), { minLength: 1, maxLength: 8 }), (anchors) => {
        const list = anchors.map((a, i) => (a === null ? free(`n${i}`) : anchoredTo(`n${i}`, `n${a}`)));
        const returns = anchors.some((_, i) => {
          let at: number | null | undefined = anchors[i];
          for (let steps = 0; steps < anchors.length && at !== null && at !== undefined; steps++) {
            if (at === i) return true;
            at = anchors[at];
          }
          return false;
        });
        const cycle = anchorCycle(list);
        expect(cycle !== null).toBe(returns);
        if (cycle) expect(cycle[0]).toBe(cycle.at(-1));
      }),
    );
  });
});
