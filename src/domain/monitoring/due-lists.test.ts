import { describe, expect, it } from 'vitest';
import { dueSoonIds, hoursToDeadline, overdueIds } from './due-lists.ts';
import type { CommitmentState } from './monitoring-model.ts';

const state = (
  id: string,
  status: CommitmentState['status'],
  deadlineAt: string | null,
): CommitmentState => ({
  id,
  status,
  deadlineAt,
  waitingFor: null,
  quantityDone: 0,
  score: null,
  completedAt: null,
});

describe('due lists', () => {
  const asOf = '2027-03-10T12:00:00.000Z';
  const states = [
    state('late-a', 'overdue', '2027-03-08T12:00:00.000Z'),
    state('late-b', 'overdue', '2027-03-04T12:00:00.000Z'),
    state('late-c', 'overdue', '2027-03-08T12:00:00.000Z'),
    state('soon-1', 'in_progress', '2027-03-12T12:00:00.000Z'),
    state('soon-2', 'not_started', '2027-03-10T13:00:00.000Z'),
    state('soon-disputed', 'disputed', '2027-03-11T12:00:00.000Z'),
    state('edge', 'not_started', '2027-03-13T12:00:00.000Z'),
    state('too-far', 'not_started', '2027-03-13T12:01:00.000Z'),
    state('done', 'completed', '2027-03-11T00:00:00.000Z'),
    state('breached', 'breached', '2027-03-11T00:00:00.000Z'),
    state('waiting', 'not_started', null),
  ];

  it('lists overdue commitments, most overdue first, ties in their order', () => {
    expect(overdueIds(states)).toEqual(['late-b', 'late-a', 'late-c']);
  });

  it('lists open commitments due within the window, soonest first, the window end included', () => {
    expect(dueSoonIds(states, asOf, 72)).toEqual(['soon-2', 'soon-disputed', 'soon-1', 'edge']);
    expect(dueSoonIds(states, asOf, 0)).toEqual([]);
  });

  it('says how many hours are left, negative when late', () => {
    expect(hoursToDeadline(states[0]!, asOf)).toBe(-48);
    expect(hoursToDeadline(states[10]!, asOf)).toBeNull();
  });
});
