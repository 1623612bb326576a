import type { EventReport, EventReportInput, InfoCredibility, SourceReliability } from './event-types.ts';
import { inputKind, occurredAtFrom } from './occurred-field.tsx';
import { type PlaceValue, parseCoordinate } from './place-fields.tsx';

/** What the report form holds, as typed: numbers stay text until sent, so a half-typed one is not lost. */
export interface EventFormValues {
  occurred: string;
  precision: EventReport['timePrecision'];
  place: PlaceValue;
  eventType: string;
  subEventType: string;
  actor1: string;
  actor2: string;
  fatalities: string;
  description: string;
  source: string;
  reliability: SourceReliability;
  credibility: InfoCredibility;
}

/** What the form sends: every filing field, an unreadable value as typed so the server names the field. */
export type EventFormBody = Record<keyof EventReportInput, unknown>;

const pad = (n: number) => String(n).padStart(2, '0');
/** A moment as a datetime-local value, in the reader's zone. */
function localInput(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A new report's form: now, to the minute, with an ungraded source (F6). */
export function blankValues(now: Date): EventFormValues {
  return {
    occurred: localInput(now),
    precision: 'minute',
    place: { placeName: '', latitude: '', longitude: '', geoPrecision: null },
    eventType: '',
    subEventType: '',
    actor1: '',
    actor2: '',
    fatalities: '',
    description: '',
    source: '',
    reliability: 'F',
    credibility: 6,
  };
}

/**
 * A stored report as the form shows it. A time is shown in the reader's zone; a day, week or month
 * is a calendar date stored at 00:00 UTC, so it is read back in UTC (the inverse of occurredAtFrom).
 */
export function valuesOf(report: EventReport): EventFormValues {
  const kind = inputKind(report.timePrecision);
  const at = new Date(report.occurredAt);
  const occurred =
    kind === 'datetime-local' ? localInput(at) : at.toISOString().slice(0, kind === 'month' ? 7 : 10);
  return {
    occurred,
    precision: report.timePrecision,
    place: {
      placeName: report.placeName,
      latitude: report.latitude === null ? '' : String(report.latitude),
      longitude: report.longitude === null ? '' : String(report.longitude),
      geoPrecision: report.geoPrecision,
    },
    eventType: report.eventType,
    subEventType: report.subEventType,
    actor1: report.actor1,
    actor2: report.actor2,
    fatalities: report.fatalities === null ? '' : String(report.fatalities),
    description: report.description,
    source: report.source,
    reliability: report.sourceReliability,
    credibility: report.infoCredibility,
  };
}

/** A number field's text as the API wants it: null when empty, the text itself when not a number. */
function optionalInteger(text: string): number | null | string {
  const t = text.trim();
  if (t === '') return null;
  const n = Number(t);
  return Number.isInteger(n) ? n : text;
}

/** The form's values as the API's filing fields. */
export function bodyOf(v: EventFormValues): EventFormBody {
  const latitude = parseCoordinate(v.place.latitude);
  const longitude = parseCoordinate(v.place.longitude);
  return {
    // An incomplete time goes as typed, so the server names the field.
    occurredAt: occurredAtFrom(v.occurred, v.precision) ?? v.occurred,
    timePrecision: v.precision,
    placeName: v.place.placeName.trim(),
    latitude,
    longitude,
    geoPrecision: latitude === null && longitude === null ? null : v.place.geoPrecision,
    eventType: v.eventType.trim(),
    subEventType: v.subEventType.trim(),
    actor1: v.actor1.trim(),
    actor2: v.actor2.trim(),
    fatalities: optionalInteger(v.fatalities),
    description: v.description.trim(),
    source: v.source.trim(),
    sourceReliability: v.reliability,
    infoCredibility: v.credibility,
  };
}

/**
 * The fields a correction changes, compared as sent (so "12" and "12.0", or trailing spaces, are
 * no change). Coordinates go together, as the API checks them as a pair.
 */
export function changedFields(before: EventFormValues, after: EventFormValues): Partial<EventFormBody> {
  const was = bodyOf(before);
  const now = bodyOf(after);
  const changes: Partial<EventFormBody> = {};
  for (const key of Object.keys(now) as (keyof EventFormBody)[])
    if (!Object.is(was[key], now[key])) changes[key] = now[key];
  if ('latitude' in changes || 'longitude' in changes) {
    changes.latitude = now.latitude;
    changes.longitude = now.longitude;
  }
  // The time is read against its precision: a changed precision sends the time with it.
  if ('timePrecision' in changes) changes.occurredAt = now.occurredAt;
  return changes;
}
