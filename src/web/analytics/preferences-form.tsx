import { type FormEvent, useEffect, useRef, useState } from 'react';
import { type ApiError, api, isApiError } from '../api/client.ts';
import { formatDateTime, plural } from '../components/format.ts';
import { InlineError } from '../components/status.tsx';
import type { AnalysisParty, AnalysisPoint, PartyPreferences, PreferencesResponse } from './api-types.ts';
import { PreferencesBudget } from './preferences-budget.tsx';
import { bodyOf, budgetOf, draftFrom, type PreferencesDraft, spreadEvenly } from './preferences-draft.ts';
import { PreferencesPoint } from './preferences-point.tsx';
import { checkDraft, type Problems, serverProblems } from './preferences-problems.ts';
import { PreferencesSettings } from './preferences-settings.tsx';

interface Props {
  planId: string;
  party: AnalysisParty;
  points: AnalysisPoint[];
  saved: PartyPreferences | null;
  onSaved: (preferences: PartyPreferences) => void;
}

/** A delegate's form for the party's sealed preferences over the analysis points it holds. */
export function PreferencesForm({ planId, party, points, saved, onSaved }: Props) {
  const [draft, setDraft] = useState<PreferencesDraft>(() => draftFrom(points, saved));
  const [base, setBase] = useState<number | undefined>(saved?.revision);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | string | undefined>();
  const [theirs, setTheirs] = useState<PartyPreferences | null | undefined>();
  const [done, setDone] = useState<string | undefined>();
  const summaryRef = useRef<HTMLDivElement>(null);
  const conflictRef = useRef<HTMLDivElement>(null);
  // Bumped when a save is refused, so the list of problems (or the conflict) is brought into view.
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (attempt === 0) return;
    (conflictRef.current ?? summaryRef.current)?.focus();
  }, [attempt]);

  const local: Problems = tried ? checkDraft(points, draft) : new Map();
  const fromServer: Problems = isApiError(failure) ? serverProblems(failure) : new Map();
  const problem = (field: string) => local.get(field) ?? fromServer.get(field);
  const all = new Map([...fromServer, ...local]);
  const { left } = budgetOf(draft);
  const path = `/plans/${planId}/preferences/${party.id}`;

  const change = (update: (d: PreferencesDraft) => PreferencesDraft) => {
    setDraft(update);
    setDone(undefined);
  };

  async function save(baseRevision: number | undefined) {
    setTried(true);
    setFailure(undefined);
    setDone(undefined);
    if (checkDraft(points, draft).size > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      const answer = await api.put<PreferencesResponse>(path, bodyOf(points, draft, baseRevision));
      if (answer.preferences !== null) {
        setBase(answer.preferences.revision);
        onSaved(answer.preferences);
      }
      setTheirs(undefined);
      setDone(`Saved at ${formatDateTime(answer.preferences?.updatedAt ?? new Date().toISOString())}.`);
    } catch (err) {
      if (isApiError(err) && err.status === 409) {
        // Someone of the party saved meanwhile: learn what they saved, keep what was typed.
        const current = await api.get<PreferencesResponse>(path).then(
          (r) => r.preferences,
          () => null,
        );
        setTheirs(current);
        setAttempt((n) => n + 1);
      } else {
        setFailure(isApiError(err) ? err : 'The preferences could not be saved. Try again.');
        if (isApiError(err) && err.errors.length > 0) setAttempt((n) => n + 1);
      }
    } finally {
      setBusy(false);
    }
  }

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void save(base);
  };
  const general =
    failure === undefined
      ? undefined
      : typeof failure === 'string'
        ? failure
        : failure.errors.length === 0
          ? failure.detail
          : undefined;

  return (
    <form className="pref-form" onSubmit={onSubmit} noValidate aria-label={`Preferences of ${party.name}`}>
      <section className="pref-section" aria-labelledby="pref-points-title">
        <div className="pref-section-head">
          <h2 id="pref-points-title">Weights and scores</h2>
          <p className="hint">
            Spread 100 points over the {plural(points.length, 'point')} by how much each matters to your
            party. Then score every option of a contested point from 0 (worst for you) to 100 (best), and mark
            the options your party cannot accept in any agreement.
          </p>
        </div>
        <PreferencesBudget
          left={left}
          strict={tried}
          problem={problem('weights')}
          onSpreadEvenly={() => change((d) => ({ ...d, weights: spreadEvenly(points) }))}
        />
        <div className="pref-points">
          {points.map((point) => (
            <PreferencesPoint
              key={point.pointId}
              point={point}
              draft={draft}
              onChange={change}
              problem={problem}
            />
          ))}
        </div>
      </section>

      <PreferencesSettings draft={draft} onChange={change} problem={problem} />

      {theirs !== undefined && (
        <div className="pref-conflict" role="alert" ref={conflictRef} tabIndex={-1}>
          <p className="error-box-title">Someone else saved these preferences while you were editing</p>
          <p>
            {theirs === null
              ? 'The saved preferences changed since you opened the form.'
              : `${theirs.updatedBy.name} saved them at ${formatDateTime(theirs.updatedAt)}.`}{' '}
            Your changes are still in the form and nothing of yours was saved. Keep yours to replace what they
            saved, or discard yours and load theirs.
          </p>
          <div className="button-row">
            <button
              type="button"
              className="button button-primary"
              disabled={busy}
              onClick={() => void save(theirs?.revision)}
            >
              Save mine over theirs
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                setDraft(draftFrom(points, theirs));
                setBase(theirs?.revision);
                if (theirs) onSaved(theirs);
                setTheirs(undefined);
                setTried(false);
              }}
            >
              Discard mine and load theirs
            </button>
          </div>
        </div>
      )}

      {all.size > 0 && (
        <div className="pref-problems" ref={summaryRef} tabIndex={-1} role="alert">
          <p className="error-box-title">
            {all.size === 1 ? 'One thing to fix before saving:' : `${all.size} things to fix before saving:`}
          </p>
          <ul>
            {[...all].map(([field, message]) => (
              <li key={field}>
                {where(field, points)}
                {message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <InlineError message={general} />

      <div className="pref-save-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save preferences'}
        </button>
        {done !== undefined && (
          <p className="ok-line" role="status">
            {done}
          </p>
        )}
        <p className="muted pref-save-note">
          Only your party{draft.shared ? ' and the mediator' : ''} will see what you save.
        </p>
      </div>
    </form>
  );
}

/** "Point 3, Option B: " in front of a problem, so the list says where to look. */
function where(field: string, points: AnalysisPoint[]): string {
  const [head, pointId, optionId] = field.split('.');
  if ((head !== 'weights' && head !== 'scores') || pointId === undefined) return '';
  const point = points.find((p) => p.pointId === pointId);
  if (point === undefined) return '';
  const option = point.options.find((o) => o.id === optionId);
  return option === undefined ? `Point ${point.number}: ` : `Point ${point.number}, ${option.label}: `;
}
