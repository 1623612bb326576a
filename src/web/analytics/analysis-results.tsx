import { useState } from 'react';
import type { PlanContent } from '../../domain/plans/plan.ts';
import { ApplyDialog } from './analysis-apply.tsx';
import { CONCEPT_LABELS, CONCEPTS } from './analysis-format.ts';
import { PackageExplanation } from './analysis-ledger.tsx';
import { PackageTable } from './analysis-package-table.tsx';
import { FrontierParallel } from './analysis-parallel.tsx';
import { FrontierScatter } from './analysis-scatter.tsx';
import type { AnalysisParty, AnalysisPoint, AnalysisRun, SolutionConcept } from './api-types.ts';

type View = 'scatter' | 'parallel';

/**
 * The answer of a run: which parties were left out, the frontier chart (a scatter for two parties
 * with numbers, parallel axes for more), the package table, the selected package's ledger, and
 * "Apply this package to the working draft".
 */
export function AnalysisResults({
  planId,
  run,
  parties,
  points,
  draft,
  reservations,
  onApplied,
  onReloadDraft,
}: {
  planId: string;
  run: AnalysisRun;
  parties: AnalysisParty[];
  points: AnalysisPoint[];
  draft: { content: PlanContent; revision: number } | null;
  reservations: Record<string, number | undefined>;
  onApplied: () => void;
  onReloadDraft: () => void;
}) {
  const first = CONCEPTS.find((c) => run.solutions[c] !== null) ?? null;
  const [selected, setSelected] = useState<SolutionConcept | null>(first);
  const [applying, setApplying] = useState(false);
  const [applied, setApplied] = useState<string | null>(null);
  const shared = run.parties.filter((p) => p.shared);
  const sealed = run.parties.filter((p) => !p.shared);
  const [view, setView] = useState<View>(
    run.parties.length === 2 && shared.length === 2 ? 'scatter' : 'parallel',
  );
  const [xId, setXId] = useState(shared[0]?.id ?? '');
  const [yId, setYId] = useState(shared[1]?.id ?? '');
  const xParty = shared.find((p) => p.id === xId);
  const yParty = shared.find((p) => p.id === yId && p.id !== xId);
  const missingNames = run.missing.map((id) => parties.find((p) => p.id === id)?.name ?? id);
  const solution = selected ? run.solutions[selected] : null;
  const anySolution = CONCEPTS.some((c) => run.solutions[c] !== null);

  return (
    <div className="analysis-results">
      {run.missing.length > 0 && (
        <p className="notice">
          <strong>Left out of this run:</strong> {missingNames.join(', ')} — no preferences recorded yet. The
          packages below count only the {run.parties.length} parties that gave theirs.
        </p>
      )}
      {!run.exact && (
        <p className="notice">
          The instance was too large to solve exactly in the time limit: packages marked “within …” carry a
          proven bound on how far from the best they can be.
        </p>
      )}
      {!anySolution ? (
        <p className="empty">
          No package respects every red line and constraint while leaving each party at or above its
          reservation level. Look at the red lines and reservations with the parties, or add options.
        </p>
      ) : (
        <>
          <section aria-labelledby="frontier-title" className="frontier-section">
            <div className="section-head">
              <h3 id="frontier-title">Efficient packages</h3>
              {shared.length >= 2 && run.parties.length > 2 && (
                <fieldset className="view-switch">
                  <legend className="visually-hidden">Chart</legend>
                  <label>
                    <input
                      type="radio"
                      name="frontier-view"
                      checked={view === 'parallel'}
                      onChange={() => setView('parallel')}
                    />{' '}
                    All parties (parallel axes)
                  </label>
                  <label>
                    <input
                      type="radio"
                      name="frontier-view"
                      checked={view === 'scatter'}
                      onChange={() => setView('scatter')}
                    />{' '}
                    Two parties (scatter)
                  </label>
                </fieldset>
              )}
            </div>
            {view === 'scatter' && shared.length > 2 && (
              <div className="axis-pickers">
                <label className="field">
                  <span className="field-label">Across</span>
                  <select
                    value={xId}
                    onChange={(e) => {
                      const next = e.target.value;
                      setXId(next);
                      if (next === yId) setYId(shared.find((p) => p.id !== next)?.id ?? '');
                    }}
                  >
                    {shared.map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.name}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="field">
                  <span className="field-label">Up</span>
                  <select value={yId} onChange={(e) => setYId(e.target.value)}>
                    {shared
                      .filter((p) => p.id !== xId)
                      .map((p) => (
                        <option key={p.id} value={p.id}>
                          {p.name}
                        </option>
                      ))}
                  </select>
                </label>
              </div>
            )}
            {view === 'scatter' && xParty && yParty ? (
              <FrontierScatter
                run={run}
                xParty={xParty}
                yParty={yParty}
                reservations={reservations}
                selected={selected}
                onSelect={setSelected}
                sealedParties={[...sealed, ...shared.filter((p) => p !== xParty && p !== yParty)]}
              />
            ) : (
              <FrontierParallel
                run={run}
                reservations={reservations}
                selected={selected}
                onSelect={setSelected}
              />
            )}
          </section>

          <section aria-labelledby="packages-title">
            <h3 id="packages-title">Suggested packages</h3>
            <p className="muted small">Choose a package to see its ledger and to apply it.</p>
            <PackageTable run={run} selected={selected} onSelect={setSelected} />
          </section>

          {selected && solution && (
            <section aria-labelledby="ledger-title" className="ledger-section">
              <div className="section-head">
                <h3 id="ledger-title">The {CONCEPT_LABELS[selected]} package</h3>
                {draft && (
                  <button type="button" className="button button-primary" onClick={() => setApplying(true)}>
                    Apply this package to the working draft
                  </button>
                )}
              </div>
              {applied && (
                <p className="ok-line" role="status">
                  {applied}
                </p>
              )}
              <PackageExplanation run={run} concept={selected} />
            </section>
          )}
        </>
      )}
      {applying && selected && solution && draft && (
        <ApplyDialog
          planId={planId}
          concept={selected}
          solution={solution}
          points={points}
          draft={draft.content}
          revision={draft.revision}
          onClose={() => setApplying(false)}
          onApplied={(revision) => {
            setApplying(false);
            setApplied(`Applied to the working draft (revision ${revision}).`);
            onApplied();
          }}
          onReload={() => {
            setApplying(false);
            onReloadDraft();
          }}
        />
      )}
    </div>
  );
}
