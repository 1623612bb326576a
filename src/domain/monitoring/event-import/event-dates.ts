import type { TimePrecision } from '../monitoring-model.ts';

/** A date (and maybe time) read from a cell: the instant in epoch milliseconds and what it gave. */
export type ParsedWhen =
  | { ok: true; epochMs: number; precision: 'day' | 'minute' }
  | { ok: false; message: string };

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** 2024-03-07T14:30Z, 2024-03-07 14:30:00.000, 2024-03-07T14:30:00+02:00 */
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
/** ACLED's "07 March 2024", also "7-Mar-2024". */
const DAY_MONTH_YEAR = /^(\d{1,2})[\s-]+([a-z]+)\.?[\s-]+(\d{4})$/i;
/** "March 7, 2024" */
const MONTH_DAY_YEAR = /^([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/i;
/** Day first with dots, as Central and East European exports write it: 07.03.2024. */
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const SLASHED = /^\d{1,2}\/\d{1,2}\/\d{4}$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

const FORMATS = 'use 2024-03-07, 07 March 2024, 07.03.2024 or 2024-03-07T14:30Z';

function monthNumber(name: string): number | undefined {
  const lower = name.toLowerCase();
  const full = MONTH_NAMES.indexOf(lower);
  return full >= 0 ? full + 1 : MONTHS[lower];
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The calendar day as epoch ms, refusing days the calendar does not have (2024-02-30). */
function calendarDay(year: number, month: number, day: number): number | string {
  if (year < 1900 || year > 2100) return `year ${year} is outside 1900–2100`;
  if (month < 1 || month > 12) return `month ${month} does not exist`;
  if (day < 1 || day > daysInMonth(year, month)) {
    return `${year}-${String(month).padStart(2, '0')} has no day ${day}`;
  }
  return Date.UTC(year, month - 1, day);
}

/** Offset "+02:00" / "-0530" / "Z" in minutes east of UTC; naive times are taken as UTC. */
function offsetMinutes(zone: string | undefined): number | string {
  if (!zone || zone.toUpperCase() === 'Z') return 0;
  const digits = zone.replace(':', '');
  const sign = digits.startsWith('-') ? -1 : 1;
  const [h, m] = [Number(digits.slice(1, 3)), Number(digits.slice(3, 5))];
  if (h > 14 || m > 59) return `"${zone}" is not a UTC offset`;
  return sign * (h * 60 + m);
}

/** Epoch ms of a wall time on a day at an offset, or why it is not a time. */
function timeOnDay(day: number, h: number, m: number, s: number, zone: string | undefined): number | string {
  if (h > 23 || m > 59 || s > 59) return `${h}:${String(m).padStart(2, '0')} is not a time of day`;
  const offset = offsetMinutes(zone);
  if (typeof offset === 'string') return offset;
  return day + ((h * 60 + m - offset) * 60 + s) * 1000;
}

function dayOnly(text: string): number | string | null {
  let m = ISO_DATE.exec(text);
  if (m) return calendarDay(Number(m[1]), Number(m[2]), Number(m[3]));
  m = DAY_MONTH_YEAR.exec(text);
  if (m) {
    const month = monthNumber(m[2] ?? '');
    return month ? calendarDay(Number(m[3]), month, Number(m[1])) : `"${m[2]}" is not a month name`;
  }
  m = MONTH_DAY_YEAR.exec(text);
  if (m) {
    const month = monthNumber(m[1] ?? '');
    return month ? calendarDay(Number(m[3]), month, Number(m[2])) : `"${m[1]}" is not a month name`;
  }
  m = DOTTED.exec(text);
  if (m) return calendarDay(Number(m[3]), Number(m[2]), Number(m[1]));
  if (SLASHED.test(text)) return `"${text}" could be day/month or month/day: ${FORMATS}`;
  return null;
}

/**
 * Reads an event's date, with an optional time in the same cell or in `timeCell`. Times
 * without an offset are taken as UTC; a naive midnight with seconds ("2024-03-07 00:00:00.000",
 * how databases export plain dates) counts as a date only.
 */
export function parseEventWhen(dateCell: string, timeCell = ''): ParsedWhen {
  const text = dateCell.trim();
  if (text === '') return { ok: false, message: `the date is empty: ${FORMATS}` };
  const withTime = ISO_DATE_TIME.exec(text);
  if (withTime) {
    const day = calendarDay(Number(withTime[1]), Number(withTime[2]), Number(withTime[3]));
    if (typeof day === 'string') return { ok: false, message: day };
    const [h, min, s] = [Number(withTime[4]), Number(withTime[5]), Number(withTime[6] ?? 0)];
    const zone = withTime[7];
    const epochMs = timeOnDay(day, h, min, s, zone);
    if (typeof epochMs === 'string') return { ok: false, message: epochMs };
    const naiveMidnight = !zone && h === 0 && min === 0 && withTime[6] !== undefined && s === 0;
    return { ok: true, epochMs, precision: naiveMidnight ? 'day' : 'minute' };
  }
  const day = dayOnly(text);
  if (day === null) return { ok: false, message: `"${text}" is not a date: ${FORMATS}` };
  if (typeof day === 'string') return { ok: false, message: day };
  const time = timeCell.trim();
  if (time === '') return { ok: true, epochMs: day, precision: 'day' };
  const t = TIME.exec(time);
  if (!t) return { ok: false, message: `"${time}" is not a time: use 14:30 or 14:30+02:00` };
  const epochMs = timeOnDay(day, Number(t[1]), Number(t[2]), Number(t[3] ?? 0), t[4]);
  if (typeof epochMs === 'string') return { ok: false, message: epochMs };
  return { ok: true, epochMs, precision: 'minute' };
}

const PRECISION_WORDS: Record<string, TimePrecision> = {
  minute: 'minute',
  hour: 'hour',
  day: 'day',
  week: 'week',
  month: 'month',
  // ACLED codebook: 1 the day is known, 2 only the week, 3 only the month.
  '1': 'day',
  '2': 'week',
  '3': 'month',
};

/** Reads a time precision cell: ACLED's codes 1/2/3 or our words; null when not recognised. */
export function parseTimePrecision(cell: string): TimePrecision | null {
  return PRECISION_WORDS[cell.trim().toLowerCase()] ?? null;
}

const DAY_MS = 86_400_000;

/**
 * The start of the period an instant lies in: the stored occurred_at. ACLED codes a date known
 * only to the week or month as a day inside it; the period starts on the ISO week's Monday or
 * the month's first day (UTC).
 */
export function startOfPeriod(epochMs: number, precision: TimePrecision): number {
  switch (precision) {
    case 'minute':
      return Math.floor(epochMs / 60_000) * 60_000;
    case 'hour':
      return Math.floor(epochMs / 3_600_000) * 3_600_000;
    case 'day':
      return Math.floor(epochMs / DAY_MS) * DAY_MS;
    case 'week': {
      const day = Math.floor(epochMs / DAY_MS) * DAY_MS;
      const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
      return day - weekday * DAY_MS;
    }
    case 'month': {
      const d = new Date(epochMs);
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
    }
  }
}
