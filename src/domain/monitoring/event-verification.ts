import { AppError, invalid } from '../shared/app-error.ts';
import type { EventStatus } from './monitoring-model.ts';

/** How each event status reads on screen. */
export const EVENT_STATUS_LABELS: Record<EventStatus, string> = {
  received: 'Received',
  under_investigation: 'Under investigation',
  verified: 'Verified',
  unverified: 'Unverified',
  dismissed: 'Dismissed',
};

/**
 * The verification workflow of an allegation, as ceasefire mechanisms run it: a report is
 * received, then investigated or dismissed outright; an investigation ends verified, unverified
 * (not enough to confirm it) or dismissed. An unverified report may be reopened when new evidence
 * comes in; verified and dismissed are findings, final, so that what moved a commitment's progress
 * (or was thrown out) stays on the record — a correction is a new report.
 */
const TRANSITIONS: Record<EventStatus, readonly EventStatus[]> = {
  received: ['under_investigation', 'dismissed'],
  under_investigation: ['verified', 'unverified', 'dismissed'],
  unverified: ['under_investigation'],
  verified: [],
  dismissed: [],
};

/** The statuses an event report in `from` may move to. */
export function nextEventStatuses(from: EventStatus): readonly EventStatus[] {
  return TRANSITIONS[from];
}

/** Whether the status is a final finding (verified or dismissed). */
export function isFinalEventStatus(status: EventStatus): boolean {
  return TRANSITIONS[status].length === 0;
}

/** Throws transition.not_allowed (409), naming both statuses and the allowed ones, unless `from → to` is a move of the workflow. */
export function checkEventTransition(from: EventStatus, to: EventStatus): void {
  const allowed = TRANSITIONS[from];
  if (allowed.includes(to)) return;
  const label = (s: EventStatus) => EVENT_STATUS_LABELS[s].toLowerCase();
  throw new AppError(
    'transition.not_allowed',
    allowed.length === 0
      ? `a ${label(from)} event report is final: it cannot become ${label(to)} (file a new report to correct it)`
      : `a ${label(from)} event report cannot become ${label(to)}; it can become ${allowed.map(label).join(' or ')}`,
    { extra: { from, to, allowed } },
  );
}

/** Whether a report may be attributed to a party on moving to `to`: only on a finding of verified or unverified. */
export function mayAttribute(to: EventStatus): boolean {
  return to === 'verified' || to === 'unverified';
}

/**
 * Checks a change of status with its attribution: the move must be allowed, and a party may be
 * named only when the report becomes verified or unverified.
 */
export function checkEventStatusChange(change: {
  from: EventStatus;
  to: EventStatus;
  attributedPartyId: string | null;
}): void {
  checkEventTransition(change.from, change.to);
  if (change.attributedPartyId !== null && !mayAttribute(change.to))
    throw invalid(
      'body.attributedPartyId',
      `an event report is attributed to a party only when it becomes verified or unverified, not ${EVENT_STATUS_LABELS[change.to].toLowerCase()}`,
    );
}

/** Whether an event report in this status may move commitment progress: only a verified one. */
export function mayMoveProgress(status: EventStatus): boolean {
  return status === 'verified';
}
