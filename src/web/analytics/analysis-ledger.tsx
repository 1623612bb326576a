import { CONCEPT_LABELS, choiceLabel } from './analysis-format.ts';
import type { AnalysisRun, RunExplanation, SolutionConcept } from './api-types.ts';

/**
 * Why the selected package looks as it does: per point, who gives and who gains against its own
 * ideal option (only parties that share with the mediator), the logrolling trades, and how stable
 * the recommendation is when the weights move by ±10%.
 */
export function PackageExplanation({ run, concept }: { run: AnalysisRun; concept: SolutionConcept }) {
  const solution = run.solutions[concept];
  const explanation = run.explanations[concept];
  if (!solution || !explanation) return <p className="empty">No explanation for this package.</p>;
  const shared = run.parties.filter((p) => p.shared);
  const sealed = run.parties.filter((p) => !p.shared);
  // The server leaves stability out when re-solving the perturbed instances would take too long.
  const stability = (explanation.stability as RunExplanation['stability'] | null) ?? null;
  const share = Math.round((stability?.share ?? 0) * 100);

  return (
    <div className="package-explanation">
      {stability ? (
        <p className="stability">
          <strong>Stability:</strong> stays the recommendation under <strong>{share}%</strong> of{' '}
          {stability.samples} random ±10% perturbations of the parties’ weights
          {share >= 80
            ? ' — robust.'
            : share >= 60
              ? ' — fairly robust.'
              : ' — fragile: small changes in weights change the answer.'}
        </p>
      ) : (
        <p className="stability muted">
          Stability not measured: this instance is too large to re-solve often enough in the time allowed.
        </p>
      )}

      <h3>Ledger: who gives, who gains</h3>
      {shared.length === 0 ? (
        <p className="empty">No party shares its preferences with you, so there is no ledger to show.</p>
      ) : (
        <div className="table-scroll">
          <table className="table ledger-table">
            <caption className="visually-hidden">
              Ledger of the {CONCEPT_LABELS[concept]} package against each party’s ideal option
            </caption>
            <thead>
              <tr>
                <th scope="col">Point</th>
                <th scope="col">Chosen</th>
                {shared.map((p) => (
                  <th scope="col" key={p.id}>
                    {p.code}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {explanation.ledger.map((line) => {
                const point = run.points.find((p) => p.pointId === line.pointId);
                return (
                  <tr key={line.pointId}>
                    <th scope="row">{point?.number ?? line.pointId}</th>
                    <td>{choiceLabel(run, line.pointId, line.optionId)}</td>
                    {shared.map((p) => {
                      const e = line.entries.find((x) => x.partyId === p.id);
                      if (!e)
                        return (
                          <td key={p.id} className="muted">
                            —
                          </td>
                        );
                      const gotIdeal = e.concession <= 1e-9;
                      return (
                        <td key={p.id} className={gotIdeal ? 'ledger-gain' : 'ledger-give'}>
                          {gotIdeal ? (
                            <>gets its ideal (+{e.value.toFixed(1)})</>
                          ) : (
                            <>
                              gives {e.concession.toFixed(1)}{' '}
                              <span className="muted small">
                                (wanted {choiceLabel(run, line.pointId, e.idealOptionId)})
                              </span>
                            </>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {sealed.length > 0 && (
        <p className="muted small">
          Not shown: {sealed.map((p) => p.name).join(', ')} — sealed preferences stay with the party.
        </p>
      )}

      <h3>Trades that make it efficient</h3>
      {explanation.trades.length === 0 ? (
        <p className="muted">No logrolling trade between parties that share with you.</p>
      ) : (
        <ul className="trade-list">
          {explanation.trades.map((t) => (
            <li key={t}>{t}</li>
          ))}
        </ul>
      )}
      <p className="muted small">
        Concessions are in utility points (0–100 scale, weighted by how much the party cares about the point).
        Each side’s ideal is its best option not ruled out by a red line.
      </p>
    </div>
  );
}
