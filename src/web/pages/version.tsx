import { Link } from 'wouter';
import { useProcessTitle } from '../api/titles.ts';
import type { PlanResponse, TaxonomyResponse, VersionResponse } from '../api/types.ts';
import { useResource } from '../api/use-resource.ts';
import { formatDateTime } from '../components/format.ts';
import { usePlanBreadcrumb } from '../components/plan-breadcrumb.ts';
import { PlanReader } from '../components/plan-reader.tsx';
import { ErrorBox, Loading } from '../components/status.tsx';
import { ExportMenu } from '../editor/export-menu.tsx';
import '../styles/editor.css';

/** One frozen version, read-only, with its provenance. */
export default function VersionPage({ planId, versionId }: { planId: string; versionId: string }) {
  const version = useResource<VersionResponse>(`/plans/${planId}/versions/${versionId}`);
  const plan = useResource<PlanResponse>(`/plans/${planId}`);
  const taxonomy = useResource<TaxonomyResponse>('/taxonomy');
  usePlanBreadcrumb(planId, plan.data?.plan, version.data?.version.label ?? 'Version');

  if (version.state === 'loading') return <Loading label="Opening the version…" />;
  if (version.state === 'error') return <ErrorBox error={version.error} onRetry={version.reload} />;
  const v = version.data.version;

  return (
    <div className="editor-layout version-layout">
      <div className="editor-main">
        <div className="draft-bar version-bar">
          <span className="draft-label">{v.label}</span>
          <span className="muted">read-only · frozen {formatDateTime(v.createdAt)}</span>
          <Link href={`/plans/${planId}`} className="push-right">
            Back to the working draft
          </Link>
        </div>
        <PlanReader content={version.data.content} taxonomy={taxonomy.data?.tags ?? []} />
      </div>
      <aside className="editor-side" aria-label="About this version">
        <section className="side-section">
          <h2 className="side-heading">About this version</h2>
          <dl className="facts">
            <dt>Author</dt>
            <dd>{v.author.name}</dd>
            <dt>Cut</dt>
            <dd>{formatDateTime(v.createdAt)}</dd>
            <dt>Points</dt>
            <dd>{v.pointCount}</dd>
            <dt>Content hash</dt>
            <dd>
              <code className="hash-full">{v.contentHash}</code>
            </dd>
          </dl>
          {v.note !== '' && <p className="version-note">{v.note}</p>}
          <p className="version-links">
            <Link href={`/plans/${planId}/compare?from=${v.id}&to=draft`}>
              Compare with the working draft
            </Link>
          </p>
        </section>
        <ExportMenu key={v.id} planId={planId} versions={plan.data?.versions ?? [v]} initial={v.id} />
      </aside>
    </div>
  );
}
