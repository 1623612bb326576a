import {
  type ColumnIndexes,
  type ColumnMapping,
  EVENT_FIELDS,
  type EventField,
  type ImportRowProblem,
} from './event-fields.ts';

/** ACLED's export columns, in file order (the layout since the March 2023 column changes). */
export const ACLED_COLUMNS = [
  'event_id_cnty',
  'event_date',
  'year',
  'time_precision',
  'disorder_type',
  'event_type',
  'sub_event_type',
  'actor1',
  'assoc_actor_1',
  'inter1',
  'actor2',
  'assoc_actor_2',
  'inter2',
  'interaction',
  'civilian_targeting',
  'iso',
  'region',
  'country',
  'admin1',
  'admin2',
  'admin3',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'source',
  'source_scale',
  'notes',
  'fatalities',
  'tags',
  'timestamp',
] as const;

/**
 * Header names recognised for each field, first match wins: ours, ACLED's, then UCDP GED's
 * (date_start, side_a, side_b, where_coordinates, adm_1, best, source_article). UCDP codes its
 * type of violence as 1/2/3, not as names, so event_type is left for the user to map there.
 * A bare "id" is not taken as the external id: a spreadsheet's row numbers would make two
 * different files' events look like re-imports of each other.
 */
const ALIASES: Record<EventField, readonly string[]> = {
  external_id: ['external_id', 'event_id_cnty', 'event_id'],
  event_date: ['event_date', 'date_start', 'date', 'occurred_on'],
  event_time: ['event_time', 'time'],
  time_precision: ['time_precision'],
  location: ['location', 'where_coordinates', 'place', 'place_name'],
  admin1: ['admin1', 'adm_1'],
  country: ['country'],
  latitude: ['latitude', 'lat'],
  longitude: ['longitude', 'lon', 'lng', 'long'],
  geo_precision: ['geo_precision'],
  event_type: ['event_type', 'type'],
  sub_event_type: ['sub_event_type', 'subtype', 'sub_type'],
  actor1: ['actor1', 'side_a'],
  actor2: ['actor2', 'side_b'],
  fatalities: ['fatalities', 'best', 'deaths', 'killed'],
  description: ['notes', 'description', 'summary'],
  source: ['source', 'source_article', 'sources'],
  source_reliability: ['source_reliability', 'reliability'],
  info_credibility: ['info_credibility', 'credibility'],
  status: ['status'],
};

/** "Event Date", "EVENT_DATE" and "event-date" name the same column. */
export function normalizeHeader(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_.-]+/g, '');
}

/** Column numbers (0-based) of every header, by normalised name, in file order. */
function headerIndex(headers: readonly string[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  headers.forEach((h, i) => {
    const key = normalizeHeader(h);
    if (key === '') return;
    const list = index.get(key);
    if (list) list.push(i);
    else index.set(key, [i]);
  });
  return index;
}

/**
 * Guesses which column fills each field from the header names, case-, space- and
 * underscore-insensitively. A name that appears twice is suggested as "name#1" (its first
 * occurrence), so the choice is visible in the mapping step.
 */
export function suggestMapping(headers: readonly string[]): ColumnMapping {
  const index = headerIndex(headers);
  const mapping: ColumnMapping = {};
  const taken = new Set<number>();
  for (const field of EVENT_FIELDS) {
    for (const alias of ALIASES[field]) {
      const found = index.get(normalizeHeader(alias));
      const first = found?.[0];
      if (first === undefined || taken.has(first)) continue;
      const name = (headers[first] ?? '').trim();
      mapping[field] = found && found.length > 1 ? `${name}#1` : name;
      taken.add(first);
      break;
    }
  }
  return mapping;
}

export type MappingCheck =
  | { ok: true; columns: ColumnIndexes; problems: [] }
  | { ok: false; problems: ImportRowProblem[] };

const OCCURRENCE = /^(.*)#(\d+)$/;

/** The column a mapping value names: a header name, or "name#2" for its second occurrence. */
function resolveColumn(
  value: string,
  index: Map<string, number[]>,
): number[] | { nth: number; of: number[] } {
  const direct = index.get(normalizeHeader(value));
  if (direct) return direct;
  const m = OCCURRENCE.exec(value);
  if (!m) return [];
  const of = index.get(normalizeHeader(m[1] ?? '')) ?? [];
  return { nth: Number(m[2]), of };
}

function headerList(headers: readonly string[]): string {
  const shown = headers.slice(0, 12).map((h) => `"${h}"`);
  return headers.length > 12 ? `${shown.join(', ')}, … (${headers.length} columns)` : shown.join(', ');
}

/**
 * Checks a mapping against the file's header: every named column must exist exactly once (or
 * be picked by "#n"), and the required fields must be mapped: event_date, event_type, and a
 * location or both coordinates. Problems are on line 1, field "mapping.<field>".
 */
export function checkMapping(mapping: ColumnMapping, headers: readonly string[]): MappingCheck {
  const index = headerIndex(headers);
  const problems: ImportRowProblem[] = [];
  const columns: ColumnIndexes = {};
  const known = new Set<string>(EVENT_FIELDS);
  for (const [field, value] of Object.entries(mapping)) {
    const at = { line: 1, field: `mapping.${field}` };
    if (!known.has(field)) {
      problems.push({
        ...at,
        message: `"${field}" is not a field; the fields are ${EVENT_FIELDS.join(', ')}`,
      });
      continue;
    }
    if (typeof value !== 'string' || value.trim() === '') continue;
    const found = resolveColumn(value, index);
    if (Array.isArray(found)) {
      if (found.length === 1) columns[field as EventField] = found[0];
      else if (found.length === 0) {
        problems.push({
          ...at,
          message: `column "${value}" is not in the header; the header has ${headerList(headers)}`,
        });
      } else {
        const where = found.map((i) => i + 1).join(' and ');
        problems.push({
          ...at,
          message: `column "${value}" appears ${found.length} times in the header (columns ${where}): map "${value}#1" or "${value}#2", or rename one`,
        });
      }
      continue;
    }
    const picked = found.of[found.nth - 1];
    if (picked === undefined) {
      problems.push({ ...at, message: `column "${value}": the header has no such occurrence` });
    } else columns[field as EventField] = picked;
  }
  if (problems.length === 0) problems.push(...missingRequired(columns));
  return problems.length === 0 ? { ok: true, columns, problems: [] } : { ok: false, problems };
}

function missingRequired(columns: ColumnIndexes): ImportRowProblem[] {
  const problems: ImportRowProblem[] = [];
  const need = (field: EventField, what: string) => {
    if (columns[field] === undefined) {
      problems.push({
        line: 1,
        field: `mapping.${field}`,
        message: `no column for ${what}: map one to ${field}`,
      });
    }
  };
  need('event_date', 'the date of the event (ACLED event_date, UCDP date_start)');
  need('event_type', 'the type of event (ACLED event_type)');
  const hasPlace = columns.location !== undefined;
  const hasLat = columns.latitude !== undefined;
  const hasLon = columns.longitude !== undefined;
  if (hasLat !== hasLon) {
    need('latitude', 'the latitude (coordinates need both latitude and longitude)');
    need('longitude', 'the longitude (coordinates need both latitude and longitude)');
  } else if (!hasPlace && !hasLat) {
    problems.push({
      line: 1,
      field: 'mapping.location',
      message: 'no column for where the event happened: map location, or latitude and longitude',
    });
  }
  return problems;
}
