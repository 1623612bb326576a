import { IANAZone } from 'luxon';

/**
 * UTC offsets of IANA zones, from a table of each zone's changes of offset. Asking the platform
 * (Intl, through luxon) costs microseconds a question, and a snapshot asks thousands; a zone's
 * offset changes a few times a year at most, so the changes are found once per zone and stretch
 * of 32 days — offsets sampled daily, each change pinned to the millisecond by bisection — and
 * every later question is a lookup. This assumes that no zone changes its offset and back within
 * one day, which holds for the tz database (the shortest periods, Ramadan suspensions of summer
 * time, last weeks); the property tests compare with luxon across every zone.
 */

const DAY_MS = 86_400_000;
const STRETCH_DAYS = 32;
const STRETCH_MS = STRETCH_DAYS * DAY_MS;
/** Stretches kept before the table starts over (~2 MB; the zones and years in use are few). */
const MAX_STRETCHES = 20_000;

interface Stretch {
  /** Instants from which `offsets[i]` applies; starts[0] is the stretch's start. */
  starts: number[];
  offsets: number[];
}

const tables = new Map<string, Map<number, Stretch>>();
let stretches = 0;

/** The offset from UTC, in minutes, that `zone` has at `ms` (NaN for an unknown zone), like IANAZone#offset. */
export function zoneOffsetMinutes(zone: string, ms: number): number {
  if (!Number.isFinite(ms)) return Number.NaN;
  const index = Math.floor(ms / STRETCH_MS);
  let table = tables.get(zone);
  let stretch = table?.get(index);
  if (stretch === undefined) {
    const tz = IANAZone.create(zone);
    if (!tz.isValid) return Number.NaN;
    if (stretches >= MAX_STRETCHES) {
      tables.clear();
      stretches = 0;
      table = undefined;
    }
    if (table === undefined) {
      table = new Map();
      tables.set(zone, table);
    }
    stretch = buildStretch(tz, index * STRETCH_MS);
    table.set(index, stretch);
    stretches += 1;
  }
  const { starts, offsets } = stretch;
  let i = starts.length - 1;
  while (i > 0 && starts[i]! > ms) i--;
  return offsets[i]!;
}

function buildStretch(tz: IANAZone, start: number): Stretch {
  const starts = [start];
  const offsets = [tz.offset(start)];
  let previous = offsets[0]!;
  for (let day = 1; day <= STRETCH_DAYS; day++) {
    const at = start + day * DAY_MS;
    const offset = tz.offset(at);
    if (offset === previous) continue;
    // The change lies in (at − 1 day, at]: bisect to the first millisecond with the new offset.
    let lo = at - DAY_MS;
    let hi = at;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (tz.offset(mid) === previous) lo = mid;
      else hi = mid;
    }
    if (hi < start + STRETCH_MS) {
      starts.push(hi);
      offsets.push(tz.offset(hi));
    }
    previous = offset;
  }
  return { starts, offsets };
}
