import type { EventField } from '../../domain/monitoring/event-import/event-fields.ts';

/** What each import field is, in words, with the public datasets' column it corresponds to. */
export const IMPORT_FIELD_LABELS: Record<EventField, { label: string; hint: string }> = {
  external_id: {
    label: 'Dataset id',
    hint: 'the source’s own id (ACLED event_id_cnty): re-importing skips events already in',
  },
  event_date: { label: 'Date', hint: 'YYYY-MM-DD, or a date with time (ACLED event_date, UCDP date_start)' },
  event_time: { label: 'Time', hint: 'HH:MM, when the date column has none' },
  time_precision: {
    label: 'Time precision',
    hint: 'ACLED’s 1 day, 2 week, 3 month; or minute, hour, day, week, month',
  },
  location: { label: 'Place', hint: 'village, town or site (ACLED location)' },
  admin1: { label: 'Region', hint: 'first-level region, added to the place name (ACLED admin1)' },
  country: { label: 'Country', hint: 'added to the place name' },
  latitude: { label: 'Latitude', hint: 'decimal degrees, −90 to 90' },
  longitude: { label: 'Longitude', hint: 'decimal degrees, −180 to 180' },
  geo_precision: { label: 'Place precision', hint: '1 exact place, 2 near it, 3 only the region' },
  event_type: { label: 'Type', hint: 'the kind of event (ACLED event_type)' },
  sub_event_type: { label: 'Sub-type', hint: 'ACLED sub_event_type' },
  actor1: { label: 'Actor', hint: 'ACLED actor1, UCDP side_a' },
  actor2: { label: 'Other actor', hint: 'ACLED actor2, UCDP side_b' },
  fatalities: { label: 'Fatalities', hint: 'a whole number' },
  description: { label: 'Description', hint: 'ACLED notes' },
  source: { label: 'Source', hint: 'who reported it' },
  source_reliability: { label: 'Source reliability', hint: 'A–F; F (cannot be judged) when not given' },
  info_credibility: { label: 'Credibility', hint: '1–6; 6 (cannot be judged) when not given' },
  status: {
    label: 'Status',
    hint: 'received unless the file says: received, under_investigation, verified, …',
  },
};

/** Fields an import cannot do without; a place needs `location`, or both coordinates. */
export const REQUIRED_FIELDS: ReadonlySet<EventField> = new Set(['event_date', 'event_type']);

/** The options of a column select: each header, the second of two same-named ones as "name#2". */
export function columnChoices(headers: readonly string[]): { value: string; label: string; index: number }[] {
  const seen = new Map<string, number>();
  const counts = new Map<string, number>();
  for (const h of headers) counts.set(h.toLowerCase(), (counts.get(h.toLowerCase()) ?? 0) + 1);
  return headers.map((h, index) => {
    const key = h.toLowerCase();
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    const repeated = (counts.get(key) ?? 0) > 1;
    const name = h === '' ? `(column ${index + 1}, no name)` : h;
    return { value: repeated ? `${h}#${n}` : h, label: repeated ? `${name} (${n})` : name, index };
  });
}
