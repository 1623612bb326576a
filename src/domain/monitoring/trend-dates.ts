import { DateTime } from 'luxon';

/** The most points an implementation-over-time series gets: enough for a chart, few enough to read. */
export const MAX_TREND_POINTS = 60;

const WEEK_MS = 7 * 86_400_000;

/**
 * The dates of an implementation-over-time series: from `start` in calendar weeks of `zone` (the
 * same weekday and wall time each step, across clock changes), every k weeks with k the smallest
 * that keeps the series within `maxPoints`, and `asOf` itself last. A start at or after `asOf`
 * gives just `asOf`.
 */
export function trendDates(
  start: string,
  asOf: string,
  zone: string,
  maxPoints = MAX_TREND_POINTS,
): string[] {
  const from = Date.parse(start);
  const until = Date.parse(asOf);
  const last = new Date(until).toISOString();
  if (!(from < until)) return [last];
  const stepWeeks = Math.max(1, Math.ceil((until - from) / WEEK_MS / Math.max(1, maxPoints - 1)));
  const origin = DateTime.fromMillis(from, { zone });
  const dates: string[] = [];
  for (let j = 0; dates.length < maxPoints - 1; j++) {
    const at = origin.plus({ weeks: j * stepWeeks }).toMillis();
    if (at >= until) break;
    dates.push(new Date(at).toISOString());
  }
  dates.push(last);
  return dates;
}

/** Where a series starts: entry into force, else the start of the adoption day ("YYYY-MM-DD") in the zone. */
export function trendStart(entryIntoForceAt: string | null, adoptedOn: string, zone: string): string | null {
  if (entryIntoForceAt !== null) return entryIntoForceAt;
  const day = DateTime.fromISO(adoptedOn, { zone }).startOf('day');
  return day.isValid ? new Date(day.toMillis()).toISOString() : null;
}
