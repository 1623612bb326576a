import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { useProcessTitle } from '../api/titles.ts';
import type { ProcessDetail } from '../api/types.ts';
import { useResource } from '../api/use-resource.ts';
import { viewerCan } from '../auth/viewer.ts';
import { useBreadcrumb } from '../components/breadcrumb.tsx';
import { ErrorBox, Loading } from '../components/status.tsx';
import { useLiveEvents } from '../live/use-live-events.ts';
import { AdoptedPoint } from '../monitoring/adopted-point.tsx';
import { CommitmentFacts } from '../monitoring/commitment-facts.tsx';
import { CommitmentForm } from '../monitoring/commitment-form.tsx';
import { DeleteCommitmentDialog } from '../monitoring/delete-commitment-dialog.tsx';
import { LinkedEvents } from '../monitoring/linked-events.tsx';
import type {
  Agreement,
  CommitmentListResponse,
  CommitmentResponse,
} from '../monitoring/monitoring-types.ts';
import { ProgressForm } from '../monitoring/progress-form.tsx';
import { ProgressList } from '../monitoring/progress-list.tsx';
import { ScoreBadge } from '../monitoring/score-badge.tsx';
import { ScoreForm } from '../monitoring/score-form.tsx';
import { ScoreHistory } from '../monitoring/score-history.tsx';
import { CommitmentStatusBadge } from '../monitoring/status-badge.tsx';
import { useAdoptedText } from '../monitoring/use-adopted-text.ts';
import '../styles/monitoring.css';

/**
 * One commitment: what is to be done, by whom and by when, the adopted text it comes from, what
 * has been recorded towards it, its score history and the event reports linked to it. Monitors
 * record progress and scores; the mediator team edits or removes the commitment.
 */
export default function CommitmentPage({
  processId,
  commitmentId,
}: {
  processId: string;
  commitmentId: string;
}) {
  const res = useResource<CommitmentResponse>(`/processes/${processId}/commitments/${commitmentId}`);
  const c = res.data?.commitment;
  const agreementPath = c === undefined ? null : `/processes/${processId}/agreements/${c.agreementId}`;
  const agreement = useResource<{ agreement: Agreement }>(agreementPath);
  const siblings = useResource<CommitmentListResponse>(
    agreementPath === null ? null : `${agreementPath}/commitments`,
  );
  const overview = useResource<ProcessDetail>(`/processes/${processId}`);
  const processTitle = useProcessTitle(processId);
  const [open, setOpen] = useState<'edit' | 'delete' | 'progress' | 'score' | null>(null);
  const [, navigate] = useLocation();
  useLiveEvents(processId, (event) => {
    if (
      event.type === 'resync' ||
      event.type === 'event_report.changed' ||
      (event.type === 'commitment.changed' &&
        (event.commitmentId === commitmentId || event.commitmentId === null) &&
        event.agreementId === c?.agreementId)
    )
      res.reload();
  });
  const a = agreement.data?.agreement;
  const text = useAdoptedText(open === 'edit' ? a : undefined);
  useBreadcrumb([
    { label: processTitle ?? 'Process', href: `/processes/${processId}` },
    { label: 'Monitoring', href: `/processes/${processId}/monitoring` },
    ...(a === undefined ? [] : [{ label: a.title, href: agreementPath ?? undefined }]),
    ...(agreementPath === null ? [] : [{ label: 'Commitments', href: `${agreementPath}/commitments` }]),
    { label: c?.title ?? 'Commitment' },
  ]);

  if (res.state === 'loading') return <Loading label="Opening the commitment…" />;
  if (res.state === 'error') return <ErrorBox error={res.error} onRetry={res.reload} />;
  const cm = res.data.commitment;
  const viewer = overview.data?.viewer;
  const canManage = viewerCan(viewer, 'agreement.manage');
  const canRecord = viewerCan(viewer, 'commitment.record');
  const parties = overview.data?.parties ?? [];
  const recorded = () => {
    setOpen(null);
    res.reload();
  };

  return (
    <div className="wide monitoring-page">
      <header className="page-head">
        <p className="eyebrow">
          Commitment{cm.pointNumber !== null && ` · point ${cm.pointNumber}`}
          {a !== undefined && ` · ${a.title}`}
        </p>
        <h1 className="commitment-heading">
          {cm.title} <CommitmentStatusBadge status={cm.status} /> <ScoreBadge score={cm.score} />
        </h1>
        <p className="muted">Status and score as they stand now.</p>
        {agreementPath !== null && (
          <nav className="process-links" aria-label="About this agreement">
            <Link href={agreementPath}>Dashboard</Link>
            <Link href={`${agreementPath}/commitments`}>All commitments</Link>
          </nav>
        )}
        {canManage && (
          <div className="button-row page-head-action">
            <button
              type="button"
              className="button"
              disabled={a === undefined || overview.state !== 'ready'}
              onClick={() => setOpen('edit')}
            >
              Edit commitment
            </button>
            <button type="button" className="button button-quiet" onClick={() => setOpen('delete')}>
              Remove…
            </button>
          </div>
        )}
      </header>
      <div className="commitment-detail">
        <div className="commitment-main">
          <section className="panel" aria-labelledby="todo-heading">
            <h2 id="todo-heading">What is to be done</h2>
            {cm.description === '' ? (
              <p className="muted">No description.</p>
            ) : (
              <p className="commitment-description">{cm.description}</p>
            )}
            <CommitmentFacts
              commitment={cm}
              agreement={a}
              parties={parties}
              others={siblings.data?.items ?? []}
            />
          </section>
          <section className="panel" aria-labelledby="text-heading">
            <h2 id="text-heading">The adopted text</h2>
            {a === undefined ? (
              <p className="muted">Loading…</p>
            ) : (
              <AdoptedPoint agreement={a} pointId={cm.pointId} subItem={cm.subItem ?? null} />
            )}
          </section>
          <section className="panel" aria-labelledby="progress-heading">
            <div className="section-head">
              <h2 id="progress-heading">Progress</h2>
              {canRecord && open !== 'progress' && (
                <button type="button" className="button" onClick={() => setOpen('progress')}>
                  Record progress
                </button>
              )}
            </div>
            {open === 'progress' && (
              <ProgressForm
                processId={processId}
                commitmentId={cm.id}
                unit={cm.targetUnit}
                events={cm.events}
                onCancel={() => setOpen(null)}
                onSaved={recorded}
              />
            )}
            <ProgressList processId={processId} entries={cm.progress} unit={cm.targetUnit} />
          </section>
        </div>
        <div className="commitment-side">
          <section className="panel" aria-labelledby="score-heading">
            <div className="section-head">
              <h2 id="score-heading">Implementation score</h2>
              {canRecord && open !== 'score' && (
                <button type="button" className="button" onClick={() => setOpen('score')}>
                  Set score
                </button>
              )}
            </div>
            {open === 'score' && (
              <ScoreForm
                processId={processId}
                commitmentId={cm.id}
                current={cm.score}
                events={cm.events}
                onCancel={() => setOpen(null)}
                onSaved={recorded}
              />
            )}
            <ScoreHistory processId={processId} scores={cm.scores} events={cm.events} />
          </section>
          <section className="panel" aria-labelledby="events-heading">
            <h2 id="events-heading">Event reports</h2>
            <LinkedEvents processId={processId} events={cm.events} />
          </section>
        </div>
      </div>
      {open === 'edit' && a !== undefined && overview.state === 'ready' && (
        <CommitmentForm
          processId={processId}
          agreement={a}
          parties={overview.data.parties}
          points={text.points}
          others={siblings.data?.items ?? []}
          commitment={cm}
          onClose={() => setOpen(null)}
          onSaved={() => {
            setOpen(null);
            res.reload();
            siblings.reload();
          }}
        />
      )}
      {open === 'delete' && (
        <DeleteCommitmentDialog
          processId={processId}
          commitment={cm}
          onClose={() => setOpen(null)}
          onDeleted={() =>
            navigate(
              agreementPath === null ? `/processes/${processId}/monitoring` : `${agreementPath}/commitments`,
            )
          }
        />
      )}
    </div>
  );
}
