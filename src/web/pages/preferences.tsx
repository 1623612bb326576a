import { Link, useSearchParams } from 'wouter';
import type { AnalysisParty, AnalysisSetup, PreferencesResponse } from '../analytics/api-types.ts';
import { PreferencesForm } from '../analytics/preferences-form.tsx';
import { PreferencesSummary } from '../analytics/preferences-summary.tsx';
import { useResource } from '../api/use-resource.ts';
import { viewerCan } from '../auth/viewer.ts';
import { formatDateTime } from '../components/format.ts';
import { usePlanBreadcrumb } from '../components/plan-breadcrumb.ts';
import { ErrorBox, Loading } from '../components/status.tsx';
import '../styles/preferences.css';

/**
 * A party's sealed preferences over the analysis points it holds: its delegates fill the form, its
 * other members read it, the mediator reads it only where the party shares it.
 */
export default function PreferencesPage({ planId }: { planId: string }) {
  const setup = useResource<AnalysisSetup>(`/plans/${planId}/analysis/setup`);
  const [params, setParams] = useSearchParams();
  const data = setup.data;
  const viewer = data?.viewer ?? null;
  const asMediator = viewer?.role === 'mediator';
  const partyId = asMediator ? (params.get('party') ?? '') : (viewer?.partyId ?? '');
  const party = data?.parties.find((p) => p.id === partyId);
  const readable = party !== undefined && viewerCan(viewer, 'preferences.read', { record: recordOf(party) });
  const preferences = useResource<PreferencesResponse>(
    readable ? `/plans/${planId}/preferences/${encodeURIComponent(partyId)}` : null,
  );
  usePlanBreadcrumb(
    planId,
    data?.plan,
    'Preferences',
    asMediator || data === undefined ? `/plans/${planId}` : `/processes/${data.plan.processId}`,
  );

  if (setup.state === 'loading') return <Loading label="Opening the preferences…" />;
  if (setup.state === 'error') return <ErrorBox error={setup.error} onRetry={setup.reload} />;
  const { points, parties } = setup.data;
  const canWrite = party !== undefined && viewerCan(viewer, 'preferences.write', { partyId: party.id });

  return (
    <div className="preferences-page">
      <header className="page-head">
        <p className="eyebrow">Preferences{party ? ` · ${party.name}` : ''}</p>
        <h1>{asMediator ? 'The parties’ preferences' : 'Your party’s preferences'}</h1>
        <p className="lead">
          {asMediator
            ? 'What each party told the analysis: weights, option scores, red lines and reservation level. You see a party’s values only where it chose to share them with you; the others are sealed.'
            : canWrite
              ? 'Tell the analysis what matters to your party, so the mediator can look for packages every side can live with. Only your party sees these values, and the mediator only if you share them. Other parties never see them.'
              : 'What your party’s delegates told the analysis. Only your party sees these values, and the mediator only if the delegates share them.'}
        </p>
      </header>

      {asMediator && (
        <PartyChooser
          parties={parties}
          chosen={partyId}
          onChoose={(id) => setParams({ party: id }, { replace: true })}
          planId={planId}
        />
      )}

      {asMediator && party === undefined ? null : party === undefined ? (
        <p className="empty">
          You are not a member of a party in this process, so there are no preferences to show.
        </p>
      ) : !readable ? (
        <Sealed party={party} />
      ) : points.length === 0 ? (
        <p className="empty">
          {asMediator
            ? 'No point is in the analysis yet. Define the analysis points on the analysis page first.'
            : 'The mediator has not put any point your party holds into the analysis yet. Once there are, you can give your preferences here.'}
        </p>
      ) : preferences.state === 'loading' ? (
        <Loading label="Opening the saved preferences…" />
      ) : preferences.state === 'error' ? (
        <ErrorBox error={preferences.error} onRetry={preferences.reload} />
      ) : (
        <>
          {(canWrite || preferences.data.preferences !== null) && (
            <SavedLine preferences={preferences.data.preferences} />
          )}
          {canWrite ? (
            <PreferencesForm
              key={party.id}
              planId={planId}
              party={party}
              points={points}
              saved={preferences.data.preferences}
              onSaved={(p) => preferences.set({ preferences: p })}
            />
          ) : preferences.data.preferences === null ? (
            <p className="empty">
              {party.name}’s delegates have not given preferences yet. Only delegates can fill them in.
            </p>
          ) : (
            <PreferencesSummary
              points={points}
              preferences={preferences.data.preferences}
              partyName={party.name}
            />
          )}
        </>
      )}
    </div>
  );
}

function recordOf(party: AnalysisParty) {
  return { partyId: party.id, sharedWithMediator: party.sharedWithMediator };
}

function SavedLine({ preferences }: { preferences: PreferencesResponse['preferences'] }) {
  return (
    <p className="muted pref-saved-line">
      {preferences === null
        ? 'Nothing saved yet.'
        : `Last saved by ${preferences.updatedBy.name}, ${formatDateTime(preferences.updatedAt)}.`}
    </p>
  );
}

function Sealed({ party }: { party: AnalysisParty }) {
  return (
    <section className="pref-sealed" aria-labelledby="pref-sealed-title">
      <h2 id="pref-sealed-title">{party.name}’s preferences are sealed</h2>
      <p>
        {party.hasPreferences
          ? `${party.name} has given its preferences but has not shared them with you. The analysis uses them to find packages; you see those packages, with this party’s values marked “sealed”, never its weights, scores, red lines or reservation level.`
          : `${party.name} has not given its preferences yet. When it does, they stay sealed unless it chooses to share them with you.`}
      </p>
    </section>
  );
}

function PartyChooser({
  parties,
  chosen,
  onChoose,
  planId,
}: {
  parties: AnalysisParty[];
  chosen: string;
  onChoose: (partyId: string) => void;
  planId: string;
}) {
  return (
    <nav className="pref-parties panel" aria-label="Parties">
      <ul>
        {parties.map((p) => (
          <li key={p.id}>
            <button
              type="button"
              className={p.id === chosen ? 'pref-party chosen' : 'pref-party'}
              aria-current={p.id === chosen ? 'true' : undefined}
              onClick={() => onChoose(p.id)}
            >
              <span className="swatch" style={{ background: p.colour }} aria-hidden="true" />
              <span className="pref-party-name">{p.name}</span>
              <span className="pref-party-state">
                {!p.hasPreferences ? 'Not given yet' : p.sharedWithMediator ? 'Shared with you' : 'Sealed'}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <p className="hint">
        Choose a party to read its preferences. To run the analysis, open the{' '}
        <Link href={`/plans/${planId}/analysis`}>analysis page</Link>.
      </p>
    </nav>
  );
}
