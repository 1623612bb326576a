import type { EventStatus, InfoCredibility, SourceReliability, TimePrecision } from '../monitoring-model.ts';

/**
 * The fields an imported CSV column can fill, named after the public datasets' columns where
 * they mean the same (ACLED's event_date, event_type, …). Several map to one stored column:
 * location, admin1 and country make the place name; event_date and event_time make occurred_at.
 */
export const EVENT_FIELDS = [
  'external_id',
  'event_date',
  'event_time',
  'time_precision',
  'location',
  'admin1',
  'country',
  'latitude',
  'longitude',
  'geo_precision',
  'event_type',
  'sub_event_type',
  'actor1',
  'actor2',
  'fatalities',
  'description',
  'source',
  'source_reliability',
  'info_credibility',
  'status',
] as const;

export type EventField = (typeof EVENT_FIELDS)[number];

/** Which CSV column (by header name) fills each field; unmapped fields take their default. */
export type ColumnMapping = Partial<Record<EventField, string>>;

/** A mapping resolved against one header: the 0-based index of each mapped column. */
export type ColumnIndexes = Partial<Record<EventField, number>>;

/**
 * Longest accepted values, in characters: the varchar sizes of event_reports (migration 0005);
 * description and source are text columns and get generous limits so a stray unclosed quote
 * cannot smuggle a whole file into one report.
 */
export const FIELD_LIMITS = {
  external_id: 120,
  place: 300,
  event_type: 120,
  sub_event_type: 120,
  actor1: 300,
  actor2: 300,
  description: 20_000,
  source: 2_000,
} as const;

/** What one accepted CSV row becomes: an event report ready for the event_reports table. */
export interface EventRow {
  /** The dataset's own id (ACLED event_id_cnty): re-importing finds the event by it. */
  externalId: string | null;
  /** UTC ISO-8601 instant: the start of the period the event happened in. */
  occurredAt: string;
  timePrecision: TimePrecision;
  /** "location, admin1, country" without repeats; may be empty when coordinates are given. */
  placeName: string;
  latitude: number | null;
  longitude: number | null;
  /** 1 exact place, 2 near it, 3 only the region. */
  geoPrecision: 1 | 2 | 3 | null;
  eventType: string;
  subEventType: string;
  actor1: string;
  actor2: string;
  fatalities: number | null;
  description: string;
  source: string;
  sourceReliability: SourceReliability;
  infoCredibility: InfoCredibility;
  status: EventStatus;
}

/** Values for fields the file does not give. */
export interface EventRowDefaults {
  sourceReliability: SourceReliability;
  infoCredibility: InfoCredibility;
  status: EventStatus;
}

/** Imported data has not been graded by the mission: reliability and credibility cannot be judged. */
export const IMPORT_DEFAULTS: EventRowDefaults = {
  sourceReliability: 'F',
  infoCredibility: 6,
  status: 'received',
};

/** One problem found in an import, located by 1-based line of the file. */
export interface ImportRowProblem {
  line: number;
  /** The mapped field (or "encoding", "csv", "mapping.<field>") the problem concerns. */
  field?: string;
  message: string;
}
