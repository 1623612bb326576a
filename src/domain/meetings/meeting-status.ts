import { AppError, invalid } from '../shared/app-error.ts';

/** Where a meeting stands. */
export type MeetingStatus = 'planned' | 'confirmed' | 'held' | 'postponed' | 'on_hold' | 'cancelled';

export const MEETING_STATUSES: readonly MeetingStatus[] = [
  'planned',
  'confirmed',
  'held',
  'postponed',
  'on_hold',
  'cancelled',
];

/** How each status reads on screen. */
export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  planned: 'Planned',
  confirmed: 'Confirmed',
  held: 'Held',
  postponed: 'Postponed',
  on_hold: 'On hold',
  cancelled: 'Cancelled',
};

/**
 * The moves a meeting may make. `held` and `cancelled` are final: a held meeting is history, and
 * a cancelled one is not reopened but scheduled anew — calendar apps drop a CANCELLED event and
 * many never show it again under the same UID, so "reopening" would leave some participants
 * without it. A postponed meeting may be postponed again, and a confirmed one goes back to planned
 * only by way of postponement or hold (confirmation is a promise made to the parties).
 */
const TRANSITIONS: Record<MeetingStatus, readonly MeetingStatus[]> = {
  planned: ['confirmed', 'held', 'postponed', 'on_hold', 'cancelled'],
  confirmed: ['held', 'postponed', 'on_hold', 'cancelled'],
  postponed: ['planned', 'confirmed', 'held', 'postponed', 'on_hold', 'cancelled'],
  on_hold: ['planned', 'confirmed', 'postponed', 'cancelled'],
  held: [],
  cancelled: [],
};

/** The statuses a meeting in `from` may move to. */
export function nextStatuses(from: MeetingStatus): readonly MeetingStatus[] {
  return TRANSITIONS[from];
}

/** Whether the status is final (no further change of status, nor of time). */
export function isFinalStatus(status: MeetingStatus): boolean {
  return TRANSITIONS[status].length === 0;
}

/** A requested change of status, as the rules need to see it. */
export interface StatusChange {
  from: MeetingStatus;
  to: MeetingStatus;
  /** The meeting's current start (UTC instant). */
  currentStartsAt: string;
  /** Whether the meeting is postponed with its new date still to be fixed. */
  dateToBeFixed: boolean;
  /** The new start (UTC instant) if the change carries a new time. */
  newStartsAt: string | null;
  /** A postponement whose new date is not known yet. */
  toBeFixed: boolean;
  now: string;
}

/**
 * Checks a change of status against the rules, throwing the error to report:
 * - only the moves of `nextStatuses` (409 transition.not_allowed otherwise);
 * - a postponement names a later date, or says the new date is to be fixed — never both, never
 *   neither; the old date stays in the status history;
 * - a meeting whose date is to be fixed gets one when it is planned or confirmed again;
 * - "held" and "cancelled" carry no new time, and a meeting is held only once it has started.
 */
export function checkStatusChange(change: StatusChange): void {
  const { from, to } = change;
  if (!TRANSITIONS[from].includes(to)) {
    const allowed = TRANSITIONS[from].map((s) => MEETING_STATUS_LABELS[s].toLowerCase());
    throw new AppError(
      'transition.not_allowed',
      allowed.length === 0
        ? `a ${MEETING_STATUS_LABELS[from].toLowerCase()} meeting is final: its status cannot change (schedule a new meeting instead)`
        : `a ${MEETING_STATUS_LABELS[from].toLowerCase()} meeting cannot become ${MEETING_STATUS_LABELS[to].toLowerCase()}; it can become ${allowed.join(', ')}`,
      { extra: { from, to, allowed: TRANSITIONS[from] } },
    );
  }
  if (change.toBeFixed && to !== 'postponed')
    throw invalid('body.toBeFixed', 'only a postponement can leave the new date to be fixed');
  if (to === 'postponed') {
    if (change.toBeFixed && change.newStartsAt !== null)
      throw invalid('body.toBeFixed', 'give either the new date or toBeFixed, not both');
    if (!change.toBeFixed && change.newStartsAt === null)
      throw invalid(
        'body.startsAt',
        'a postponement needs the new date (startsAt, endsAt), or toBeFixed: true',
      );
    if (change.newStartsAt !== null && change.newStartsAt <= change.currentStartsAt)
      throw invalid('body.startsAt', 'a postponement moves the meeting later than its current start');
    return;
  }
  if ((to === 'held' || to === 'cancelled') && change.newStartsAt !== null)
    throw invalid(
      'body.startsAt',
      `a meeting is ${to === 'held' ? 'held' : 'cancelled'} at the time it had: leave the time out`,
    );
  if (to === 'held') {
    if (change.dateToBeFixed)
      throw invalid('body.status', 'the meeting has no date yet: fix its date before recording it as held');
    if (change.currentStartsAt > change.now)
      throw invalid('body.status', 'the meeting has not started yet: it cannot be recorded as held');
  }
  if ((to === 'planned' || to === 'confirmed') && change.dateToBeFixed && change.newStartsAt === null)
    throw invalid(
      'body.startsAt',
      'the new date of this postponed meeting is still to be fixed: give it (startsAt, endsAt)',
    );
}
