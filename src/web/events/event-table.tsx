import { Link } from 'wouter';
import { actorsLabel, formatOccurred, gradingLabel } from './event-format.ts';
import { EventStatusBadge } from './event-status-badge.tsx';
import type { EventReport } from './event-types.ts';

/** Event reports as a table: when, what, where, who, grading, status and attribution. */
export function EventTable({ processId, items }: { processId: string; items: readonly EventReport[] }) {
  return (
    <table className="table event-table">
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">What</th>
          <th scope="col">Where</th>
          <th scope="col">Actors</th>
          <th scope="col" className="num">
            Fatalities
          </th>
          <th scope="col">Source grading</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {items.map((e) => {
          const attributed = e.attributedParty?.name ?? null;
          return (
            <tr key={e.id}>
              <td className="event-when">
                <time dateTime={e.occurredAt}>{formatOccurred(e.occurredAt, e.timePrecision)}</time>
              </td>
              <td>
                <Link href={`/processes/${processId}/events/${e.id}`} className="event-type-link">
                  {e.eventType}
                </Link>
                {e.subEventType !== '' && <span className="event-subtype">{e.subEventType}</span>}
              </td>
              <td>{e.placeName === '' ? <span className="muted">Not named</span> : e.placeName}</td>
              <td>{actorsLabel(e.actor1, e.actor2) || <span className="muted">—</span>}</td>
              <td className="num">{e.fatalities ?? <span className="muted">—</span>}</td>
              <td className="event-grading">{gradingLabel(e.sourceReliability, e.infoCredibility)}</td>
              <td>
                <EventStatusBadge status={e.status} />
                {attributed !== null && <span className="event-attributed">attributed to {attributed}</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
