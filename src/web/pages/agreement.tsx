import { useState } from 'react';
import { Link } from 'wouter';
import { useProcessTitle } from '../api/titles.ts';
import type { ProcessDetail } from '../api/types.ts';
import { useResource } from '../api/use-resource.ts';
import { viewerCan } from '../auth/viewer.ts';
import { useBreadcrumb } from '../components/breadcrumb.tsx';
import { ErrorBox, Loading } from '../components/status.tsx';
import { useLiveEvents } from '../live/use-live-events.ts';
import { AgreementFacts } from '../monitoring/agreement-facts.tsx';
import { AgreementForm } from '../monitoring/agreement-form.tsx';
import { AsOfPicker } from '../monitoring/as-of-picker.tsx';
import { BreakdownPanel } from '../monitoring/breakdown-panel.tsx';
import { DeadlineList } from '../monitoring/deadline-list.tsx';
import { Headline } from '../monitoring/headline.tsx';
import type { Agreement, MonitoringSnapshot } from '../monitoring/monitoring-types.ts';
import { QuantityList } from '../monitoring/quantity-list.tsx';
import { ReportLinks } from '../monitoring/report-links.tsx';
import { StatusCounts } from '../monitoring/status-counts.tsx';
import { TrendChart } from '../monitoring/trend-chart.tsx';
import { asOfQuery, useAsOf } from '../monitoring/use-as-of.ts';
import { useKeptResource } from '../monitoring/use-kept-resource.ts';
import '../styles/monitoring.css';

/** A week ahead: long enough to act on, short enough to stay a short list. */
const DUE_SOON_HOURS = 7 * 24;

/** "7 days", "72 hours": the due-soon window as people say it. */
function windowLabel(hours: number): string {
  return hours % 24 === 0 ? `${hours / 24} ${hours === 24 ? 'day' : 'days'}` : `${hours} hours`;
}

/**
 * The implementation dashboard of one agreement as of a chosen moment: the headline percentage,
 * commitments by status, what is overdue and due soon, the trend, the breakdowns and the quantity
 * targets, with the report to export and the agreement's settings for the mediator team.
 */
export default function AgreementPage({
  processId,
  agreementId,
}: {
  processId: string;
  agreementId: string;
}) {
  const [asOf, setAsOf] = useAsOf();
  const base = `/processes/${processId}/agreements/${agreementId}`;
  const agreement = useResource<{ agreement: Agreement }>(base);
  const status = useKeptResource<MonitoringSnapshot>(
    `${base}/status?dueWithinHours=${DUE_SOON_HOURS}${asOfQuery(asOf, '&')}`,
  );
  const overview = useResource<ProcessDetail>(`/processes/${processId}`);
  const processTitle = useProcessTitle(processId);
  const [editing, setEditing] = useState(false);
  // A monitor's new score or progress, a verified event or another mediator's edit shows up as it happens.
  useLiveEvents(processId, (event) => {
    if (
      event.type === 'resync' ||
      (event.type === 'commitment.changed' && event.agreementId === agreementId)
    ) {
      status.reload();
      if (event.type === 'resync' || event.commitmentId === null) agreement.reload();
    } else if (event.type === 'event_report.changed') status.reload();
  });
  const a = agreement.data?.agreement;
  useBreadcrumb([
    { label: processTitle ?? 'Process', href: `/processes/${processId}` },
    { label: 'Monitoring', href: `/processes/${processId}/monitoring` },
    { label: a?.title ?? 'Agreement' },
  ]);

  if (agreement.state === 'loading') return <Loading label="Opening the agreement…" />;
  if (agreement.state === 'error') return <ErrorBox error={agreement.error} onRetry={agreement.reload} />;
  const ag = agreement.data.agreement;
  const canManage = viewerCan(overview.data?.viewer, 'agreement.manage');
  const zone = ag.entryIntoForce?.zone ?? null;
  const snapshot = status.data;
  const list = `${base}/commitments`;

  return (
    <div className="wide monitoring-page">
      <header className="page-head dashboard-head">
        <div>
          <p className="eyebrow">Agreement · implementation</p>
          <h1>{ag.title}</h1>
          <nav className="process-links" aria-label="About this agreement">
            <Link href={`${list}${asOfQuery(asOf)}`}>Commitments ({ag.commitmentCount})</Link>
            <Link href={`/processes/${processId}/events`}>Event reports</Link>
            <Link href={`/processes/${processId}/map?agreement=${encodeURIComponent(agreementId)}`}>Map</Link>
            <Link href={`${base}/zones`}>Zones</Link>
          </nav>
        </div>
        <div className="dashboard-tools">
          <AsOfPicker
            asOf={asOf}
            onChange={setAsOf}
            entryIntoForceAt={ag.entryIntoForce?.at ?? null}
            zone={zone}
          />
          {snapshot !== undefined && (
            <ReportLinks processId={processId} agreementId={agreementId} asOf={snapshot.asOf} />
          )}
        </div>
      </header>
      {status.state === 'loading' && snapshot === undefined && <Loading label="Working out the status…" />}
      {status.error !== undefined && <ErrorBox error={status.error} onRetry={status.reload} />}
      {snapshot !== undefined && (
        <div className={`dashboard${status.stale ? ' is-stale' : ''}`} aria-busy={status.stale}>
          <section className="panel dashboard-headline" aria-labelledby="headline-heading">
            <h2 id="headline-heading" className="visually-hidden">
              Implementation
            </h2>
            <Headline snapshot={snapshot} zone={zone} commitmentsHref={list} />
            <StatusCounts
              counts={snapshot.totals.counts}
              href={(s) => `${list}?status=${s}${asOfQuery(asOf, '&')}`}
            />
          </section>
          <div className="dashboard-lists">
            <section className="panel" aria-labelledby="overdue-heading">
              <h2 id="overdue-heading">Overdue ({snapshot.overdue.length})</h2>
              <DeadlineList
                processId={processId}
                ids={snapshot.overdue}
                snapshot={snapshot}
                empty="Nothing overdue."
              />
            </section>
            <section className="panel" aria-labelledby="due-soon-heading">
              <h2 id="due-soon-heading">
                Due in the next {windowLabel(snapshot.dueSoonWindowHours)} ({snapshot.dueSoon.length})
              </h2>
              <DeadlineList
                processId={processId}
                ids={snapshot.dueSoon}
                snapshot={snapshot}
                empty="Nothing falls due in this window."
              />
            </section>
          </div>
          <section className="panel" aria-labelledby="trend-heading">
            <h2 id="trend-heading">Implementation over time</h2>
            <TrendChart trend={snapshot.overTime} />
          </section>
          <div className="dashboard-lists">
            <BreakdownPanel snapshot={snapshot} />
            <section className="panel" aria-labelledby="quantity-heading">
              <h2 id="quantity-heading">Quantity targets</h2>
              <QuantityList processId={processId} commitments={snapshot.commitments} />
            </section>
          </div>
        </div>
      )}
      <section className="panel agreement-settings" aria-labelledby="settings-heading">
        <div className="section-head">
          <h2 id="settings-heading">The agreement</h2>
          {canManage && (
            <button
              type="button"
              className="button"
              disabled={overview.state !== 'ready'}
              onClick={() => setEditing(true)}
            >
              Edit settings
            </button>
          )}
        </div>
        <AgreementFacts agreement={ag} />
      </section>
      {editing && overview.state === 'ready' && (
        <AgreementForm
          processId={processId}
          overview={overview.data}
          agreement={ag}
          onClose={() => setEditing(false)}
          onSaved={(updated) => {
            setEditing(false);
            agreement.set({ agreement: updated });
            status.reload();
          }}
        />
      )}
    </div>
  );
}
