import { formatSpan, viewerZone, zoneLabel, zoneName } from './meeting-format.ts';

/**
 * When a meeting takes place, in the venue's zone and, where that differs, in the reader's own:
 * "Thu, 12 Jun 2025, 10:00–12:30 at the venue (Europe/Zurich, CEST) · 09:00–11:30 your time".
 */
export function MeetingWhen({
  startsAt,
  endsAt,
  timeZone,
}: {
  startsAt: string;
  endsAt: string;
  timeZone: string;
}) {
  const mine = viewerZone();
  const venue = formatSpan(startsAt, endsAt, timeZone);
  const local = formatSpan(startsAt, endsAt, mine);
  return (
    <span className="meeting-when">
      <time dateTime={startsAt}>{venue}</time>{' '}
      <span className="muted">
        at the venue ({zoneLabel(timeZone)}, {zoneName(startsAt, timeZone)})
      </span>
      {local !== venue && (
        <span className="meeting-when-mine">
          {' · '}
          {local} <span className="muted">your time ({zoneName(startsAt, mine)})</span>
        </span>
      )}
    </span>
  );
}
