import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { AnalysisConstraints } from '../analytics/analysis-constraints.tsx';
import { inSetupOrder } from '../analytics/analysis-format.ts';
import { AnalysisParties } from '../analytics/analysis-parties.tsx';
import { AnalysisPoints } from '../analytics/analysis-points.tsx';
import { AnalysisResults } from '../analytics/analysis-results.tsx';
import type { AnalysisRun, AnalysisSetup, PreferencesResponse } from '../analytics/api-types.ts';
import { ApiError, api } from '../api/client.ts';
import type { PlanResponse } from '../api/types.ts';
import { useResource } from '../api/use-resource.ts';
import { viewerCan } from '../auth/viewer.ts';
import { plural } from '../components/format.ts';
import { usePlanBreadcrumb } from '../components/plan-breadcrumb.ts';
import { ErrorBox, Loading } from '../components/status.tsx';
import { useLiveEvents } from '../live/use-live-events.ts';
import '../styles/analysis.css';

type RunState =
  | { state: 'idle' }
  | { state: 'running' }
  | { state: 'error'; error: ApiError }
  | { state: 'done'; run: AnalysisRun; at: Date };

/**
 * The mediator's analysis of a plan: which points are in play and with which options, the
 * constraints between them, who has given preferences, and — on demand — the efficient packages,
 * the four bargaining solutions with their ledgers, and applying one to the working draft.
 */
export default function AnalysisPage({ planId }: { planId: string }) {
  const setup = useResource<AnalysisSetup>(`/plans/${planId}/analysis/setup`);
  const viewer = setup.data?.viewer ?? null;
  const isMediator = viewerCan(viewer, 'analysis.run');
  const canManage = viewerCan(viewer, 'analysis.manage');
  const plan = useResource<PlanResponse>(setup.state === 'ready' && isMediator ? `/plans/${planId}` : null);
  const [run, setRun] = useState<RunState>({ state: 'idle' });
  const [reservations, setReservations] = useState<Record<string, number | undefined>>({});
  usePlanBreadcrumb(planId, setup.data?.plan, 'Analysis');
  useLiveEvents(setup.data?.plan.processId ?? null, (event) => {
    if (event.type === 'draft.changed' || event.type === 'resync') plan.reload();
  });

  const finished = run.state === 'done' ? run.run : null;
  // Reservation lines come from the preferences of the parties that share them with the mediator.
  useEffect(() => {
    if (finished === null) return;
    let live = true;
    const shared = finished.parties.filter((p) => p.shared);
    void Promise.all(
      shared.map((p) =>
        api
          .get<PreferencesResponse>(`/plans/${planId}/preferences/${p.id}`)
          .then((r) => [p.id, r.preferences?.reservation] as const)
          .catch(() => [p.id, undefined] as const),
      ),
    ).then((pairs) => {
      if (live) setReservations(Object.fromEntries(pairs));
    });
    return () => {
      live = false;
    };
  }, [finished, planId]);

  async function start() {
    setRun({ state: 'running' });
    try {
      const result = await api.post<AnalysisRun>(`/plans/${planId}/analysis/run`, {});
      setRun({ state: 'done', run: result, at: new Date() });
    } catch (err) {
      setRun({
        state: 'error',
        error:
          err instanceof ApiError ? err : new ApiError(0, 'client', 'The analysis could not run.', [], {}),
      });
    }
  }

  if (setup.state === 'loading') return <Loading label="Opening the analysis…" />;
  if (setup.state === 'error') return <ErrorBox error={setup.error} onRetry={setup.reload} />;
  const s = setup.data;

  if (!isMediator)
    return (
      <div className="analysis-page">
        <header className="page-head">
          <p className="eyebrow">Analysis</p>
          <h1>Packages every side can live with</h1>
        </header>
        <p className="empty">
          The analysis is run by the mediator team. Your party gives its preferences — privately — on{' '}
          <Link href={`/plans/${planId}/preferences`}>the preferences page</Link>.
        </p>
      </div>
    );

  const draft =
    plan.state === 'ready' ? { content: plan.data.content, revision: plan.data.plan.revision } : null;
  const withPreferences = s.parties.filter((p) => p.hasPreferences).length;
  const ready = s.points.length > 0 && withPreferences >= 2;

  return (
    <div className="analysis-page">
      <header className="page-head">
        <p className="eyebrow">Analysis</p>
        <h1>Packages every side can live with</h1>
        <p className="lead">
          Put contested points of the working draft into play with their alternative formulations. Each party
          scores them privately; the engine finds the efficient packages and the fair ones among them. You see
          a party’s numbers only if it shares them with you.
        </p>
      </header>

      <div className="analysis-setup">
        <section className="panel" aria-labelledby="points-title">
          <div className="section-head">
            <h2 id="points-title">Points in play</h2>
            <span className="muted small">{plural(s.points.length, 'point')}</span>
          </div>
          {plan.state === 'error' && <ErrorBox error={plan.error} onRetry={plan.reload} />}
          <AnalysisPoints
            planId={planId}
            points={s.points}
            draft={draft?.content ?? null}
            canManage={canManage}
            onChanged={setup.reload}
          />
        </section>
        <div className="analysis-side">
          <section className="panel" aria-labelledby="parties-title">
            <h2 id="parties-title">Parties</h2>
            <AnalysisParties planId={planId} parties={s.parties} />
          </section>
          <section className="panel" aria-labelledby="constraints-title">
            <h2 id="constraints-title">Constraints</h2>
            <AnalysisConstraints
              planId={planId}
              points={s.points}
              parties={s.parties}
              constraints={s.constraints}
              canManage={canManage}
              onChanged={setup.reload}
            />
          </section>
        </div>
      </div>

      <section className="panel results-panel" aria-labelledby="results-title">
        <div className="section-head">
          <h2 id="results-title">Results</h2>
          <button
            type="button"
            className="button button-primary"
            onClick={() => void start()}
            disabled={run.state === 'running' || !ready}
          >
            {run.state === 'running' ? 'Running…' : run.state === 'done' ? 'Run again' : 'Run analysis'}
          </button>
        </div>
        {!ready && (
          <p className="muted">
            {s.points.length === 0
              ? 'Add at least one point to the analysis first.'
              : `At least two parties must give preferences first (${withPreferences} so far).`}
          </p>
        )}
        {run.state === 'idle' && ready && (
          <p className="muted">Run the analysis to see the efficient packages for the current preferences.</p>
        )}
        {run.state === 'running' && <Loading label="Solving…" />}
        {run.state === 'error' && <ErrorBox error={run.error} title="The analysis could not run" />}
        {run.state === 'done' && (
          <>
            <p className="muted small" role="status">
              Run at {run.at.toLocaleTimeString()} on {plural(run.run.points.length, 'point')} and{' '}
              {plural(run.run.parties.length, 'party', 'parties')}; {run.run.frontierSize} efficient{' '}
              {run.run.frontierSize === 1 ? 'package' : 'packages'}
              {run.run.exact ? ', solved exactly' : ''}. Preferences changed since? Run again.
            </p>
            <AnalysisResults
              key={run.at.getTime()}
              planId={planId}
              run={inSetupOrder(
                run.run,
                s.points.map((p) => p.pointId),
              )}
              parties={s.parties}
              points={s.points}
              draft={draft}
              reservations={reservations}
              onApplied={plan.reload}
              onReloadDraft={plan.reload}
            />
          </>
        )}
      </section>
    </div>
  );
}
