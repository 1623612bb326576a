import { Link } from 'wouter';
import { PartySwatch } from '../process/party-swatch.tsx';
import { placeLabel } from './meeting-format.ts';
import type { Meeting } from './meeting-types.ts';
import { MeetingWhen } from './meeting-when.tsx';
import { StatusBadge } from './status-badge.tsx';

/** The parties of a meeting, once each (as a party or through its people). */
export function meetingParties(m: Meeting) {
  const seen = new Map<string, NonNullable<Meeting['participants'][number]['party']>>();
  for (const p of m.participants) if (p.party && !seen.has(p.party.id)) seen.set(p.party.id, p.party);
  return [...seen.values()];
}

/** Meetings as cards: title, status, when (venue's and reader's time), where, which parties. */
export function MeetingList({
  processId,
  meetings,
  empty,
}: {
  processId: string;
  meetings: Meeting[];
  empty: string;
}) {
  if (meetings.length === 0) return <p className="empty">{empty}</p>;
  return (
    <ol className="meeting-list">
      {meetings.map((m) => (
        <li key={m.id} className={`meeting-card meeting-card-${m.status}`}>
          <div className="meeting-card-head">
            <Link href={`/processes/${processId}/meetings/${m.id}`} className="meeting-title">
              {m.title}
            </Link>
            <StatusBadge status={m.status} toBeFixed={m.dateToBeFixed} />
          </div>
          <p className="meeting-meta">
            {m.dateToBeFixed ? (
              <span>
                New date to be fixed <span className="muted">(was planned for the date below)</span>
                <br />
              </span>
            ) : null}
            <MeetingWhen startsAt={m.startsAt} endsAt={m.endsAt} timeZone={m.timeZone} />
          </p>
          <p className="meeting-meta">{placeLabel(m)}</p>
          <ul className="meeting-parties" aria-label="Parties taking part">
            {meetingParties(m).map((p) => (
              <li key={p.id} title={p.name}>
                <PartySwatch colour={p.colour} /> {p.code}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
