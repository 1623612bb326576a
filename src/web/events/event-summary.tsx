import { formatDateTime } from '../components/format.ts';
import {
  actorsLabel,
  formatCoordinates,
  formatOccurred,
  GEO_PRECISION_LABELS,
  gradingLabel,
  TIME_PRECISION_LABELS,
} from './event-format.ts';
import type { EventReport } from './event-types.ts';

/** Everything a report says, as a list of terms: when, where, what, who, source and who filed it. */
export function EventSummary({ report }: { report: EventReport }) {
  const reporter = report.reportedByParty?.name;
  return (
    <dl className="event-facts">
      <dt>When</dt>
      <dd>
        <time dateTime={report.occurredAt}>{formatOccurred(report.occurredAt, report.timePrecision)}</time>{' '}
        <span className="muted">(known {TIME_PRECISION_LABELS[report.timePrecision]})</span>
      </dd>
      <dt>Where</dt>
      <dd>
        {report.placeName === '' ? <span className="muted">No place name</span> : report.placeName}
        {report.latitude !== null && report.longitude !== null && (
          <>
            <br />
            <span className="mono">{formatCoordinates(report.latitude, report.longitude)}</span>
            {report.geoPrecision !== null && (
              <span className="muted"> ({GEO_PRECISION_LABELS[report.geoPrecision]})</span>
            )}
          </>
        )}
      </dd>
      <dt>Type</dt>
      <dd>
        {report.eventType}
        {report.subEventType !== '' && <span className="muted"> · {report.subEventType}</span>}
      </dd>
      <dt>Actors</dt>
      <dd>{actorsLabel(report.actor1, report.actor2) || <span className="muted">Not named</span>}</dd>
      <dt>Fatalities</dt>
      <dd>{report.fatalities ?? <span className="muted">None reported</span>}</dd>
      <dt>Source</dt>
      <dd>
        {report.source === '' ? <span className="muted">Not named</span> : report.source}
        <br />
        <span className="event-grading">
          {gradingLabel(report.sourceReliability, report.infoCredibility)}
        </span>
      </dd>
      <dt>Filed</dt>
      <dd>
        {formatDateTime(report.createdAt)}
        {report.reportedBy ? `, by ${report.reportedBy.name}` : ''}
        {reporter !== undefined ? ` (${reporter})` : ''}
        {report.importId !== null && <span className="muted"> · imported</span>}
        {report.externalId !== null && <span className="muted mono"> · {report.externalId}</span>}
      </dd>
    </dl>
  );
}
