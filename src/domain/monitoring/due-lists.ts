import type { CommitmentState, CommitmentStatus } from './monitoring-model.ts';

/**
 * The alert lists of the dashboard. Overdue is a status of its own (past the deadline, neither
 * completed nor breached nor disputed). Due soon are the open commitments — not started, in
 * progress, or disputed, since a dispute does not stop the clock — whose deadline falls after
 * "as of" and within the window; completed and breached ones have nothing left to be due.
 */

const OPEN: ReadonlySet<CommitmentStatus> = new Set(['not_started', 'in_progress', 'disputed']);
const HOUR_MS = 3_600_000;

/** Ids of the overdue commitments, most overdue (earliest deadline) first; ties keep their order. */
export function overdueIds(states: readonly CommitmentState[]): string[] {
  return byDeadline(states.filter((s) => s.status === 'overdue' && s.deadlineAt !== null));
}

/** Ids of the open commitments due after `asOf` and at most `withinHours` later, soonest first. */
export function dueSoonIds(states: readonly CommitmentState[], asOf: string, withinHours: number): string[] {
  const from = Date.parse(asOf);
  const until = from + withinHours * HOUR_MS;
  return byDeadline(
    states.filter((s) => {
      if (!OPEN.has(s.status) || s.deadlineAt === null) return false;
      const due = Date.parse(s.deadlineAt);
      return due > from && due <= until;
    }),
  );
}

/** Hours from `asOf` to the deadline: negative when overdue, null without a deadline. */
export function hoursToDeadline(state: Pick<CommitmentState, 'deadlineAt'>, asOf: string): number | null {
  return state.deadlineAt === null ? null : (Date.parse(state.deadlineAt) - Date.parse(asOf)) / HOUR_MS;
}

function byDeadline(states: CommitmentState[]): string[] {
  return states
    .map((s, i) => ({ id: s.id, due: Date.parse(s.deadlineAt ?? ''), i }))
    .sort((a, b) => a.due - b.due || a.i - b.i)
    .map((s) => s.id);
}
