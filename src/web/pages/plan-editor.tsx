import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import type { DraftOp } from '../../domain/plans/edit/draft-op.schema.ts';
import type { ProvisionTag } from '../../domain/plans/taxonomy.ts';
import { api } from '../api/client.ts';
import { useProcessTitle } from '../api/titles.ts';
import type { PlanResponse, TaxonomyResponse, VersionSummary } from '../api/types.ts';
import { useResource } from '../api/use-resource.ts';
import { CommentsPanel } from '../comments/comments-panel.tsx';
import { useCommentReader } from '../comments/use-comment-reader.ts';
import { useComments } from '../comments/use-comments.ts';
import { usePlanBreadcrumb } from '../components/plan-breadcrumb.ts';
import { ErrorBox, Loading } from '../components/status.tsx';
import { AddArea, AddPointButton } from '../editor/add-controls.tsx';
import { AreaHeading } from '../editor/area-heading.tsx';
import { ConflictPanel } from '../editor/conflict-panel.tsx';
import { CutVersionDialog } from '../editor/cut-version-dialog.tsx';
import { ExportMenu } from '../editor/export-menu.tsx';
import { NoteCard } from '../editor/note-card.tsx';
import { Outline } from '../editor/outline.tsx';
import { groupByArea, notesByAnchor } from '../editor/plan-groups.ts';
import { PlanHeadEditor } from '../editor/plan-head-editor.tsx';
import { PointCard } from '../editor/point-card.tsx';
import { moveOp, nextInArea } from '../editor/point-moves.ts';
import { SaveIndicator } from '../editor/save-indicator.tsx';
import { useDraft } from '../editor/use-draft.ts';
import { VersionHistory } from '../editor/version-history.tsx';
import { useLiveEvents } from '../live/use-live-events.ts';
import '../styles/editor.css';
import '../styles/live-editing.css';

export default function PlanEditorPage({ planId }: { planId: string }) {
  const plan = useResource<PlanResponse>(`/plans/${planId}`);
  const taxonomy = useResource<TaxonomyResponse>('/taxonomy');
  usePlanBreadcrumb(planId, plan.data?.plan);

  if (plan.state === 'loading') return <Loading label="Opening the plan…" />;
  if (plan.state === 'error') return <ErrorBox error={plan.error} onRetry={plan.reload} />;
  return <Editor key={planId} data={plan.data} taxonomy={taxonomy.data?.tags ?? []} />;
}

function Editor({ data, taxonomy }: { data: PlanResponse; taxonomy: ProvisionTag[] }) {
  const planId = data.plan.id;
  const draft = useDraft(planId, { content: data.content, revision: data.plan.revision });
  const { content } = draft;
  const [versions, setVersions] = useState<VersionSummary[]>(data.versions);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const [cutting, setCutting] = useState(false);
  const comments = useComments(planId);
  const commentReader = useCommentReader(data.plan.processId, undefined);
  const [refreshed, setRefreshed] = useState<string | null>(null);
  // The revision the open point form started from: its save is checked against it, so a change
  // someone else made to that point meanwhile is a conflict to resolve, not a silent overwrite.
  const editBase = useRef<number | null>(null);
  const keepConflictFocus = useRef(false);
  const startEditing = useCallback(
    (id: string | null) => {
      editBase.current = id === null ? null : draft.latestRevision();
      setEditingId(id);
    },
    [draft.latestRevision],
  );

  // New points open for editing straight away; split-off points take focus.
  const send = useCallback(
    async (op: DraftOp, baseRevision?: number) => {
      const before = new Set(draft.content.points.map((p) => p.id));
      const outcome = await draft.send(op, baseRevision);
      if (outcome.ok && (op.type === 'addPoint' || op.type === 'splitPoint')) {
        const created = outcome.content.points.find((p) => !before.has(p.id));
        if (created !== undefined) {
          if (op.type === 'addPoint') startEditing(created.id);
          else setFocusId(created.id);
        }
      }
      if (outcome.ok && op.type === 'movePoint') setFocusId(op.pointId);
      return outcome;
    },
    [draft.send, draft.content, startEditing],
  );
  /** What the open form sends: its first save from the revision it started at, later ones from ours. */
  const sendFromForm = useCallback(
    async (op: DraftOp) => {
      const outcome = await send(op, editBase.current ?? undefined);
      if (outcome.ok) editBase.current = null;
      // The form closes for the conflict view, which must keep the focus rather than the point.
      if (!outcome.ok && 'conflict' in outcome) keepConflictFocus.current = true;
      return outcome;
    },
    [send],
  );

  // Others' edits arrive live: take the newer draft, keep the point being edited open.
  const editingRef = useRef(editingId);
  editingRef.current = editingId;
  const pull = useCallback(async () => {
    const fresh = await api.get<PlanResponse>(`/plans/${planId}`).catch(() => null);
    if (fresh === null) return;
    setVersions(fresh.versions);
    const before = draft.content;
    if (!draft.refresh({ content: fresh.content, revision: fresh.plan.revision })) return;
    const open = editingRef.current;
    const mine = open === null ? undefined : before.points.find((p) => p.id === open);
    const theirs = open === null ? undefined : fresh.content.points.find((p) => p.id === open);
    const touched = mine !== undefined && JSON.stringify(mine) !== JSON.stringify(theirs);
    setRefreshed(
      touched
        ? `Changed by others — refreshed. Point ${theirs?.number ?? mine.number}, which you are editing, was changed too: saving will show both texts to merge.`
        : 'Changed by others — refreshed.',
    );
  }, [planId, draft.refresh, draft.content]);
  // The notice goes by itself after a while; the next refresh brings a new one.
  useEffect(() => {
    if (refreshed === null) return;
    const timer = setTimeout(() => setRefreshed(null), 15_000);
    return () => clearTimeout(timer);
  }, [refreshed]);
  useLiveEvents(data.plan.processId, (event) => {
    if (event.type === 'resync') {
      void pull();
      comments.reload();
    } else if (event.type === 'draft.changed' && event.planId === planId) {
      if (event.revision > draft.latestRevision()) void pull();
    } else if (event.type === 'version.cut' && event.planId === planId) {
      void pull();
    } else if (event.type === 'comment.changed' && event.planId === planId) {
      comments.reload();
    }
  });

  const jump = (pointId: string) => {
    document.getElementById(`point-${pointId}`)?.scrollIntoView({ block: 'start', behavior: 'smooth' });
    setFocusId(pointId);
  };
  const move = (pointId: string, direction: 'up' | 'down') => {
    const op = moveOp(content, pointId, direction);
    if (op !== null) void send(op);
  };

  const points = content.points;
  const notes = notesByAnchor(content);
  const notesAfter = (anchor: string | null) =>
    (notes.get(anchor) ?? []).map((n) => <NoteCard key={n.id} note={n} send={send} />);
  return (
    <div className="editor-layout">
      <aside className="editor-outline">
        <Outline content={content} onJump={jump} />
      </aside>
      <div className="editor-main">
        <div className="draft-bar">
          <span className="draft-label">Working draft</span>
          <span className="muted">revision {draft.revision}</span>
          <SaveIndicator state={draft.saveState} />
          {/* Always there, so that screen readers announce what arrives in it. */}
          <div className={refreshed === null ? 'visually-hidden' : 'refresh-notice'} role="status">
            {refreshed !== null && (
              <>
                {refreshed}{' '}
                <button type="button" className="link-button" onClick={() => setRefreshed(null)}>
                  Dismiss
                </button>
              </>
            )}
          </div>
          <Link
            href={`/plans/${planId}/compare?from=${versions[0]?.id ?? 'draft'}&to=draft`}
            className="push-right"
          >
            Compare…
          </Link>
        </div>
        {draft.conflict !== null && (
          <ConflictPanel
            conflict={draft.conflict}
            keepTheirs={draft.keepTheirs}
            resend={(op) => void draft.resendOnTheirs(op)}
          />
        )}
        <PlanHeadEditor key={`${content.title}\u0000${content.preamble}`} content={content} send={send} />
        {notesAfter(null)}
        {points.length === 0 && (
          <div className="empty-plan">
            <p>This plan has no points yet.</p>
            <AddPointButton send={send} afterPointId={null} areaId={null} label="Add the first point" />
          </div>
        )}
        {groupByArea(content).map((g) => (
          <section
            key={g.area?.id ?? '_none'}
            className="area"
            aria-label={g.area?.title ?? 'Before the first area'}
          >
            {g.area !== null && <AreaHeading area={g.area} pointCount={g.points.length} send={send} />}
            {g.points.map((p) => {
              const index = points.indexOf(p);
              return [
                <PointCard
                  key={p.id}
                  point={p}
                  taxonomy={taxonomy}
                  editing={editingId === p.id}
                  focusMe={focusId === p.id}
                  canMoveUp={index > 0}
                  canMoveDown={index < points.length - 1}
                  nextId={nextInArea(content, p.id)}
                  send={editingId === p.id ? sendFromForm : send}
                  onEdit={(on) => {
                    startEditing(on ? p.id : null);
                    if (!on && !keepConflictFocus.current) setFocusId(p.id);
                    keepConflictFocus.current = false;
                  }}
                  onMove={(d) => move(p.id, d)}
                  onFocused={() => setFocusId(null)}
                />,
                <CommentsPanel
                  key={`comments-${p.id}`}
                  pointId={p.id}
                  pointNumber={p.number}
                  threads={comments.byPoint.get(p.id) ?? []}
                  reader={commentReader}
                  actions={comments}
                />,
                ...notesAfter(p.id),
              ];
            })}
            {g.area !== null && (
              <AddPointButton
                send={send}
                afterPointId={g.points.at(-1)?.id ?? null}
                areaId={g.area.id}
                label={`Add point to “${g.area.title}”`}
              />
            )}
          </section>
        ))}
        <AddArea send={send} />
      </div>
      <aside className="editor-side" aria-label="Versions and export">
        <button type="button" className="button button-primary wide-button" onClick={() => setCutting(true)}>
          Cut version
        </button>
        <VersionHistory planId={planId} versions={versions} />
        <ExportMenu planId={planId} versions={versions} />
      </aside>
      {cutting && (
        <CutVersionDialog
          planId={planId}
          revision={draft.revision}
          onClose={() => setCutting(false)}
          onCut={(v) => {
            setVersions([v, ...versions]);
            setCutting(false);
          }}
        />
      )}
    </div>
  );
}
