import { useState } from 'react';
import type { PlanContent } from '../../domain/plans/plan.ts';
import { errorMessage } from '../api/api-error.ts';
import { api, isApiError } from '../api/client.ts';
import { Dialog } from '../components/dialog.tsx';
import { InlineError } from '../components/status.tsx';
import { CONCEPT_LABELS } from './analysis-format.ts';
import type { AnalysisPoint, ApplyPackageResponse, RunSolution, SolutionConcept } from './api-types.ts';

interface Change {
  pointId: string;
  number: string;
  label: string;
}

/** The points whose draft text the package would replace (goods have no text; equal texts stay). */
export function changesOf(solution: RunSolution, points: AnalysisPoint[], draft: PlanContent): Change[] {
  return points.flatMap((p) => {
    if (p.good) return [];
    const option = p.options.find((o) => o.id === solution.choice[p.pointId]);
    const current = draft.points.find((d) => d.id === p.pointId);
    if (!option || !current || current.text === option.text) return [];
    return [{ pointId: p.pointId, number: current.number, label: option.label }];
  });
}

/**
 * "Apply this package to the working draft": lists the points that will change, then sets each
 * one's text to the chosen option in one draft revision. A draft changed meanwhile is a 409: the
 * dialog says so and offers to reload.
 */
export function ApplyDialog({
  planId,
  concept,
  solution,
  points,
  draft,
  revision,
  onClose,
  onApplied,
  onReload,
}: {
  planId: string;
  concept: SolutionConcept;
  solution: RunSolution;
  points: AnalysisPoint[];
  draft: PlanContent;
  revision: number;
  onClose: () => void;
  onApplied: (revision: number) => void;
  onReload: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [conflict, setConflict] = useState(false);
  const changes = changesOf(solution, points, draft);
  const choice = Object.fromEntries(
    points
      .filter((p) => !p.good && solution.choice[p.pointId] !== undefined)
      .map((p) => [p.pointId, solution.choice[p.pointId] as string]),
  );

  async function apply() {
    setBusy(true);
    setError(undefined);
    try {
      const res = await api.post<ApplyPackageResponse>(`/plans/${planId}/analysis/apply`, {
        choice,
        baseRevision: revision,
      });
      onApplied(res.revision);
    } catch (err) {
      if (isApiError(err, 'draft.conflict') || (isApiError(err) && err.status === 409)) setConflict(true);
      else setError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <Dialog
      title={`Apply the ${CONCEPT_LABELS[concept]} package`}
      onClose={onClose}
      footer={
        conflict || changes.length === 0 ? (
          <div className="button-row">
            {conflict && (
              <button type="button" className="button button-primary" onClick={onReload}>
                Reload the draft
              </button>
            )}
            <button type="button" className="button button-quiet" onClick={onClose}>
              {conflict ? 'Cancel' : 'Close'}
            </button>
          </div>
        ) : (
          <div className="button-row">
            <button
              type="button"
              className="button button-primary"
              disabled={busy}
              onClick={() => void apply()}
            >
              {busy ? 'Applying…' : `Change ${changes.length} ${changes.length === 1 ? 'point' : 'points'}`}
            </button>
            <button type="button" className="button button-quiet" onClick={onClose}>
              Cancel
            </button>
          </div>
        )
      }
    >
      {conflict ? (
        <div className="error-box" role="alert">
          <p className="error-box-title">The draft changed</p>
          <p>
            Someone edited the working draft since this page loaded it. Reload the draft, check the points
            again, then apply.
          </p>
        </div>
      ) : changes.length === 0 ? (
        <p>The working draft already has this package’s texts. Nothing would change.</p>
      ) : (
        <>
          <p>These points of the working draft get the text of the chosen option, all in one revision:</p>
          <ul className="apply-list">
            {changes.map((c) => (
              <li key={c.pointId}>
                <strong>Point {c.number}</strong> → {c.label}
              </li>
            ))}
          </ul>
          <p className="muted small">Parties see the new text only once you cut and release a version.</p>
        </>
      )}
      <InlineError message={error} />
    </Dialog>
  );
}
