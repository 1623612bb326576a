import { DateTime, IANAZone } from 'luxon';

/**
 * VTIMEZONE components (RFC 5545 §3.6.5) built from the zone data the runtime already has, through
 * luxon. ical-generator writes DTSTART;TZID=… but has no zone database of its own and asks for a
 * generator; the packages it suggests ship a second copy of the tz database, which would drift
 * from the one Node (and so our UTC conversion) uses. Here each offset change in the years asked
 * for becomes one observance with an explicit DTSTART — no RRULE to get wrong — which every
 * calendar client reads.
 */

const DAY_MS = 86_400_000;

/** One change of a zone's UTC offset. */
export interface OffsetTransition {
  /** The first instant (ms) of the new offset. */
  at: number;
  fromMinutes: number;
  toMinutes: number;
}

/** The offset changes of `zone` from the start of `fromYear` to the end of `toYear`, in order. */
export function offsetTransitions(zone: string, fromYear: number, toYear: number): OffsetTransition[] {
  const tz = IANAZone.create(zone);
  const end = Date.UTC(toYear + 1, 0, 1);
  const found: OffsetTransition[] = [];
  let before = tz.offset(Date.UTC(fromYear, 0, 1));
  for (let t = Date.UTC(fromYear, 0, 1); t < end; t += DAY_MS) {
    const after = tz.offset(t + DAY_MS);
    if (before === after) continue;
    // Offsets change on whole minutes: bisect the day down to the first minute of the new offset.
    let lo = t;
    let hi = t + DAY_MS;
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
      if (tz.offset(mid) === before) lo = mid;
      else hi = mid;
    }
    found.push({ at: hi, fromMinutes: before, toMinutes: after });
    before = after;
  }
  return found;
}

/** "+0100", "-0430", "-004430" (seconds only when the offset has them). */
export function formatUtcOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const totalSeconds = Math.round(Math.abs(minutes) * 60);
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${sign}${pad(h)}${pad(m)}${s === 0 ? '' : pad(s)}`;
}

/** A wall-clock time as an iCalendar local DATE-TIME ("20250330T020000"). */
function localStamp(instantMs: number, offsetMinutes: number): string {
  return new Date(instantMs + offsetMinutes * 60_000).toISOString().replace(/[-:]/g, '').slice(0, 15);
}

function observance(zone: string, at: number, from: number, to: number): string {
  const dt = DateTime.fromMillis(at, { zone }).setLocale('en-US');
  const kind = dt.isInDST ? 'DAYLIGHT' : 'STANDARD';
  const name = dt.offsetNameShort;
  return [
    `BEGIN:${kind}`,
    // RFC 5545: the onset, as local time under the offset in force before it (TZOFFSETFROM).
    `DTSTART:${localStamp(at, from)}`,
    `TZOFFSETFROM:${formatUtcOffset(from)}`,
    `TZOFFSETTO:${formatUtcOffset(to)}`,
    // A real abbreviation ("CET", "EST") only; the runtime's "GMT+1" fallbacks say nothing TZOFFSETTO does not.
    ...(name && !/^(GMT|UTC)/.test(name) ? [`TZNAME:${name}`] : []),
    `END:${kind}`,
  ].join('\r\n');
}

/**
 * The VTIMEZONE of `zone` covering `fromYear`…`toYear`: the offset in force at the start, then
 * every change. Null for UTC, which needs none (its times are written with a Z).
 */
export function vtimezone(zone: string, fromYear: number, toYear: number): string | null {
  // Zone data does not change while the process runs: each (zone, years) is worked out once.
  const key = `${zone} ${fromYear} ${toYear}`;
  const known = cache.get(key);
  if (known !== undefined) return known;
  const built = buildVtimezone(zone, fromYear, toYear);
  if (cache.size > 500) cache.clear();
  cache.set(key, built);
  return built;
}

const cache = new Map<string, string | null>();

function buildVtimezone(zone: string, fromYear: number, toYear: number): string | null {
  if (!IANAZone.isValidZone(zone)) return null;
  const tz = IANAZone.create(zone);
  const start = Date.UTC(fromYear, 0, 1);
  const transitions = offsetTransitions(zone, fromYear, toYear);
  if (tz.offset(start) === 0 && transitions.length === 0 && /^(Etc\/)?(UTC|GMT|Zulu|UCT)$/i.test(zone))
    return null;
  const initial = tz.offset(start);
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${zone}`,
    observance(zone, start, initial, initial),
    ...transitions.map((t) => observance(zone, t.at, t.fromMinutes, t.toMinutes)),
    'END:VTIMEZONE',
  ].join('\r\n');
}
