import { useId } from 'react';
import { InlineError } from '../components/status.tsx';
import type { AnalysisPoint } from './api-types.ts';
import { everyOptionRedLined, type PreferencesDraft } from './preferences-draft.ts';
import { OptionText, PointHead } from './preferences-parts.tsx';

interface Props {
  point: AnalysisPoint;
  draft: PreferencesDraft;
  onChange: (change: (draft: PreferencesDraft) => PreferencesDraft) => void;
  /** The problem with a field, keyed like the server's field errors ("scores.<p>.<o>"). */
  problem: (field: string) => string | undefined;
}

/** One analysis point of the form: its weight, and for a contested point a score and red line per option. */
export function PreferencesPoint({ point, draft, onChange, problem }: Props) {
  const baseId = useId();
  const weightId = `${baseId}-weight`;
  const weight = draft.weights[point.pointId] ?? '';
  const weightProblem = problem(`weights.${point.pointId}`);
  const setWeight = (value: string) =>
    onChange((d) => ({ ...d, weights: { ...d.weights, [point.pointId]: value } }));
  const lines = draft.redLines[point.pointId] ?? [];
  const allRedLined = everyOptionRedLined(point, draft);
  const redLineProblem = problem(`redLines.${point.pointId}`);

  return (
    <fieldset className="pref-point" aria-describedby={`${baseId}-excerpt`}>
      <legend className="visually-hidden">Point {point.number}</legend>
      <PointHead point={point} excerptId={`${baseId}-excerpt`} />

      <div className="pref-weight">
        <label className="field-label" htmlFor={weightId}>
          Weight of point {point.number}
        </label>
        <input
          type="range"
          min={0}
          max={100}
          step={1}
          value={weight === '' ? 0 : Number(weight) || 0}
          aria-label={`Weight of point ${point.number}, slider`}
          onChange={(e) => setWeight(e.target.value)}
        />
        <span className="pref-number">
          <input
            id={weightId}
            type="number"
            inputMode="decimal"
            min={0}
            max={100}
            step="any"
            value={weight}
            placeholder="0"
            aria-invalid={weightProblem === undefined ? undefined : true}
            aria-describedby={weightProblem === undefined ? undefined : `${weightId}-error`}
            onChange={(e) => setWeight(e.target.value)}
          />
          <span aria-hidden="true">points</span>
        </span>
      </div>
      <InlineError message={weightProblem} id={`${weightId}-error`} />

      {point.good ? (
        <p className="hint pref-good-note">
          This point is a <strong>good</strong>: it goes to one party as a whole, so there is nothing to
          score. Receiving it counts as 100 for your party, not receiving it as 0; its weight says how much it
          matters to you.
        </p>
      ) : (
        <ul className="pref-options" aria-label={`Options for point ${point.number}`}>
          {point.options.map((option) => {
            const field = `scores.${point.pointId}.${option.id}`;
            const scoreId = `${baseId}-${option.id}`;
            const scoreProblem = problem(field);
            const redLined = lines.includes(option.id);
            return (
              <li key={option.id} className={redLined ? 'pref-option red-lined' : 'pref-option'}>
                <div className="pref-option-text">
                  <p className="pref-option-label">{option.label}</p>
                  <OptionText text={option.text} label={option.label} />
                </div>
                <div className="pref-option-inputs">
                  <label className="field pref-score" htmlFor={scoreId}>
                    <span className="field-label">
                      Score{' '}
                      <span className="visually-hidden">
                        for {option.label} on point {point.number}
                      </span>
                      <span className="muted"> (0–100)</span>
                    </span>
                    <input
                      id={scoreId}
                      type="number"
                      inputMode="decimal"
                      min={0}
                      max={100}
                      step="any"
                      value={draft.scores[point.pointId]?.[option.id] ?? ''}
                      aria-invalid={scoreProblem === undefined ? undefined : true}
                      aria-describedby={scoreProblem === undefined ? undefined : `${scoreId}-error`}
                      onChange={(e) => {
                        const value = e.target.value;
                        onChange((d) => ({
                          ...d,
                          scores: {
                            ...d.scores,
                            [point.pointId]: { ...d.scores[point.pointId], [option.id]: value },
                          },
                        }));
                      }}
                    />
                  </label>
                  <label className="checkbox pref-red-line">
                    <input
                      type="checkbox"
                      checked={redLined}
                      onChange={(e) => {
                        const on = e.target.checked;
                        onChange((d) => {
                          const current = d.redLines[point.pointId] ?? [];
                          const next = on
                            ? [...current, option.id]
                            : current.filter((id) => id !== option.id);
                          return { ...d, redLines: { ...d.redLines, [point.pointId]: next } };
                        });
                      }}
                    />
                    <span>
                      Red line: we cannot accept this
                      <span className="visually-hidden"> ({option.label})</span>
                    </span>
                  </label>
                  <InlineError message={scoreProblem} id={`${scoreId}-error`} />
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {allRedLined && (
        <p className="pref-warning" role="alert">
          Every option of point {point.number} is a red line. No package could then satisfy your party, and
          the form cannot be saved: leave at least one option you could accept.
        </p>
      )}
      {!allRedLined && <InlineError message={redLineProblem} />}
    </fieldset>
  );
}
