import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { useProcessTitle } from '../api/titles.ts';
import type { ProcessDetail } from '../api/types.ts';
import { useResource } from '../api/use-resource.ts';
import { viewerCan } from '../auth/viewer.ts';
import { useBreadcrumb } from '../components/breadcrumb.tsx';
import { ErrorBox, Loading } from '../components/status.tsx';
import { useLiveEvents } from '../live/use-live-events.ts';
import { AgreementForm } from '../monitoring/agreement-form.tsx';
import { AgreementTable } from '../monitoring/agreement-table.tsx';
import type { AgreementList } from '../monitoring/monitoring-types.ts';
import '../styles/monitoring.css';

/** The agreements of a process and how far each is implemented; the mediator team adopts new ones here. */
export default function MonitoringPage({ processId }: { processId: string }) {
  const list = useResource<AgreementList>(`/processes/${processId}/agreements`);
  const overview = useResource<ProcessDetail>(`/processes/${processId}`);
  const processTitle = useProcessTitle(processId);
  const [adopting, setAdopting] = useState(false);
  const [, navigate] = useLocation();
  useLiveEvents(processId, (event) => {
    if (event.type === 'commitment.changed' || event.type === 'resync') list.reload();
  });
  const viewer = overview.data?.viewer;
  const canManage = viewerCan(viewer, 'agreement.manage');
  useBreadcrumb([
    { label: processTitle ?? 'Process', href: `/processes/${processId}` },
    { label: 'Monitoring' },
  ]);

  if (list.state === 'loading') return <Loading label="Opening the agreements…" />;
  if (list.state === 'error') return <ErrorBox error={list.error} onRetry={list.reload} />;
  const items = list.data.items;

  return (
    <div className="wide monitoring-page">
      <header className="page-head">
        <p className="eyebrow">Monitoring</p>
        <h1>Agreements and their implementation</h1>
        <p className="lead">
          An agreement is a version of a plan that was adopted. Its commitments, deadlines and scores show, on
          any date, what has been done, by whom, and what is late.
        </p>
        <nav className="process-links" aria-label="Monitoring">
          <Link href={`/processes/${processId}/events`}>Event reports</Link>
          <Link href={`/processes/${processId}/map`}>Map</Link>
          {viewerCan(viewer, 'webhook.manage') && (
            <Link href={`/processes/${processId}/webhooks`}>Webhooks</Link>
          )}
        </nav>
        {canManage && (
          <button
            type="button"
            className="button button-primary page-head-action"
            disabled={overview.state !== 'ready'}
            onClick={() => setAdopting(true)}
          >
            Adopt a version as an agreement
          </button>
        )}
      </header>
      <section className="panel" aria-labelledby="agreements-heading">
        <h2 id="agreements-heading">Agreements</h2>
        {items.length === 0 ? (
          <p className="empty">
            {canManage
              ? 'No agreement yet. Once the parties sign a version, adopt it here to track its commitments.'
              : 'No agreement your party holds the text of has been adopted yet.'}
          </p>
        ) : (
          <AgreementTable processId={processId} agreements={items} />
        )}
      </section>
      {adopting && overview.state === 'ready' && (
        <AgreementForm
          processId={processId}
          overview={overview.data}
          onClose={() => setAdopting(false)}
          onSaved={(a) => {
            setAdopting(false);
            navigate(`/processes/${processId}/agreements/${a.id}`);
          }}
        />
      )}
    </div>
  );
}
