import { useState } from 'react';
import { useResource } from '../api/use-resource.ts';
import { viewerCan } from '../auth/viewer.ts';
import { BriefMenu } from '../briefs/brief-menu.tsx';
import { usePlanBreadcrumb } from '../components/plan-breadcrumb.ts';
import { ErrorBox, Loading } from '../components/status.tsx';
import { useLiveEvents } from '../live/use-live-events.ts';
import { HeardChart } from '../positions/heard-chart.tsx';
import { HistoryPanel } from '../positions/history-panel.tsx';
import { MatrixFilters, matchesFilter, useMatrixFilter } from '../positions/matrix-filters.tsx';
import { PositionForm } from '../positions/position-form.tsx';
import { PositionsMatrix, type SelectedCell, StanceLegend } from '../positions/positions-matrix.tsx';
import type { PositionsMatrix as Matrix, PartySummary, PositionHistory } from '../positions/types.ts';
import '../styles/consult.css';
import '../styles/positions.css';

/**
 * The positions matrix of a plan: where each party stands on each point, contested points first,
 * a cell's history per version, a delegate's form to state their party's position, and how far
 * each side is heard.
 */
export default function PositionsPage({ planId }: { planId: string }) {
  const matrix = useResource<Matrix>(`/plans/${planId}/positions`);
  const summary = useResource<PartySummary>(`/plans/${planId}/positions/summary`);
  const [selected, setSelected] = useState<SelectedCell | null>(null);
  const history = useResource<PositionHistory>(
    selected
      ? `/plans/${planId}/positions/history?pointId=${encodeURIComponent(selected.pointId)}&partyId=${encodeURIComponent(selected.partyId)}`
      : null,
  );
  const [filter, setFilter] = useMatrixFilter();
  const data = matrix.data;
  const viewer = data?.viewer ?? null;
  const asMediator = viewerCan(viewer, 'draft.read');
  usePlanBreadcrumb(
    planId,
    data?.plan,
    'Positions',
    asMediator || !data?.reference.versionId
      ? `/plans/${planId}`
      : `/plans/${planId}/versions/${data.reference.versionId}`,
  );
  useLiveEvents(data?.plan.processId ?? null, (event) => {
    const all = event.type === 'resync';
    if (
      all ||
      event.type === 'position.changed' ||
      event.type === 'release.created' ||
      event.type === 'version.cut'
    ) {
      matrix.reload();
      if (selected) history.reload();
    }
    if (all || event.type === 'position.changed' || event.type === 'amendment.changed') summary.reload();
  });

  if (matrix.state === 'loading') return <Loading label="Opening the positions…" />;
  if (matrix.state === 'error') return <ErrorBox error={matrix.error} onRetry={matrix.reload} />;
  const m = matrix.data;
  const shown = m.points.filter((p) => matchesFilter(p, filter));
  const contested = m.points.filter((p) => p.contested).length;
  const tagLabel = (key: string) => m.tags.find((t) => t.key === key)?.label ?? key;
  const ownPartyId = viewer?.partyId;
  const canRecord = m.recordOn !== null && viewerCan(viewer, 'position.write', { partyId: ownPartyId ?? '' });
  const point = selected ? m.points.find((p) => p.id === selected.pointId) : undefined;
  const showForm =
    canRecord && m.recordOn !== null && point?.recordable === true && selected?.partyId === ownPartyId;

  return (
    <div className="positions-page">
      <header className="page-head">
        <p className="eyebrow">Positions</p>
        <h1>Where each party stands</h1>
        <p className="lead">
          {asMediator
            ? `The points of the working draft against every party’s current stance. ${contested} contested ${contested === 1 ? 'point is' : 'points are'} on top. Rationales show only where the party shared them with you.`
            : `The points of ${m.reference.label}, the newest text your party holds, with your party’s current stance. Only your party and the mediator see these positions.`}
          {canRecord && ' Choose a cell in your column to state or change your position.'}
        </p>
      </header>

      <div className="matrix-toolbar">
        <MatrixFilters
          filter={filter}
          onChange={setFilter}
          areas={m.areas}
          tags={m.tags}
          shown={shown.length}
          total={m.points.length}
        />
        <StanceLegend />
      </div>

      <div className={selected ? 'positions-layout with-side' : 'positions-layout'}>
        <section className="panel matrix-panel" aria-label="Positions matrix">
          {m.parties.length === 0 ? (
            <p className="empty">No party takes part in this process yet.</p>
          ) : shown.length === 0 ? (
            <p className="empty">No point matches the filter.</p>
          ) : (
            <PositionsMatrix
              points={shown}
              parties={m.parties}
              tagLabel={tagLabel}
              selected={selected}
              onSelect={setSelected}
              ownPartyId={canRecord ? ownPartyId : undefined}
            />
          )}
        </section>
        {selected && (
          <aside className="positions-side" aria-label="Position history">
            <HistoryPanel history={history} asMediator={asMediator} onClose={() => setSelected(null)}>
              {showForm && m.recordOn && point && (
                <PositionForm
                  key={`${point.id}|${point.cells[ownPartyId ?? '']?.id ?? 'none'}`}
                  planId={planId}
                  pointId={point.id}
                  pointNumber={point.number}
                  version={m.recordOn}
                  current={point.cells[ownPartyId ?? ''] ?? null}
                  onRecorded={() => {
                    matrix.reload();
                    history.reload();
                    summary.reload();
                  }}
                />
              )}
            </HistoryPanel>
          </aside>
        )}
      </div>

      <section className="panel heard-panel" aria-labelledby="heard-title">
        <h2 id="heard-title">How far each side is heard</h2>
        <p className="muted">
          {asMediator
            ? 'Per party: its amendments put to you, by outcome, and how often its stance on a point moved between versions.'
            : 'Your party’s amendments by outcome, and how often its stance on a point moved between versions.'}
        </p>
        {summary.state === 'loading' && <Loading label="Counting…" />}
        {summary.state === 'error' && <ErrorBox error={summary.error} onRetry={summary.reload} />}
        {summary.state === 'ready' && <HeardChart summary={summary.data} />}
      </section>

      <div className="panel">
        <BriefMenu planId={planId} viewer={viewer} parties={m.parties} />
      </div>
    </div>
  );
}
