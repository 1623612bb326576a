import type { Meeting, PlaceKind } from './meeting-types.ts';

/** The reader's own zone, as the browser knows it. */
export const viewerZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

const formats = new Map<string, Intl.DateTimeFormat>();
function format(zone: string, kind: 'day' | 'time' | 'zone'): Intl.DateTimeFormat {
  const key = `${zone} ${kind}`;
  let f = formats.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'day'
        ? { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: zone }
        : kind === 'time'
          ? { hour: '2-digit', minute: '2-digit', timeZone: zone }
          : { timeZoneName: 'short', timeZone: zone };
    f = new Intl.DateTimeFormat(undefined, options);
    formats.set(key, f);
  }
  return f;
}

/** "GMT+2", "CEST": the short name of a zone at an instant. */
export function zoneName(iso: string, zone: string): string {
  return (
    format(zone, 'zone')
      .formatToParts(new Date(iso))
      .find((p) => p.type === 'timeZoneName')?.value ?? zone
  );
}

/** "Thu, 12 Jun 2025, 10:00–12:30" in `zone` (the end's day too when it differs). */
export function formatSpan(startsAt: string, endsAt: string, zone: string): string {
  const day = format(zone, 'day');
  const time = format(zone, 'time');
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  const sameDay = day.format(start) === day.format(end);
  return sameDay
    ? `${day.format(start)}, ${time.format(start)}–${time.format(end)}`
    : `${day.format(start)}, ${time.format(start)} – ${day.format(end)}, ${time.format(end)}`;
}

/** A zone name as people read it: "America/New_York" → "America/New York". */
export function zoneLabel(zone: string): string {
  return zone.replace(/_/g, ' ');
}

/** Where, as shown: the place, or "Phone" / "Video call". */
export function placeLabel(m: { placeKind: PlaceKind; place: string }): string {
  if (m.placeKind === 'in_person') return m.place;
  const kind = m.placeKind === 'phone' ? 'Phone' : 'Video call';
  return m.place === '' ? kind : `${kind} · ${m.place}`;
}

/** Whether a meeting is still ahead (or under way) at `now`. */
export function isUpcoming(m: Pick<Meeting, 'endsAt'>, now = Date.now()): boolean {
  return Date.parse(m.endsAt) >= now;
}
