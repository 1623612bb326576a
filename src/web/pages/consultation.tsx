import { useState } from 'react';
import { useProcessTitle } from '../api/titles.ts';
import type { ConsultationLog } from '../api/types.ts';
import { useResource } from '../api/use-resource.ts';
import { useBreadcrumb } from '../components/breadcrumb.tsx';
import { formatDateTime } from '../components/format.ts';
import { ErrorBox, Loading } from '../components/status.tsx';
import { ReleaseDialog } from '../consult/release-dialog.tsx';
import { ReleaseMatrix } from '../consult/release-matrix.tsx';
import { useLiveEvents } from '../live/use-live-events.ts';
import '../styles/consult.css';

type VersionRef = { planId: string; id: string; label: string };

/** The consultation log: who was given which text, when, by whom and how. */
export default function ConsultationPage({ processId }: { processId: string }) {
  const log = useResource<ConsultationLog>(`/processes/${processId}/releases`);
  const processTitle = useProcessTitle(processId);
  const [releasing, setReleasing] = useState<VersionRef | null>(null);
  useBreadcrumb([
    { label: processTitle ?? 'Process', href: `/processes/${processId}` },
    { label: 'Consultation log' },
  ]);
  useLiveEvents(processId, (event) => {
    if (event.type === 'release.created' || event.type === 'version.cut' || event.type === 'resync')
      log.reload();
  });

  if (log.state === 'loading') return <Loading label="Opening the consultation log…" />;
  if (log.state === 'error') return <ErrorBox error={log.error} onRetry={log.reload} />;
  const { plans, parties, releases, scope } = log.data;
  const mediator = scope === 'all-parties';
  const recent = [...releases].sort((a, b) => b.releasedAt.localeCompare(a.releasedAt)).slice(0, 8);
  const partyName = (id: string) => parties.find((p) => p.id === id)?.name ?? 'a party';
  const versionLabel = (id: string) =>
    plans.flatMap((p) => p.versions).find((v) => v.id === id)?.label ?? 'a version';

  return (
    <div className="wide">
      <header className="page-head">
        <p className="eyebrow">Consultation log</p>
        <h1>Who holds which text</h1>
        <p className="lead">
          {mediator
            ? 'Each row is a version, each column a party. A dot means the party holds that version, since the date shown; “current text” marks the newest version each party holds.'
            : 'The versions released to your party, when and through which channel. Other parties’ releases are not shown to you.'}
        </p>
      </header>
      {plans.length === 0 && (
        <p className="empty">{mediator ? 'No plans yet.' : 'No text has been released to your party yet.'}</p>
      )}
      {plans.map((plan) => (
        <section key={plan.id} className="panel" aria-labelledby={`plan-${plan.id}`}>
          <h2 id={`plan-${plan.id}`}>{plan.title}</h2>
          {plan.versions.length === 0 ? (
            <p className="empty">No version cut yet: the working draft stays with the mediation team.</p>
          ) : (
            <ReleaseMatrix
              plan={plan}
              parties={parties}
              releases={releases.filter((r) => r.planId === plan.id)}
              {...(mediator
                ? { onRelease: (v) => setReleasing({ planId: plan.id, id: v.id, label: v.label }) }
                : {})}
            />
          )}
        </section>
      ))}
      {recent.length > 0 && (
        <section className="panel" aria-labelledby="recent-releases">
          <h2 id="recent-releases">Latest releases</h2>
          <ol className="release-feed">
            {recent.map((r) => (
              <li key={r.id}>
                <time dateTime={r.releasedAt}>{formatDateTime(r.releasedAt)}</time> —{' '}
                <strong>{versionLabel(r.versionId)}</strong> to {partyName(r.partyId)}
                {r.channel && <> at {r.channel}</>}, by {r.releasedBy.name}
                {r.note !== '' && <p className="muted release-note">{r.note}</p>}
              </li>
            ))}
          </ol>
        </section>
      )}
      {releasing && (
        <ReleaseDialog
          planId={releasing.planId}
          version={releasing}
          parties={parties}
          holders={new Set(releases.filter((r) => r.versionId === releasing.id).map((r) => r.partyId))}
          onClose={() => setReleasing(null)}
          onReleased={() => {
            setReleasing(null);
            log.reload();
          }}
        />
      )}
    </div>
  );
}
