import { Link } from 'wouter';
import { useResource } from '../api/use-resource.ts';
import { ErrorBox, Loading } from '../components/status.tsx';
import {
  EVENT_STATUS_LABELS,
  formatCoordinates,
  formatOccurred,
  gradingLabel,
} from '../events/event-format.ts';
import { EventStatusBadge } from '../events/event-status-badge.tsx';
import type { EventReportResponse } from '../events/event-types.ts';
import type { MapSelection } from './map-controller.ts';
import type { MapPoints } from './map-data.ts';

const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/** What was clicked on the map: one event's summary, or the list of events at one place. */
export function MapSidePanel({
  processId,
  points,
  selection,
  onPick,
  onClose,
}: {
  processId: string;
  points: MapPoints;
  selection: MapSelection;
  onPick: (index: number) => void;
  onClose: () => void;
}) {
  return (
    <aside className="panel map-side" aria-label="Selected on the map">
      <button
        type="button"
        className="button button-quiet icon-button map-side-close"
        aria-label="Close"
        onClick={onClose}
      >
        ×
      </button>
      {selection.kind === 'event' ? (
        <EventPanel processId={processId} eventId={points.ids[selection.index] ?? ''} />
      ) : (
        <>
          <h2>{selection.count.toLocaleString()} events here</h2>
          <p className="muted">
            {formatCoordinates(selection.lat, selection.lon)}
            {selection.count > selection.indexes.length
              ? ` · the first ${selection.indexes.length} listed`
              : ''}
          </p>
          <ul className="map-side-list">
            {selection.indexes.map((i) => (
              <li key={i}>
                <button type="button" className="link-button" onClick={() => onPick(i)}>
                  {points.types[points.type[i] as number] ?? 'Event'}
                </button>{' '}
                <span className="muted">
                  {dayFormat.format(new Date((points.time[i] as number) * 1000))} ·{' '}
                  {EVENT_STATUS_LABELS[points.statuses[points.status[i] as number] ?? 'received']}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </aside>
  );
}

function EventPanel({ processId, eventId }: { processId: string; eventId: string }) {
  const event = useResource<EventReportResponse>(`/processes/${processId}/event-reports/${eventId}`);
  if (event.state === 'loading') return <Loading label="Reading the report…" />;
  if (event.state === 'error') return <ErrorBox error={event.error} onRetry={event.reload} />;
  const r = event.data.eventReport;
  return (
    <>
      <h2>{r.eventType}</h2>
      <p className="map-side-meta">
        <EventStatusBadge status={r.status} />
        {r.attributedParty !== null && <span> attributed to {r.attributedParty.name}</span>}
      </p>
      <dl className="event-facts event-facts-compact">
        <dt>When</dt>
        <dd>{formatOccurred(r.occurredAt, r.timePrecision)}</dd>
        <dt>Where</dt>
        <dd>
          {r.placeName ||
            (r.latitude !== null && r.longitude !== null ? formatCoordinates(r.latitude, r.longitude) : '—')}
        </dd>
        {r.subEventType !== '' && (
          <>
            <dt>Sub-type</dt>
            <dd>{r.subEventType}</dd>
          </>
        )}
        {r.fatalities !== null && (
          <>
            <dt>Fatalities</dt>
            <dd>{r.fatalities}</dd>
          </>
        )}
        <dt>Source</dt>
        <dd>{gradingLabel(r.sourceReliability, r.infoCredibility)}</dd>
      </dl>
      {r.description !== '' && <p className="map-side-description">{r.description}</p>}
      <p>
        <Link href={`/processes/${processId}/events/${r.id}`}>Open the report</Link>
      </p>
      {r.links.length > 0 && (
        <>
          <h3>Commitments it concerns</h3>
          <ul className="map-side-list">
            {r.links.map((l) => (
              <li key={l.commitmentId}>
                <Link href={`/processes/${processId}/commitments/${l.commitmentId}`}>
                  {l.commitmentTitle}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
