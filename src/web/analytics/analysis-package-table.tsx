import { CONCEPT_HINTS, CONCEPT_LABELS, CONCEPTS, choiceLabel, formatUtility } from './analysis-format.ts';
import type { AnalysisRun, SolutionConcept } from './api-types.ts';

/**
 * One row per bargaining concept: the option chosen on each point, each party's utility (or
 * "sealed"), the properties the concept guarantees and whether the answer is exact or bounded.
 * It is also the text alternative of the chart.
 */
export function PackageTable({
  run,
  selected,
  onSelect,
}: {
  run: AnalysisRun;
  selected: SolutionConcept | null;
  onSelect: (concept: SolutionConcept) => void;
}) {
  return (
    <div className="table-scroll">
      <table className="table package-table">
        <caption className="visually-hidden">Suggested packages, one row per bargaining concept</caption>
        <thead>
          <tr>
            <th scope="col">Package</th>
            {run.points.map((p) => (
              <th scope="col" key={p.pointId}>
                Point {p.number}
              </th>
            ))}
            {run.parties.map((p) => (
              <th scope="col" key={p.id} className="num">
                {p.code}
              </th>
            ))}
            <th scope="col">Properties</th>
            <th scope="col">Solved</th>
          </tr>
        </thead>
        <tbody>
          {CONCEPTS.map((c) => {
            const s = run.solutions[c];
            return (
              <tr key={c} className={selected === c ? 'selected-row' : undefined}>
                <th scope="row">
                  <button
                    type="button"
                    className="link-button"
                    aria-pressed={selected === c}
                    onClick={() => onSelect(c)}
                    disabled={s === null}
                  >
                    {CONCEPT_LABELS[c]}
                  </button>
                  <span className="muted small concept-hint">{CONCEPT_HINTS[c]}</span>
                </th>
                {s === null ? (
                  <td colSpan={run.points.length + run.parties.length + 2} className="muted">
                    No package every side can accept.
                  </td>
                ) : (
                  <>
                    {run.points.map((p) => (
                      <td key={p.pointId}>{choiceLabel(run, p.pointId, s.choice[p.pointId])}</td>
                    ))}
                    {run.parties.map((p) => (
                      <td key={p.id} className={s.utility[p.id] === null ? 'num sealed-cell' : 'num'}>
                        {formatUtility(s.utility[p.id])}
                      </td>
                    ))}
                    <td className="small">{s.properties.join(', ')}</td>
                    <td className="small">
                      {s.exact
                        ? 'exact'
                        : s.bound
                          ? `within ${s.bound.value.toFixed(2)} of the best ${s.bound.on}`
                          : 'best found'}
                    </td>
                  </>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
