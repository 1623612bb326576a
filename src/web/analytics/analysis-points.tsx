import { useState } from 'react';
import type { PlanContent } from '../../domain/plans/plan.ts';
import { errorMessage } from '../api/api-error.ts';
import { api } from '../api/client.ts';
import { InlineError } from '../components/status.tsx';
import { AnalysisPointForm } from './analysis-point-form.tsx';
import type { AnalysisPoint } from './api-types.ts';

/**
 * The points taken into the analysis, each a good or a set of alternative formulations, and a way
 * to add another point of the working draft.
 */
export function AnalysisPoints({
  planId,
  points,
  draft,
  canManage,
  onChanged,
}: {
  planId: string;
  points: AnalysisPoint[];
  draft: PlanContent | null;
  canManage: boolean;
  onChanged: () => void;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState('');
  const [error, setError] = useState<string | undefined>();
  const taken = new Set(points.map((p) => p.pointId));
  const addable = draft?.points.filter((p) => !taken.has(p.id)) ?? [];
  const draftPoint = (id: string) => draft?.points.find((p) => p.id === id);
  const newPoint = adding !== '' ? draftPoint(adding) : undefined;

  async function remove(p: AnalysisPoint) {
    setError(undefined);
    try {
      await api.delete(`/plans/${planId}/analysis/points/${p.pointId}`);
      onChanged();
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <div className="analysis-points">
      {points.length === 0 ? (
        <p className="empty">
          No point is in the analysis yet. Add a contested point of the working draft below.
        </p>
      ) : (
        <ul className="analysis-point-list">
          {points.map((p) => (
            <li key={p.pointId} className="analysis-point">
              <div className="analysis-point-head">
                <h3>
                  Point {p.number}
                  {p.area && <span className="muted small"> · {p.area}</span>}
                </h3>
                <span className={p.good ? 'kind-badge kind-good' : 'kind-badge'}>
                  {p.good ? 'good — awarded to one party' : `${p.options.length} options`}
                </span>
                {canManage && editing !== p.pointId && (
                  <div className="button-row push-right">
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() => setEditing(p.pointId)}
                    >
                      Edit<span className="visually-hidden"> point {p.number}</span>
                    </button>
                    <button
                      type="button"
                      className="button button-quiet button-small"
                      onClick={() => void remove(p)}
                    >
                      Remove<span className="visually-hidden"> point {p.number} from the analysis</span>
                    </button>
                  </div>
                )}
              </div>
              <p className="excerpt">{p.excerpt}</p>
              {editing === p.pointId ? (
                <AnalysisPointForm
                  planId={planId}
                  pointId={p.pointId}
                  number={p.number}
                  currentText={draftPoint(p.pointId)?.text ?? ''}
                  initial={p}
                  onCancel={() => setEditing(null)}
                  onSaved={() => {
                    setEditing(null);
                    onChanged();
                  }}
                />
              ) : (
                !p.good && (
                  <ul className="option-summary">
                    {p.options.map((o) => (
                      <li key={o.id}>
                        <strong>{o.label}</strong>{' '}
                        <span className="muted">
                          {o.text.length > 160 ? `${o.text.slice(0, 159)}…` : o.text}
                        </span>
                      </li>
                    ))}
                  </ul>
                )
              )}
            </li>
          ))}
        </ul>
      )}
      <InlineError message={error} />
      {canManage && draft && (
        <div className="add-analysis-point">
          {newPoint ? (
            <div className="analysis-point">
              <h3>Add point {newPoint.number}</h3>
              <p className="excerpt">
                {newPoint.text.length > 220 ? `${newPoint.text.slice(0, 219)}…` : newPoint.text}
              </p>
              <AnalysisPointForm
                planId={planId}
                pointId={newPoint.id}
                number={newPoint.number}
                currentText={newPoint.text}
                initial={null}
                onCancel={() => setAdding('')}
                onSaved={() => {
                  setAdding('');
                  onChanged();
                }}
              />
            </div>
          ) : addable.length > 0 ? (
            <label className="field add-point-field">
              <span className="field-label">Add a point of the working draft</span>
              <select value="" onChange={(e) => setAdding(e.target.value)}>
                <option value="">Choose a point…</option>
                {addable.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.number}. {p.text.length > 80 ? `${p.text.slice(0, 79)}…` : p.text}
                    {p.status === 'contested' ? ' (contested)' : ''}
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <p className="muted small">Every point of the working draft is in the analysis.</p>
          )}
        </div>
      )}
    </div>
  );
}
