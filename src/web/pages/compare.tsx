import { useSearchParams } from 'wouter';
import { useProcessTitle } from '../api/titles.ts';
import type { RedlineResponse, VersionsResponse } from '../api/types.ts';
import { useResource } from '../api/use-resource.ts';
import { viewerCan } from '../auth/viewer.ts';
import { ChangeList } from '../compare/change-list.tsx';
import { hasEdits } from '../compare/kinds.ts';
import { Segments } from '../compare/segments.tsx';
import { SummaryBar } from '../compare/summary-bar.tsx';
import { usePlanBreadcrumb } from '../components/plan-breadcrumb.ts';
import { ErrorBox, Loading } from '../components/status.tsx';
import '../styles/compare.css';

/** The redline between two texts of a plan (versions or the working draft). */
export default function ComparePage({ planId }: { planId: string }) {
  // The versions the reader may compare: all of them for the mediator team, the party's own otherwise.
  const plan = useResource<VersionsResponse>(`/plans/${planId}/versions`);
  const [params, setParams] = useSearchParams();
  const versions = plan.data?.items ?? [];
  const readsDraft = viewerCan(plan.data?.viewer, 'draft.read');
  const from = params.get('from') ?? (readsDraft ? versions[0]?.id : versions[1]?.id) ?? 'draft';
  const to = params.get('to') ?? (readsDraft ? 'draft' : (versions[0]?.id ?? 'draft'));
  const layout = params.get('layout') === 'side' ? 'side' : 'inline';
  const showUnchanged = params.get('unchanged') === '1';
  const same = from === to;
  const redline = useResource<RedlineResponse>(
    plan.state === 'ready' && !same
      ? `/plans/${planId}/redline?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`
      : null,
  );

  const newest = versions[0];
  usePlanBreadcrumb(
    planId,
    plan.data?.plan,
    'Compare',
    readsDraft || !newest ? `/plans/${planId}` : `/plans/${planId}/versions/${newest.id}`,
  );

  const update = (key: string, value: string | null) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value === null) next.delete(key);
        else next.set(key, value);
        if (!next.has('from')) next.set('from', from);
        if (!next.has('to')) next.set('to', to);
        return next;
      },
      { replace: true },
    );

  if (plan.state === 'loading') return <Loading />;
  if (plan.state === 'error') return <ErrorBox error={plan.error} onRetry={plan.reload} />;

  const options = [
    ...(readsDraft ? [{ id: 'draft', label: 'Working draft' }] : []),
    ...versions.map((v) => ({ id: v.id, label: v.label })),
  ];
  const picker = (key: 'from' | 'to', value: string, label: string) => (
    <label className="field inline-field">
      <span className="field-label">{label}</span>
      <select value={value} onChange={(e) => update(key, e.target.value)}>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <div className="compare-page">
      <header className="compare-head">
        <h1>Compare texts</h1>
        <div className="compare-controls">
          {picker('from', from, 'Old text')}
          <span className="arrow" aria-hidden="true">
            →
          </span>
          {picker('to', to, 'New text')}
          <fieldset className="segmented" aria-label="Layout">
            <legend className="visually-hidden">Layout</legend>
            <button type="button" aria-pressed={layout === 'inline'} onClick={() => update('layout', null)}>
              Inline
            </button>
            <button type="button" aria-pressed={layout === 'side'} onClick={() => update('layout', 'side')}>
              Side by side
            </button>
          </fieldset>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={showUnchanged}
              onChange={(e) => update('unchanged', e.target.checked ? '1' : null)}
            />
            Show unchanged
          </label>
        </div>
      </header>

      {same && <p className="empty">Pick two different texts to compare.</p>}
      {!same && redline.state === 'loading' && <Loading label="Comparing…" />}
      {!same && redline.state === 'error' && <ErrorBox error={redline.error} onRetry={redline.reload} />}
      {!same && redline.state === 'ready' && (
        <>
          <SummaryBar redline={redline.data.redline} />
          {hasEdits(redline.data.redline.title) && (
            <section className="head-change">
              <h2 className="head-change-label">Title</h2>
              <Segments segments={redline.data.redline.title} />
            </section>
          )}
          {hasEdits(redline.data.redline.preamble) && (
            <section className="head-change">
              <h2 className="head-change-label">Preamble</h2>
              <Segments segments={redline.data.redline.preamble} />
            </section>
          )}
          <h2 className="visually-hidden">Points</h2>
          <ChangeList
            changes={redline.data.redline.changes}
            layout={layout}
            showUnchanged={showUnchanged}
            fromLabel={redline.data.from.label}
            toLabel={redline.data.to.label}
          />
        </>
      )}
    </div>
  );
}
