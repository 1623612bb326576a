import ical, { ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import type { MeetingStatus } from './meeting-status.ts';
import { MEETING_STATUS_LABELS } from './meeting-status.ts';
import { vtimezone } from './vtimezone.ts';

/**
 * A meeting as one reader's calendar may show it: the caller has already cut it down to what that
 * reader may see (participants, the labels of versions their party holds, the outcome notes).
 */
export interface CalendarMeeting {
  id: string;
  title: string;
  /** UTC instants. */
  startsAt: string;
  endsAt: string;
  /** The venue's IANA zone: DTSTART/DTEND are written in it, with its VTIMEZONE. */
  timeZone: string;
  placeKind: 'in_person' | 'phone' | 'video';
  place: string;
  status: MeetingStatus;
  /** Postponed with the new date still to be fixed: the event stays at its old date, marked so. */
  dateToBeFixed: boolean;
  sequence: number;
  createdAt: string;
  updatedAt: string;
  /** Display names, e.g. "Karst Federation (KRF)", "Mirela Dragan (VEL)". */
  participants: readonly string[];
  versions: readonly { label: string; planTitle: string; role: 'presented' | 'released' }[];
  outcome: string;
  /** Where the meeting is shown in Entente. */
  url?: string;
}

export interface CalendarInput {
  /** The calendar's name in the subscriber's app ("Orlen valley talks — meetings"). */
  name: string;
  meetings: readonly CalendarMeeting[];
  /** The host part of every UID; one per installation keeps UIDs globally unique. */
  uidDomain: string;
}

/** RFC 5545 STATUS of each meeting status: only a confirmed (or held) meeting is CONFIRMED. */
export const ICAL_STATUS: Record<MeetingStatus, ICalEventStatus> = {
  planned: ICalEventStatus.TENTATIVE,
  confirmed: ICalEventStatus.CONFIRMED,
  held: ICalEventStatus.CONFIRMED,
  postponed: ICalEventStatus.TENTATIVE,
  on_hold: ICalEventStatus.TENTATIVE,
  cancelled: ICalEventStatus.CANCELLED,
};

const isUtc = (zone: string) => /^(Etc\/)?(UTC|GMT|Zulu|UCT)$/i.test(zone);

/** The UID of a meeting's event: stable for its whole life, so calendar apps update it in place. */
export function meetingUid(meetingId: string, uidDomain: string): string {
  return `${meetingId}@${uidDomain}`;
}

/** Where the meeting takes place, as LOCATION. */
export function meetingLocation(m: Pick<CalendarMeeting, 'placeKind' | 'place'>): string {
  if (m.placeKind === 'in_person') return m.place;
  const kind = m.placeKind === 'phone' ? 'Phone' : 'Video call';
  return m.place.trim() === '' ? kind : `${kind}: ${m.place}`;
}

/** The DESCRIPTION: status, participants, versions and outcome, in plain text. */
export function meetingDescription(m: CalendarMeeting): string {
  const lines = [
    `Status: ${MEETING_STATUS_LABELS[m.status]}${m.dateToBeFixed ? ' (new date to be fixed)' : ''}`,
  ];
  if (m.participants.length > 0) lines.push('', 'Participants:', ...m.participants.map((p) => `- ${p}`));
  if (m.versions.length > 0)
    lines.push(
      '',
      'Texts:',
      ...m.versions.map(
        (v) => `- ${v.planTitle}, ${v.label}: ${v.role === 'presented' ? 'presented' : 'released'}`,
      ),
    );
  if (m.outcome.trim() !== '') lines.push('', 'Outcome:', m.outcome.trim());
  if (m.url) lines.push('', m.url);
  return lines.join('\n');
}

/**
 * Builds an RFC 5545 VCALENDAR of the meetings. Each event keeps one UID, carries the meeting's
 * SEQUENCE (bumped on every change) and, as DTSTAMP, the time it was last changed (RFC 5545
 * §3.8.7.2: without METHOD, DTSTAMP is the last revision), so that a feed fetched twice with
 * nothing changed is the same text.
 */
export function buildCalendar(input: CalendarInput): string {
  const years = input.meetings.flatMap((m) => [m.startsAt, m.endsAt].map((t) => Number(t.slice(0, 4))));
  const fromYear = Math.min(...years) - 1;
  const toYear = Math.max(...years) + 1;
  const calendar = ical({
    name: input.name,
    prodId: { company: 'Entente', product: 'Meetings', language: 'EN' },
    // No calendar-wide zone (name null): every event names its own, and the generator writes one
    // VTIMEZONE for each zone used.
    timezone: { name: null, generator: (zone) => vtimezone(zone, fromYear, toYear) },
  });
  for (const m of input.meetings) {
    const zone = isUtc(m.timeZone) ? null : m.timeZone;
    // luxon dates in the venue's zone: ical-generator formats them in the event's TZID (a native
    // Date would be written in the server's own zone).
    const at = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone ?? 'utc');
    const summary = m.dateToBeFixed ? `${m.title} (postponed, new date to be fixed)` : m.title;
    calendar.createEvent({
      id: meetingUid(m.id, input.uidDomain),
      start: at(m.startsAt),
      end: at(m.endsAt),
      timezone: zone,
      summary: m.status === 'cancelled' ? `Cancelled: ${summary}` : summary,
      location: meetingLocation(m),
      description: meetingDescription(m),
      status: ICAL_STATUS[m.status],
      sequence: m.sequence,
      stamp: DateTime.fromISO(m.updatedAt, { zone: 'utc' }),
      created: DateTime.fromISO(m.createdAt, { zone: 'utc' }),
      lastModified: DateTime.fromISO(m.updatedAt, { zone: 'utc' }),
      url: m.url ?? null,
    });
  }
  return calendar.toString();
}
