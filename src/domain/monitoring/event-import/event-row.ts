import {
  EVENT_STATUSES,
  type EventStatus,
  type InfoCredibility,
  type SourceReliability,
  type TimePrecision,
} from '../monitoring-model.ts';
import { parseEventWhen, parseTimePrecision, startOfPeriod } from './event-dates.ts';
import {
  type ColumnIndexes,
  type EventField,
  type EventRow,
  type EventRowDefaults,
  FIELD_LIMITS,
  IMPORT_DEFAULTS,
  type ImportRowProblem,
} from './event-fields.ts';

export type EventRowResult = { ok: true; row: EventRow } | { ok: false; problems: ImportRowProblem[] };

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const INTEGER = /^\d+$/;
/** Above any real count and within a 32-bit integer column. */
const MAX_FATALITIES = 1_000_000;

/** Reads one row's cells into the fields of the columns in use; problems gather per field. */
class RowReader {
  readonly problems: ImportRowProblem[] = [];
  constructor(
    private readonly cells: readonly string[],
    private readonly columns: ColumnIndexes,
    private readonly line: number,
  ) {}

  has(field: EventField): boolean {
    return this.columns[field] !== undefined;
  }

  cell(field: EventField): string {
    const i = this.columns[field];
    return i === undefined ? '' : (this.cells[i] ?? '').trim();
  }

  fail(field: EventField, message: string): null {
    this.problems.push({ line: this.line, field, message });
    return null;
  }

  text(field: EventField & keyof typeof FIELD_LIMITS, value = this.cell(field)): string {
    const limit = FIELD_LIMITS[field];
    if (value.length > limit) this.fail(field, `is ${value.length} characters long; at most ${limit} fit`);
    return value;
  }

  /** A decimal number; "48,5" gets a hint, since a comma inside a value is a common spreadsheet export. */
  decimal(field: EventField): number | null {
    const raw = this.cell(field);
    if (raw === '') return null;
    if (DECIMAL.test(raw)) return Number(raw);
    if (/^[+-]?\d+,\d+$/.test(raw))
      return this.fail(field, `"${raw}": write the decimal separator as a point`);
    return this.fail(field, `"${this.short(raw)}" is not a number`);
  }

  integer(field: EventField, min: number, max: number): number | null {
    const raw = this.cell(field);
    if (raw === '') return null;
    const n = INTEGER.test(raw) ? Number(raw) : Number.NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) {
      return this.fail(field, `"${this.short(raw)}" is not a whole number from ${min} to ${max}`);
    }
    return n;
  }

  short(raw: string): string {
    return raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
  }
}

function readWhen(r: RowReader): { occurredAt: string; timePrecision: TimePrecision } | null {
  const when = parseEventWhen(r.cell('event_date'), r.cell('event_time'));
  let precision: TimePrecision | null = null;
  const precisionCell = r.cell('time_precision');
  if (precisionCell !== '') {
    precision = parseTimePrecision(precisionCell);
    if (!precision)
      r.fail(
        'time_precision',
        `"${r.short(precisionCell)}" is not 1, 2, 3 (ACLED) or minute, hour, day, week, month`,
      );
  }
  if (!when.ok) return r.fail('event_date', when.message);
  const timePrecision = precision ?? when.precision;
  return { occurredAt: new Date(startOfPeriod(when.epochMs, timePrecision)).toISOString(), timePrecision };
}

function readCoordinates(r: RowReader): { latitude: number | null; longitude: number | null } {
  const latitude = r.decimal('latitude');
  const longitude = r.decimal('longitude');
  const none = { latitude: null, longitude: null };
  if (latitude !== null && (latitude < -90 || latitude > 90)) {
    r.fail(
      'latitude',
      `${latitude} is outside −90 to 90${Math.abs(latitude) <= 180 ? ' (latitude and longitude swapped?)' : ''}`,
    );
    return none;
  }
  if (longitude !== null && (longitude < -180 || longitude > 180)) {
    r.fail('longitude', `${longitude} is outside −180 to 180`);
    return none;
  }
  if ((latitude === null) !== (longitude === null)) {
    const missing = latitude === null ? 'latitude' : 'longitude';
    if (r.cell(missing) === '')
      r.fail(missing, 'is empty while the other coordinate is given: give both or neither');
    return none;
  }
  if (latitude === 0 && longitude === 0) {
    r.fail(
      'latitude',
      '0, 0 ("null island", in the Gulf of Guinea) is a missing location, not a place: leave both empty',
    );
    return none;
  }
  return { latitude, longitude };
}

/** "location, admin1, country" without empty parts or a part repeated (a city named as its region). */
function placeName(r: RowReader): string {
  const parts: string[] = [];
  for (const field of ['location', 'admin1', 'country'] as const) {
    const part = r.cell(field);
    if (part !== '' && !parts.some((p) => p.toLowerCase() === part.toLowerCase())) parts.push(part);
  }
  const name = parts.join(', ');
  if (name.length > FIELD_LIMITS.place) {
    r.fail(
      'location',
      `the place name "location, admin1, country" is ${name.length} characters long; at most ${FIELD_LIMITS.place} fit`,
    );
  }
  return name;
}

function readGrading(r: RowReader, defaults: EventRowDefaults) {
  let sourceReliability = defaults.sourceReliability;
  const rel = r.cell('source_reliability').toUpperCase();
  if (rel !== '') {
    if (/^[A-F]$/.test(rel)) sourceReliability = rel as SourceReliability;
    else r.fail('source_reliability', `"${r.short(rel)}" is not a reliability grade A–F`);
  }
  const credibility = r.integer('info_credibility', 1, 6);
  const infoCredibility = (credibility ?? defaults.infoCredibility) as InfoCredibility;
  let status = defaults.status;
  const statusCell = r
    .cell('status')
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  if (statusCell !== '') {
    if ((EVENT_STATUSES as readonly string[]).includes(statusCell)) status = statusCell as EventStatus;
    else r.fail('status', `"${r.short(statusCell)}" is not one of ${EVENT_STATUSES.join(', ')}`);
  }
  return { sourceReliability, infoCredibility, status };
}

/**
 * Reads one CSV record (its cells, the mapping resolved to column indexes, its 1-based line)
 * into an event report, or says every field that is wrong. An event needs a date, a type and a
 * place name or coordinates.
 */
export function parseEventRow(
  cells: readonly string[],
  columns: ColumnIndexes,
  line: number,
  defaults: EventRowDefaults = IMPORT_DEFAULTS,
): EventRowResult {
  const r = new RowReader(cells, columns, line);
  const when = readWhen(r);
  const { latitude, longitude } = readCoordinates(r);
  const place = placeName(r);
  if (place === '' && latitude === null && longitude === null && r.problems.length === 0) {
    r.fail(r.has('location') ? 'location' : 'latitude', 'the event has neither a place name nor coordinates');
  }
  const eventType = r.text('event_type');
  if (eventType === '') r.fail('event_type', 'is empty: every event needs a type (e.g. "Battles")');
  const externalId = r.text('external_id');
  const row = {
    externalId: externalId === '' ? null : externalId,
    placeName: place,
    latitude,
    longitude,
    geoPrecision: r.integer('geo_precision', 1, 3) as 1 | 2 | 3 | null,
    eventType,
    subEventType: r.text('sub_event_type'),
    actor1: r.text('actor1'),
    actor2: r.text('actor2'),
    fatalities: r.integer('fatalities', 0, MAX_FATALITIES),
    description: r.text('description'),
    source: r.text('source'),
    ...readGrading(r, defaults),
  };
  if (r.problems.length > 0 || !when) return { ok: false, problems: r.problems };
  return { ok: true, row: { ...row, ...when } };
}
