import { Fragment, useState } from 'react';
import { Link } from 'wouter';
import type { ConsultationLog, TaxonomyResponse, VersionResponse, VersionsResponse } from '../api/types.ts';
import { useResource } from '../api/use-resource.ts';
import { viewerCan } from '../auth/viewer.ts';
import { CommentsPanel } from '../comments/comments-panel.tsx';
import { useCommentReader } from '../comments/use-comment-reader.ts';
import { useComments } from '../comments/use-comments.ts';
import { formatDateTime } from '../components/format.ts';
import { usePlanBreadcrumb } from '../components/plan-breadcrumb.ts';
import { PlanReader } from '../components/plan-reader.tsx';
import { ErrorBox, Loading } from '../components/status.tsx';
import { ReleaseDialog } from '../consult/release-dialog.tsx';
import { ExportMenu } from '../editor/export-menu.tsx';
import { useLiveEvents } from '../live/use-live-events.ts';
import { PartyNotesPanel } from '../notes/party-notes-panel.tsx';
import { usePartyNotes } from '../notes/use-party-notes.ts';
import { HeldVersions, ReleaseFacts } from '../version/held-versions.tsx';
import '../styles/editor.css';
import '../styles/consult.css';

/** One frozen version, read-only, with its provenance, the reader's party notes and its releases. */
export default function VersionPage({ planId, versionId }: { planId: string; versionId: string }) {
  const version = useResource<VersionResponse>(`/plans/${planId}/versions/${versionId}`);
  const versions = useResource<VersionsResponse>(`/plans/${planId}/versions`);
  const taxonomy = useResource<TaxonomyResponse>('/taxonomy');
  const notes = usePartyNotes(planId);
  const comments = useComments(planId);
  const viewer = versions.data?.viewer;
  const readsDraft = viewerCan(viewer, 'draft.read');
  const processId = versions.data?.plan.processId;
  const commentReader = useCommentReader(processId, viewer);
  const log = useResource<ConsultationLog>(
    readsDraft && processId ? `/processes/${processId}/releases` : null,
  );
  const [releasing, setReleasing] = useState(false);
  const items = versions.data?.items ?? [];
  const newest = items[0];
  usePlanBreadcrumb(
    planId,
    versions.data?.plan,
    version.data?.version.label ?? 'Version',
    readsDraft || !newest ? `/plans/${planId}` : `/plans/${planId}/versions/${newest.id}`,
  );
  useLiveEvents(processId ?? null, (event) => {
    if (event.type === 'release.created' || event.type === 'version.cut' || event.type === 'resync') {
      versions.reload();
      log.reload();
    }
    if (event.type === 'note.changed' || event.type === 'resync') notes.reload();
    if (event.type === 'comment.changed' || event.type === 'resync') comments.reload();
  });

  if (version.state === 'loading') return <Loading label="Opening the version…" />;
  if (version.state === 'error') return <ErrorBox error={version.error} onRetry={version.reload} />;
  const v = version.data.version;
  const held = items.find((x) => x.id === v.id);
  const newer = newest && newest.id !== v.id && newest.seq > v.seq ? newest : undefined;
  const ownParty = viewer?.partyId;
  const canWriteNotes = viewerCan(viewer, 'note.write', {
    note: { partyId: ownParty ?? '', sharedWithMediator: false },
  });
  const holders = new Set(
    (log.data?.releases ?? []).filter((r) => r.versionId === v.id).map((r) => r.partyId),
  );

  return (
    <div className="editor-layout version-layout">
      <div className="editor-main">
        {newer && (
          <p className="release-banner" role="status">
            <span>
              <strong>{newer.label}</strong> is{' '}
              {readsDraft ? 'the newest version' : 'now available to your party'}.
            </span>
            <Link href={`/plans/${planId}/versions/${newer.id}`}>Open {newer.label}</Link>
          </p>
        )}
        <div className="draft-bar version-bar">
          <span className="draft-label">{v.label}</span>
          <span className="muted">read-only · frozen {formatDateTime(v.createdAt)}</span>
          {readsDraft && (
            <Link href={`/plans/${planId}`} className="push-right">
              Back to the working draft
            </Link>
          )}
        </div>
        <p className="print-notice">
          To print {v.label}, use “Print…” beside the text: printed copies are marked for their reader.
        </p>
        <PlanReader
          content={version.data.content}
          taxonomy={taxonomy.data?.tags ?? []}
          afterPoint={(p) => (
            <Fragment>
              <PartyNotesPanel
                pointId={p.id}
                pointNumber={p.number}
                notes={notes.byPoint.get(p.id) ?? []}
                actions={notes}
                ownPartyId={ownParty}
                canWrite={canWriteNotes}
                canShare={!readsDraft}
              />
              <CommentsPanel
                pointId={p.id}
                pointNumber={p.number}
                threads={comments.byPoint.get(p.id) ?? []}
                reader={commentReader}
                actions={comments}
              />
            </Fragment>
          )}
        />
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
          {held?.release && <ReleaseFacts release={held.release} />}
          {readsDraft && (
            <p className="version-links">
              <Link href={`/plans/${planId}/compare?from=${v.id}&to=draft`}>
                Compare with the working draft
              </Link>
            </p>
          )}
          {readsDraft && log.data && (
            <p>
              <button type="button" className="button" onClick={() => setReleasing(true)}>
                Release to parties…
              </button>{' '}
              <span className="muted">
                held by{' '}
                {holders.size === 0
                  ? 'no party yet'
                  : `${holders.size} of ${log.data.parties.length} parties`}
              </span>
            </p>
          )}
        </section>
        <HeldVersions planId={planId} versions={items} current={v.id} readsDraft={readsDraft} />
        <ExportMenu
          key={v.id}
          planId={planId}
          versions={items.length ? items : [v]}
          initial={v.id}
          includeDraft={readsDraft}
        />
      </aside>
      {releasing && log.data && (
        <ReleaseDialog
          planId={planId}
          version={v}
          parties={log.data.parties}
          holders={holders}
          onClose={() => setReleasing(false)}
          onReleased={() => {
            setReleasing(false);
            log.reload();
          }}
        />
      )}
    </div>
  );
}
