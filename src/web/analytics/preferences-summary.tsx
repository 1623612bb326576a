import type { AnalysisPoint, PartyPreferences } from './api-types.ts';
import { OptionText, PointHead } from './preferences-parts.tsx';

/** A party's saved preferences to read, for its observers and monitors, or the mediator when shared. */
export function PreferencesSummary({
  points,
  preferences,
  partyName,
}: {
  points: AnalysisPoint[];
  preferences: PartyPreferences;
  partyName: string;
}) {
  const isRedLine = (pointId: string, optionId: string) =>
    preferences.redLines.some((r) => r.pointId === pointId && r.optionId === optionId);
  return (
    <div className="pref-summary">
      <section className="pref-section" aria-labelledby="pref-summary-title">
        <h2 id="pref-summary-title">Weights and scores</h2>
        <p className="hint">
          How {partyName} spread its 100 points over the points, and how it scored each option from 0 (worst)
          to 100 (best).
        </p>
        <div className="pref-points">
          {points.map((point) => {
            const weight = preferences.weights[point.pointId] ?? 0;
            return (
              <article key={point.pointId} className="pref-point" aria-label={`Point ${point.number}`}>
                <PointHead point={point} />
                <p className="pref-read-weight">
                  <span className="field-label">Weight</span> <strong>{weight}</strong> of 100 points
                  <span className="pref-bar" aria-hidden="true">
                    <span style={{ width: `${Math.min(100, Math.max(0, weight))}%` }} />
                  </span>
                </p>
                {point.good ? (
                  <p className="hint">A good: receiving it counts as 100, not receiving it as 0.</p>
                ) : (
                  <table className="table pref-read-table">
                    <thead>
                      <tr>
                        <th scope="col">Option</th>
                        <th scope="col">Score</th>
                        <th scope="col">Red line</th>
                      </tr>
                    </thead>
                    <tbody>
                      {point.options.map((option) => {
                        const score = preferences.scores[point.pointId]?.[option.id];
                        const redLine = isRedLine(point.pointId, option.id);
                        return (
                          <tr key={option.id} className={redLine ? 'red-lined' : undefined}>
                            <td>
                              <span className="pref-option-label">{option.label}</span>
                              <OptionText text={option.text} label={option.label} />
                            </td>
                            <td className="pref-read-score">{score ?? '—'}</td>
                            <td>
                              {redLine ? <strong>Cannot accept</strong> : <span className="muted">No</span>}
                            </td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                )}
              </article>
            );
          })}
        </div>
      </section>
      <section className="pref-section" aria-labelledby="pref-summary-reservation">
        <h2 id="pref-summary-reservation">Reservation level</h2>
        <p>
          No agreement is worth <strong>{preferences.reservation}</strong> of 100 to {partyName}: the analysis
          suggests only packages worth at least that much to it.
        </p>
        <p className="muted">
          {preferences.sharedWithMediator
            ? 'Shared with the mediator, who sees these values and what each package is worth to the party.'
            : 'Not shared with the mediator: sealed, used only by the analysis.'}
        </p>
      </section>
    </div>
  );
}
