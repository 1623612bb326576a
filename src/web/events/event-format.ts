import {
  INFO_CREDIBILITY,
  SOURCE_RELIABILITY,
  type TimePrecision,
} from '../../domain/monitoring/monitoring-model.ts';
import type { EventStatus, GeoPrecision, InfoCredibility, SourceReliability } from './event-types.ts';

export const EVENT_STATUS_LABELS: Record<EventStatus, string> = {
  received: 'Received',
  under_investigation: 'Under investigation',
  verified: 'Verified',
  unverified: 'Unverified',
  dismissed: 'Dismissed',
};

/** What each status means, for the verification dialog and the filter's help. */
export const EVENT_STATUS_EXPLAIN: Record<EventStatus, string> = {
  received: 'Filed, not yet looked into.',
  under_investigation: 'The mission is checking it.',
  verified: 'Confirmed by the mission; it may move a commitment’s progress. Final.',
  unverified: 'Could not be confirmed; it can be reopened if new information comes in.',
  dismissed: 'Found to be unfounded or a duplicate. Final.',
};

/** The button that moves an event to a status ("Start the investigation", "Verify"). */
export const EVENT_STATUS_ACTIONS: Record<EventStatus, string> = {
  received: 'Mark as received',
  under_investigation: 'Start an investigation',
  verified: 'Verify',
  unverified: 'Mark as unverified',
  dismissed: 'Dismiss',
};

export const TIME_PRECISION_LABELS: Record<TimePrecision, string> = {
  minute: 'to the minute',
  hour: 'to the hour',
  day: 'the day only',
  week: 'the week only',
  month: 'the month only',
};

export const GEO_PRECISION_LABELS: Record<GeoPrecision, string> = {
  1: 'exact place',
  2: 'near the place',
  3: 'the region only',
};

/** Admiralty grading as analysts write it: "B2 — usually reliable, probably true". */
export function gradingLabel(reliability: SourceReliability, credibility: InfoCredibility): string {
  return `${reliability}${credibility} — ${SOURCE_RELIABILITY[reliability]}, ${INFO_CREDIBILITY[credibility]}`;
}

const utcDate = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
const utcMonth = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' });
const localMinute = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * When an event happened, no more precisely than it is known: "12 Mar 2025, 14:05", "12 Mar 2025,
 * 14:00 – 15:00", "12 Mar 2025", "week of 10 Mar 2025", "March 2025". Days, weeks and months are
 * calendar dates (as the public datasets give them), so they are read in UTC, not moved to the
 * reader's zone.
 */
export function formatOccurred(iso: string, precision: TimePrecision): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  switch (precision) {
    case 'minute':
      return localMinute.format(d);
    case 'hour':
      // The hour it fell in: "1 Dec 2026, 10:00 – 11:00".
      return localMinute.formatRange(d, new Date(d.getTime() + 3_600_000));
    case 'day':
      return utcDate.format(d);
    case 'week':
      return `week of ${utcDate.format(d)}`;
    case 'month':
      return utcMonth.format(d);
  }
}

/** "48.5123° N, 35.0411° E" */
export function formatCoordinates(latitude: number, longitude: number): string {
  const lat = `${Math.abs(latitude).toFixed(4)}° ${latitude >= 0 ? 'N' : 'S'}`;
  const lon = `${Math.abs(longitude).toFixed(4)}° ${longitude >= 0 ? 'E' : 'W'}`;
  return `${lat}, ${lon}`;
}

/** "Veloria forces – Karst militia", or the one actor named. */
export function actorsLabel(actor1: string, actor2: string): string {
  return [actor1, actor2].filter((a) => a.trim() !== '').join(' – ');
}
