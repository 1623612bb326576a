import { buildCalendar, type CalendarMeeting } from '../../domain/meetings/icalendar.ts';
import { AppError } from '../../domain/shared/app-error.ts';
import type { Database } from '../../store/database.ts';
import { findLiveFeedByHash } from '../../store/meetings/calendar-feeds.repository.ts';
import { findMembership, findProcess } from '../../store/processes/processes.repository.ts';
import { viewerFrom } from '../access/authorize.ts';
import { sha256 } from '../access/sessions.ts';
import { FEED_PREFIX } from './calendar-feed.ts';
import { visibleMeetings } from './list-meetings.ts';
import type { MeetingView } from './meeting-presenter.ts';

const feedNotFound = () =>
  new AppError('feed.not_found', 'no calendar feed at this address: it was revoked, or never existed');

/** UIDs end in this, the same on every installation's feed of a meeting (its id is random). */
const UID_DOMAIN = 'entente';

/**
 * The iCalendar text behind a secret feed URL. Who may see what is decided at each fetch, as if
 * the owner were reading the meetings list now: a meeting their party was dropped from leaves
 * the feed, and a feed whose owner left the process, was disabled or revoked it is "not found".
 */
export async function serveCalendarFeed(database: Database, secret: string, origin: string) {
  const token = secret.endsWith('.ics') ? secret.slice(0, -4) : secret;
  if (!token.startsWith(FEED_PREFIX) || token.length > 100) throw feedNotFound();
  const tx = database.db;
  const feed = await findLiveFeedByHash(tx, sha256(token));
  if (!feed || feed.disabled_at !== null) throw feedNotFound();
  const [membership, process] = await Promise.all([
    findMembership(tx, feed.process_id, feed.user_id),
    findProcess(tx, feed.process_id),
  ]);
  if (!membership || !process) throw feedNotFound();
  const actor = {
    user: { id: feed.user_id, email: feed.email, name: feed.user_name, isAdmin: feed.is_admin === 1 },
    via: 'token' as const,
    // The URL reads; it never writes.
    canWrite: false,
  };
  const viewer = viewerFrom(actor, membership);
  const meetings = await visibleMeetings(tx, viewer, feed.process_id);
  const text = buildCalendar({
    name: `${process.title} — meetings`,
    uidDomain: UID_DOMAIN,
    meetings: meetings.map((m) => toCalendarMeeting(m, `${origin}/processes/${process.id}/meetings/${m.id}`)),
  });
  return { text, fileName: 'meetings.ics' };
}

function toCalendarMeeting(m: MeetingView, url: string): CalendarMeeting {
  return {
    id: m.id,
    title: m.title,
    // The meeting row always has a time; a date to be fixed keeps the old one, marked as such.
    startsAt: m.startsAt ?? '',
    endsAt: m.endsAt ?? '',
    timeZone: m.timeZone,
    placeKind: m.placeKind,
    place: m.place,
    status: m.status,
    dateToBeFixed: m.dateToBeFixed,
    sequence: m.sequence,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
    participants: m.participants.map((p) =>
      p.kind === 'party'
        ? `${p.name} (${p.party?.code ?? ''})`
        : p.party
          ? `${p.name} (${p.party.code})`
          : p.name,
    ),
    versions: m.versions.map((v) => ({ label: v.label, planTitle: v.planTitle, role: v.role })),
    outcome: m.outcome,
    url,
  };
}
