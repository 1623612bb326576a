import { canonicalTimeZone } from '../meetings/meeting-time.ts';
import { zoneOffsetMinutes } from './zone-offsets.ts';

/**
 * Wall-clock arithmetic for deadlines. A wall-clock time is held as epoch milliseconds read in UTC
 * (noon on 1 March is Date.UTC(…, 12, 0) whatever the zone), so calendar steps are plain UTC
 * arithmetic, and only the way back to an instant needs the zone's offsets (zone-offsets.ts).
 */

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** `months` calendar months after a wall-clock time (epoch ms read in UTC), clamping the day. */
export function addMonths(wall: number, months: number): number {
  const d = new Date(wall);
  const index = d.getUTCFullYear() * 12 + d.getUTCMonth() + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const timeOfDay = wall - Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  return Date.UTC(year, month, Math.min(d.getUTCDate(), lastDay)) + timeOfDay;
}

/**
 * The first instant showing a wall-clock time (epoch ms read in UTC), trying the offsets in force a
 * day before, at and a day after it (as resolveLocalTime does); in a gap, the instant the offset
 * before the gap gives, which shows a wall time later by the length of the gap.
 */
export function wallClockToInstant(wall: number, zone: string): { instant: number; gap: boolean } {
  const before = zoneOffsetMinutes(zone, wall - DAY_MS);
  const after = zoneOffsetMinutes(zone, wall + DAY_MS);
  // No change of offset within a day either side: the usual case, one instant.
  if (before === after && zoneOffsetMinutes(zone, wall - before * MINUTE_MS) === before)
    return { instant: wall - before * MINUTE_MS, gap: false };
  let first = Number.NaN;
  for (const offset of new Set([before, zoneOffsetMinutes(zone, wall), after])) {
    const instant = wall - offset * MINUTE_MS;
    if (instant + zoneOffsetMinutes(zone, instant) * MINUTE_MS === wall && !(instant >= first))
      first = instant;
  }
  return Number.isNaN(first)
    ? { instant: wall - before * MINUTE_MS, gap: true }
    : { instant: first, gap: false };
}

/**
 * canonicalTimeZone (src/domain/meetings), remembered: it builds an Intl.DateTimeFormat (~0.1 ms), and a snapshot
 * converts hundreds of absolute deadlines in a handful of zones. Bounded, as zones are few.
 */
const zoneNames = new Map<string, string | null>();
export function knownTimeZone(zone: string): string | null {
  let name = zoneNames.get(zone);
  if (name === undefined) {
    if (zoneNames.size >= 1_000) zoneNames.clear();
    name = canonicalTimeZone(zone);
    zoneNames.set(zone, name);
  }
  return name;
}
