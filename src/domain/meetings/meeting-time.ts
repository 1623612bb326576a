import { DateTime, IANAZone } from 'luxon';
import { AppError, type FieldProblem, invalid } from '../shared/app-error.ts';

/**
 * Meeting times are entered as people read them at the venue — a wall-clock "2025-06-12T10:00" in
 * "Europe/Zurich" — and stored as UTC instants, so that every reader (and calendar app) can show
 * them in their own zone. The venue's zone is kept next to them.
 */

/** A local wall-clock time at minute precision, "YYYY-MM-DDTHH:mm". */
export const LOCAL_TIME_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** A meeting's time as entered: local start and end at the venue, and the venue's IANA zone. */
export interface LocalMeetingTime {
  startsAt: string;
  endsAt: string;
  timeZone: string;
}

/** The same time as stored: UTC instants (ISO-8601 with Z) and the canonical zone name. */
export interface MeetingInstants {
  startsAt: string;
  endsAt: string;
  timeZone: string;
}

/** How a local time maps to instants: none (a DST gap), one, or two (the hour repeated in autumn). */
export type LocalResolution =
  | { kind: 'exact'; utc: string }
  | { kind: 'ambiguous'; utc: string; later: string }
  | { kind: 'gap' };

/** The canonical spelling of an IANA zone ("europe/zurich" → "Europe/Zurich"), or null if unknown. */
export function canonicalTimeZone(zone: string): string | null {
  if (zone.trim() !== zone || zone === '' || !IANAZone.isValidZone(zone)) return null;
  return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
}

/**
 * Resolves a wall-clock time in a zone. Rather than trust a library's guess, it tries the offsets
 * in force a day before and a day after (every real transition, even Samoa skipping a whole day in
 * 2011, lies between them) and keeps those under which the zone really shows that wall time.
 */
export function resolveLocalTime(local: string, zone: string): LocalResolution {
  const m = LOCAL_TIME_PATTERN.exec(local);
  if (!m) throw new Error(`not a local time: ${local}`);
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  const naive = Date.UTC(year, month - 1, day, hour, minute);
  const tz = IANAZone.create(zone);
  const offsets = new Set([tz.offset(naive - 86_400_000), tz.offset(naive), tz.offset(naive + 86_400_000)]);
  const instants = [...offsets]
    .map((offset) => naive - offset * 60_000)
    .filter((instant) => naive - tz.offset(instant) * 60_000 === instant)
    .sort((a, b) => a - b);
  const [first, second] = instants;
  if (first === undefined) return { kind: 'gap' };
  const utc = new Date(first).toISOString();
  return second === undefined
    ? { kind: 'exact', utc }
    : { kind: 'ambiguous', utc, later: new Date(second).toISOString() };
}

/** Whether "YYYY-MM-DDTHH:mm" names a real calendar date and time (no 31 April, no 24:00). */
export function isCalendarTime(local: string): boolean {
  const m = LOCAL_TIME_PATTERN.exec(local);
  if (!m) return false;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  // luxon reads hour 24 as the next midnight; people writing "24:00" mean a typo here.
  if (hour > 23 || minute > 59) return false;
  return DateTime.fromObject({ year, month, day, hour, minute }, { zone: 'utc' }).isValid;
}

/**
 * The UTC instant of a wall-clock time at the venue. A time that falls in the hour skipped when
 * clocks go forward does not exist and is refused; a time in the hour repeated when they go back
 * is read as its first occurrence (still on summer time), the reading people mean when they set
 * a meeting for "01:30" on that night.
 */
export function localToUtc(local: string, zone: string, field = 'body.startsAt'): string {
  const resolved = resolveLocalTime(local, zone);
  if (resolved.kind === 'gap')
    throw invalid(
      field,
      `${local.replace('T', ' ')} does not exist in ${zone}: the clocks go forward over it; choose a time outside that gap`,
    );
  return resolved.utc;
}

/** The wall-clock time ("YYYY-MM-DDTHH:mm") an instant shows in a zone. */
export function utcToLocal(instant: string, zone: string): string {
  return DateTime.fromISO(instant, { zone: 'utc' }).setZone(zone).toFormat("yyyy-LL-dd'T'HH:mm");
}

/** The UTC offset a zone has at an instant, as "+02:00". */
export function offsetAt(instant: string, zone: string): string {
  return DateTime.fromISO(instant, { zone: 'utc' }).setZone(zone).toFormat('ZZ');
}

/**
 * Checks a meeting's local time and converts it to instants: the zone must be a known IANA zone,
 * both times real and outside a DST gap, and the end after the start. All problems are reported
 * together, each naming its field under `prefix` ("body.endsAt").
 */
export function meetingInstants(input: LocalMeetingTime, prefix = 'body'): MeetingInstants {
  const problems: FieldProblem[] = [];
  const zone = canonicalTimeZone(input.timeZone);
  if (zone === null)
    problems.push({
      field: `${prefix}.timeZone`,
      reason: `unknown time zone "${input.timeZone}": use an IANA name such as "Europe/Zurich"`,
    });
  const convert = (key: 'startsAt' | 'endsAt'): string | null => {
    const local = input[key];
    if (!isCalendarTime(local)) {
      problems.push({ field: `${prefix}.${key}`, reason: 'is not a real date and time (YYYY-MM-DDTHH:mm)' });
      return null;
    }
    if (zone === null) return null;
    try {
      return localToUtc(local, zone, `${prefix}.${key}`);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      problems.push(...error.problems);
      return null;
    }
  };
  const startsAt = convert('startsAt');
  const endsAt = convert('endsAt');
  if (startsAt !== null && endsAt !== null && endsAt <= startsAt)
    problems.push({ field: `${prefix}.endsAt`, reason: 'must be after the start' });
  if (problems.length > 0 || zone === null || startsAt === null || endsAt === null)
    throw new AppError('validation.failed', problems.map((p) => `${p.field}: ${p.reason}`).join('; '), {
      problems,
    });
  return { startsAt, endsAt, timeZone: zone };
}
