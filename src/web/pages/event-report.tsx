import { useState } from 'react';
import { Link } from 'wouter';
import { useProcessTitle } from '../api/titles.ts';
import type { ProcessDetail } from '../api/types.ts';
import { useResource } from '../api/use-resource.ts';
import { viewerCan } from '../auth/viewer.ts';
import { useBreadcrumb } from '../components/breadcrumb.tsx';
import { ErrorBox, Loading } from '../components/status.tsx';
import { CommitmentLinks } from '../events/commitment-links.tsx';
import { EVENT_STATUS_ACTIONS, formatOccurred } from '../events/event-format.ts';
import { EventHistory } from '../events/event-history.tsx';
import { EventReportForm } from '../events/event-report-form.tsx';
import { EventStatusBadge } from '../events/event-status-badge.tsx';
import { EventSummary } from '../events/event-summary.tsx';
import type { EventReportResponse, EventStatus } from '../events/event-types.ts';
import { LinkCommitmentDialog } from '../events/link-commitment-dialog.tsx';
import { VerificationDialog } from '../events/verification-dialog.tsx';
import { useLiveEvents } from '../live/use-live-events.ts';
import '../styles/events.css';

/** One event report: what it says, its verification history and actions, and the commitments it concerns. */
export default function EventReportPage({ processId, eventId }: { processId: string; eventId: string }) {
  const detail = useResource<ProcessDetail>(`/processes/${processId}`);
  const event = useResource<EventReportResponse>(`/processes/${processId}/event-reports/${eventId}`);
  const processTitle = useProcessTitle(processId);
  const [moving, setMoving] = useState<EventStatus | null>(null);
  const [linking, setLinking] = useState(false);
  const [editing, setEditing] = useState(false);
  const report = event.data?.eventReport;
  // Another monitor's verification or link shows as it happens.
  useLiveEvents(processId, (e) => {
    if (
      (e.type === 'event_report.changed' && (e.eventReportId === eventId || e.eventReportId === null)) ||
      e.type === 'resync'
    )
      event.reload();
  });
  useBreadcrumb([
    { label: processTitle ?? 'Process', href: `/processes/${processId}` },
    { label: 'Monitoring', href: `/processes/${processId}/monitoring` },
    { label: 'Event reports', href: `/processes/${processId}/events` },
    { label: report?.eventType ?? 'Event report' },
  ]);

  if (event.state === 'loading' || detail.state === 'loading') return <Loading label="Opening the report…" />;
  if (event.state === 'error') return <ErrorBox error={event.error} onRetry={event.reload} />;
  if (detail.state === 'error') return <ErrorBox error={detail.error} onRetry={detail.reload} />;
  const r = event.data.eventReport;
  const { parties, viewer } = detail.data;
  const mission = viewerCan(viewer, 'event.verify');
  const next = r.nextStatuses;
  const attributed = r.attributedParty;

  return (
    <div className="wide">
      <header className="page-head">
        <p className="eyebrow">Event report · {formatOccurred(r.occurredAt, r.timePrecision)}</p>
        <h1>
          {r.eventType}
          {r.placeName !== '' && <span className="event-head-place"> — {r.placeName}</span>}
        </h1>
        <p className="event-head-status">
          <EventStatusBadge status={r.status} />
          {attributed !== null && <span> Attributed to {attributed.name}</span>}
        </p>
        {r.latitude !== null && r.longitude !== null && (
          <Link href={`/processes/${processId}/map?event=${r.id}`}>Show on the map</Link>
        )}
      </header>
      <div className="event-detail">
        <div>
          <section className="panel" aria-labelledby="event-facts">
            <div className="section-head">
              <h2 id="event-facts">The report</h2>
              {mission && (
                <button type="button" className="button button-small" onClick={() => setEditing(true)}>
                  Edit report
                </button>
              )}
            </div>
            <EventSummary report={r} />
            {r.description !== '' && <p className="event-description">{r.description}</p>}
          </section>
          <section className="panel" aria-labelledby="event-links">
            <div className="section-head">
              <h2 id="event-links">Commitments it concerns</h2>
              {mission && (
                <button type="button" className="button button-small" onClick={() => setLinking(true)}>
                  Link to a commitment
                </button>
              )}
            </div>
            <CommitmentLinks processId={processId} report={r} canLink={mission} onChanged={event.reload} />
          </section>
        </div>
        <section className="panel" aria-labelledby="event-verification">
          <h2 id="event-verification">Verification</h2>
          {mission && next.length > 0 && (
            <div className="button-row event-actions">
              {next.map((s) => (
                <button
                  key={s}
                  type="button"
                  className={`button${s === 'verified' ? ' button-primary' : s === 'dismissed' ? ' button-danger' : ''}`}
                  onClick={() => setMoving(s)}
                >
                  {EVENT_STATUS_ACTIONS[s]}
                </button>
              ))}
            </div>
          )}
          {mission && next.length > 0 && (
            <p className="hint event-workflow">
              Received → under investigation → verified, unverified or dismissed. Only a verified event can
              move a commitment’s progress; an unverified one can be investigated again.
            </p>
          )}
          {mission && next.length === 0 && (
            <p className="hint">
              {r.status === 'verified' ? 'Verified' : 'Dismissed'} is final: the verification is closed.
            </p>
          )}
          <EventHistory history={r.history} />
        </section>
      </div>
      {moving !== null && (
        <VerificationDialog
          processId={processId}
          report={r}
          status={moving}
          parties={parties}
          onClose={() => setMoving(null)}
          onChanged={() => {
            setMoving(null);
            event.reload();
          }}
        />
      )}
      {editing && (
        <EventReportForm
          processId={processId}
          report={r}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            event.reload();
          }}
          onReload={() => {
            setEditing(false);
            event.reload();
          }}
        />
      )}
      {linking && (
        <LinkCommitmentDialog
          processId={processId}
          report={r}
          onClose={() => setLinking(false)}
          onLinked={() => {
            setLinking(false);
            event.reload();
          }}
        />
      )}
    </div>
  );
}
