import { isCalendarTime, LOCAL_TIME_PATTERN, localToUtc } from '../meetings/meeting-time.ts';
import { AppError, type FieldProblem, invalid } from '../shared/app-error.ts';
import {
  type AgreementClock,
  DEADLINE_UNITS,
  type DeadlineSpec,
  type DeadlineUnit,
} from './monitoring-model.ts';
import { addMonths, knownTimeZone, wallClockToInstant } from './wall-clock.ts';
import { zoneOffsetMinutes } from './zone-offsets.ts';

/**
 * Deadline arithmetic. Texts say "within 72 hours" and mean elapsed time: 72 real hours, whatever
 * the clocks do in between. They say "within 30 days" or "two months after" and mean the calendar:
 * the same wall-clock time in the agreement's zone that many days or months later, so a deadline
 * set at noon stays at noon across a change to summer time. Months follow the calendar too, and a
 * day that the target month lacks is clamped to its last day (31 January + 1 month = 28 or 29
 * February), as ISO 8601 durations and luxon do.
 */

/** Where a commitment's deadline stands as of a moment: an instant, or the clock it waits for. */
export interface DeadlineResolution {
  deadlineAt: string | null;
  waitingFor: 'entry_into_force' | 'commitment' | null;
}

/** The largest offset of each unit (a century): beyond it a deadline is a typo, not a promise. */
export const MAX_DEADLINE_AMOUNT: Record<DeadlineUnit, number> = {
  hours: 876_600,
  days: 36_525,
  weeks: 5_218,
  months: 1_200,
};

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/**
 * The UTC instant of an absolute deadline entered as a wall-clock time in an IANA zone. Unknown
 * zones, impossible dates and times in the hour skipped when clocks go forward are refused
 * (validation.failed naming `field`); a time in the repeated autumn hour is its first occurrence.
 */
export function absoluteDeadlineUtc(local: string, zone: string, field = 'body.deadline'): string {
  const problems = absoluteProblems(local, zone, field);
  if (problems.length > 0) throw validationError(problems);
  return localToUtc(local, zone, `${field}.local`);
}

/**
 * Adds a relative offset to an instant: hours as elapsed time; days, weeks and months as calendar
 * steps in `zone` keeping the wall-clock time. The step is taken on the wall clock (plain UTC
 * calendar arithmetic; a month end the target month lacks is clamped to its last day) and the wall
 * time found is mapped back to an instant as meetings do (resolveLocalTime in
 * src/domain/meetings/meeting-time.ts): a time in the repeated autumn hour is its first occurrence,
 * whatever the offset at the start; a time the day skips (a spring-forward gap) moves forward by
 * the length of the gap, as luxon and java.time resolve it.
 */
export function addDeadlineOffset(startMs: number, amount: number, unit: DeadlineUnit, zone: string): number {
  if (unit === 'hours') return startMs + amount * HOUR_MS;
  const startOffset = zoneOffsetMinutes(zone, startMs);
  if (Number.isNaN(startOffset))
    throw invalid('agreement.entryIntoForce.zone', `unknown time zone "${zone}"`);
  const wall = startMs + startOffset * MINUTE_MS;
  const target =
    unit === 'months' ? addMonths(wall, amount) : wall + amount * (unit === 'weeks' ? 7 : 1) * DAY_MS;
  return wallClockToInstant(target, zone).instant;
}

/**
 * absoluteDeadlineUtc as epoch ms, for reading stored deadlines in bulk: a valid local time in a
 * known zone is converted from the offset table; anything else takes the checked path, which
 * throws the validation error.
 */
export function absoluteDeadlineMs(local: string, zone: string): number {
  const m = LOCAL_TIME_PATTERN.exec(local);
  if (m && knownTimeZone(zone) !== null) {
    const [year, month, day, hour, minute] = m.slice(1).map(Number) as [
      number,
      number,
      number,
      number,
      number,
    ];
    const wall = Date.UTC(year, month - 1, day, hour, minute);
    const real = hour < 24 && minute < 60 && new Date(wall).getUTCDate() === day;
    if (real) {
      const { instant, gap } = wallClockToInstant(wall, zone);
      if (!gap) return instant;
    }
  }
  return Date.parse(absoluteDeadlineUtc(local, zone));
}

/** The same as `addDeadlineOffset` on ISO instants. */
export function addDeadlineOffsetIso(
  start: string,
  amount: number,
  unit: DeadlineUnit,
  zone: string,
): string {
  return new Date(addDeadlineOffset(Date.parse(start), amount, unit, zone)).toISOString();
}

/**
 * Resolves a deadline as of a moment. `anchorCompletedAt` gives the completion instant of another
 * commitment, or null when it is not completed as of that moment; relative deadlines whose clock
 * has not started yet are null with `waitingFor` saying which clock.
 */
export function resolveDeadline(
  spec: DeadlineSpec,
  clock: AgreementClock,
  anchorCompletedAt: (commitmentId: string) => string | null,
): DeadlineResolution {
  switch (spec.kind) {
    case 'none':
      return { deadlineAt: null, waitingFor: null };
    case 'absolute':
      return { deadlineAt: absoluteDeadlineUtc(spec.local, spec.zone), waitingFor: null };
    case 'after_entry_into_force':
      return clock.entryIntoForceAt === null
        ? { deadlineAt: null, waitingFor: 'entry_into_force' }
        : {
            deadlineAt: addDeadlineOffsetIso(clock.entryIntoForceAt, spec.amount, spec.unit, clock.zone),
            waitingFor: null,
          };
    case 'after_commitment': {
      const start = anchorCompletedAt(spec.commitmentId);
      return start === null
        ? { deadlineAt: null, waitingFor: 'commitment' }
        : { deadlineAt: addDeadlineOffsetIso(start, spec.amount, spec.unit, clock.zone), waitingFor: null };
    }
  }
}

/**
 * Everything wrong with a deadline as entered, each problem naming its field under `field`
 * ("body.deadline.amount"): an unknown kind or unit, an amount that is not a whole number from 0
 * to a century, an absolute time that is not real, in an unknown zone or in a DST gap. Whether an
 * anchor exists or forms a cycle needs the other commitments: see `anchorCycle`.
 */
export function deadlineProblems(spec: DeadlineSpec, field = 'body.deadline'): FieldProblem[] {
  switch (spec.kind) {
    case 'none':
      return [];
    case 'absolute':
      return absoluteProblems(spec.local, spec.zone, field);
    case 'after_entry_into_force':
    case 'after_commitment': {
      const problems: FieldProblem[] = [];
      if (!DEADLINE_UNITS.includes(spec.unit))
        problems.push({ field: `${field}.unit`, reason: `must be one of ${DEADLINE_UNITS.join(', ')}` });
      else if (
        !Number.isInteger(spec.amount) ||
        spec.amount < 0 ||
        spec.amount > MAX_DEADLINE_AMOUNT[spec.unit]
      )
        problems.push({
          field: `${field}.amount`,
          reason: `must be a whole number of ${spec.unit} from 0 to ${MAX_DEADLINE_AMOUNT[spec.unit]}`,
        });
      if (spec.kind === 'after_commitment' && spec.commitmentId.trim() === '')
        problems.push({
          field: `${field}.commitmentId`,
          reason: 'names the commitment whose completion starts the clock',
        });
      return problems;
    }
    default:
      return [
        {
          field: `${field}.kind`,
          reason: 'must be none, absolute, after_entry_into_force or after_commitment',
        },
      ];
  }
}

/** Throws validation.failed listing every problem of the deadline (see `deadlineProblems`). */
export function checkDeadline(spec: DeadlineSpec, field = 'body.deadline'): void {
  const problems = deadlineProblems(spec, field);
  if (problems.length > 0) throw validationError(problems);
}

function absoluteProblems(local: string, zone: string, field: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const canonical = knownTimeZone(zone);
  if (canonical === null)
    problems.push({
      field: `${field}.zone`,
      reason: `unknown time zone "${zone}": use an IANA name such as "Europe/Zurich"`,
    });
  if (!isCalendarTime(local))
    problems.push({ field: `${field}.local`, reason: 'is not a real date and time (YYYY-MM-DDTHH:mm)' });
  else if (canonical !== null)
    try {
      localToUtc(local, zone, `${field}.local`);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      problems.push(...error.problems);
    }
  return problems;
}

function validationError(problems: FieldProblem[]): AppError {
  return new AppError('validation.failed', problems.map((p) => `${p.field}: ${p.reason}`).join('; '), {
    problems,
  });
}
