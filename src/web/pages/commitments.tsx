import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { useProcessTitle } from '../api/titles.ts';
import type { ProcessDetail } from '../api/types.ts';
import { useResource } from '../api/use-resource.ts';
import { viewerCan } from '../auth/viewer.ts';
import { useBreadcrumb } from '../components/breadcrumb.tsx';
import { plural } from '../components/format.ts';
import { ErrorBox, Loading } from '../components/status.tsx';
import { useUrlFilters } from '../components/use-url-filters.ts';
import { useLiveEvents } from '../live/use-live-events.ts';
import { AsOfPicker } from '../monitoring/as-of-picker.tsx';
import { CommitmentFilters, FILTER_KEYS, matches } from '../monitoring/commitment-filters.tsx';
import { CommitmentForm } from '../monitoring/commitment-form.tsx';
import { CommitmentTable } from '../monitoring/commitment-table.tsx';
import { DeriveDialog } from '../monitoring/derive-dialog.tsx';
import type { Agreement, CommitmentListResponse } from '../monitoring/monitoring-types.ts';
import { useAdoptedText } from '../monitoring/use-adopted-text.ts';
import { asOfQuery, useAsOf } from '../monitoring/use-as-of.ts';
import { useKeptResource } from '../monitoring/use-kept-resource.ts';
import '../styles/monitoring.css';

/** Every commitment of an agreement with its deadline, status as of a moment, progress and score. */
export default function CommitmentsPage({
  processId,
  agreementId,
}: {
  processId: string;
  agreementId: string;
}) {
  const [asOf, setAsOf] = useAsOf();
  const base = `/processes/${processId}/agreements/${agreementId}`;
  const agreement = useResource<{ agreement: Agreement }>(base);
  const list = useKeptResource<CommitmentListResponse>(`${base}/commitments${asOfQuery(asOf)}`);
  const overview = useResource<ProcessDetail>(`/processes/${processId}`);
  const processTitle = useProcessTitle(processId);
  const { params, setFilters, clearFilters } = useUrlFilters(FILTER_KEYS);
  const [dialog, setDialog] = useState<'add' | 'derive' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [, navigate] = useLocation();
  useLiveEvents(processId, (event) => {
    if (
      event.type === 'resync' ||
      (event.type === 'commitment.changed' && event.agreementId === agreementId)
    ) {
      list.reload();
      if (event.type === 'resync' || event.commitmentId === null) agreement.reload();
    }
  });
  const a = agreement.data?.agreement;
  const text = useAdoptedText(dialog === 'add' ? a : undefined);
  useBreadcrumb([
    { label: processTitle ?? 'Process', href: `/processes/${processId}` },
    { label: 'Monitoring', href: `/processes/${processId}/monitoring` },
    { label: a?.title ?? 'Agreement', href: `${base}${asOfQuery(asOf)}` },
    { label: 'Commitments' },
  ]);

  if (agreement.state === 'loading') return <Loading label="Opening the commitments…" />;
  if (agreement.state === 'error') return <ErrorBox error={agreement.error} onRetry={agreement.reload} />;
  const ag = agreement.data.agreement;
  const canManage = viewerCan(overview.data?.viewer, 'agreement.manage');
  const parties = overview.data?.parties ?? [];
  const filter = {
    status: params.get('status') ?? '',
    party: params.get('party') ?? '',
    phase: params.get('phase') ?? '',
    area: params.get('area') ?? '',
  };
  const items = list.data?.items ?? [];
  const shown = items.filter((c) => matches(c, filter));
  const areas = [...new Set(items.flatMap((c) => (c.area === null ? [] : [c.area])))];
  const phases = [...ag.phases].sort((x, y) => x.position - y.position);

  return (
    <div className="wide monitoring-page">
      <header className="page-head dashboard-head">
        <div>
          <p className="eyebrow">Commitments · {ag.title}</p>
          <h1>What each party has to do, and by when</h1>
          <p className="lead">
            Deadlines are shown in the agreement’s time zone
            {ag.entryIntoForce === null
              ? ' (entry into force is not set yet)'
              : ` (${ag.entryIntoForce.zone.replace(/_/g, ' ')})`}
            .
          </p>
          <nav className="process-links" aria-label="About this agreement">
            <Link href={`${base}${asOfQuery(asOf)}`}>Dashboard</Link>
            <Link href={`/processes/${processId}/events`}>Event reports</Link>
          </nav>
        </div>
        <div className="dashboard-tools">
          <AsOfPicker
            asOf={asOf}
            onChange={setAsOf}
            entryIntoForceAt={ag.entryIntoForce?.at ?? null}
            zone={ag.entryIntoForce?.zone ?? null}
          />
          {canManage && (
            <div className="button-row">
              <button type="button" className="button" onClick={() => setDialog('derive')}>
                Derive from the adopted text
              </button>
              <button
                type="button"
                className="button button-primary"
                disabled={overview.state !== 'ready'}
                onClick={() => setDialog('add')}
              >
                Add a commitment
              </button>
            </div>
          )}
        </div>
      </header>
      {notice !== null && (
        <p className="mon-notice" role="status">
          {notice}
        </p>
      )}
      <section className="panel" aria-labelledby="commitments-heading">
        <h2 id="commitments-heading" className="visually-hidden">
          Commitments
        </h2>
        <CommitmentFilters
          filter={filter}
          onChange={setFilters}
          onClear={clearFilters}
          parties={parties}
          phases={phases}
          areas={areas}
          shown={shown.length}
          total={items.length}
        />
        {list.state === 'loading' && list.data === undefined && <Loading label="Working out the status…" />}
        {list.error !== undefined && <ErrorBox error={list.error} onRetry={list.reload} />}
        {list.data !== undefined &&
          (items.length === 0 ? (
            <p className="empty">
              {canManage
                ? 'No commitments yet. Derive a first set from the adopted text, or add them one by one.'
                : 'No commitments have been set up for this agreement yet.'}
            </p>
          ) : shown.length === 0 ? (
            <p className="empty">No commitment matches these filters.</p>
          ) : (
            <div className={list.stale ? 'is-stale' : undefined} aria-busy={list.stale}>
              <CommitmentTable
                processId={processId}
                items={shown}
                all={items}
                parties={parties}
                asOf={list.data.asOf}
                zone={ag.entryIntoForce?.zone ?? null}
              />
            </div>
          ))}
      </section>
      {dialog === 'add' && overview.state === 'ready' && (
        <CommitmentForm
          processId={processId}
          agreement={ag}
          parties={overview.data.parties}
          points={text.points}
          others={items}
          onClose={() => setDialog(null)}
          onSaved={(c) => {
            setDialog(null);
            navigate(`/processes/${processId}/commitments/${c.id}`);
          }}
        />
      )}
      {dialog === 'derive' && (
        <DeriveDialog
          processId={processId}
          agreementId={agreementId}
          parties={parties}
          onClose={() => setDialog(null)}
          onDone={(kept) => {
            setDialog(null);
            setNotice(
              `${plural(kept, 'commitment')} kept from the adopted text. Open each to check its deadline and parties.`,
            );
            list.reload();
            agreement.reload();
          }}
        />
      )}
    </div>
  );
}
