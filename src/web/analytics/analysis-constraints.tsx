import { useState } from 'react';
import { errorMessage } from '../api/api-error.ts';
import { api } from '../api/client.ts';
import { InlineError } from '../components/status.tsx';
import type {
  AnalysisConstraint,
  AnalysisParty,
  AnalysisPoint,
  ConstraintKind,
  OptionRef,
  PutConstraintsBody,
  PutConstraintsResponse,
} from './api-types.ts';

type Rule = { kind: ConstraintKind; option: OptionRef; other: OptionRef };

const refKey = (r: OptionRef) => `${r.pointId}::${r.optionId}`;
const parseRef = (key: string): OptionRef | null => {
  const [pointId, optionId] = key.split('::');
  return pointId && optionId ? { pointId, optionId } : null;
};

/** Every option of every analysis point as a choosable reference; a good's options are the parties. */
function choices(points: AnalysisPoint[], parties: AnalysisParty[]) {
  return points.map((p) => ({
    point: p,
    options: p.good
      ? parties.map((party) => ({
          ref: { pointId: p.pointId, optionId: party.id },
          label: `awarded to ${party.code}`,
        }))
      : p.options.map((o) => ({ ref: { pointId: p.pointId, optionId: o.id }, label: o.label })),
  }));
}

/**
 * Rules between options of different points: "option X requires option Y" and "X excludes Y".
 * The list is saved as a whole.
 */
export function AnalysisConstraints({
  planId,
  points,
  parties,
  constraints,
  canManage,
  onChanged,
}: {
  planId: string;
  points: AnalysisPoint[];
  parties: AnalysisParty[];
  constraints: AnalysisConstraint[];
  canManage: boolean;
  onChanged: () => void;
}) {
  const groups = choices(points, parties);
  const [option, setOption] = useState('');
  const [kind, setKind] = useState<ConstraintKind>('requires');
  const [other, setOther] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const describe = (r: OptionRef) => {
    const g = groups.find((x) => x.point.pointId === r.pointId);
    const o = g?.options.find((x) => x.ref.optionId === r.optionId);
    return `point ${g?.point.number ?? '?'}: ${o?.label ?? 'removed option'}`;
  };

  async function save(next: Rule[]) {
    setBusy(true);
    setError(undefined);
    try {
      const body: PutConstraintsBody = { constraints: next };
      await api.put<PutConstraintsResponse>(`/plans/${planId}/analysis/constraints`, body);
      setOption('');
      setOther('');
      onChanged();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }
  const current: Rule[] = constraints.map(({ kind: k, option: o, other: t }) => ({
    kind: k,
    option: o,
    other: t,
  }));
  const a = parseRef(option);
  const b = parseRef(other);

  const select = (value: string, onChange: (v: string) => void, label: string, excludePoint?: string) => (
    <label className="field">
      <span className="field-label">{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">Choose an option…</option>
        {groups
          .filter((g) => g.point.pointId !== excludePoint)
          .map((g) => (
            <optgroup key={g.point.pointId} label={`Point ${g.point.number}`}>
              {g.options.map((o) => (
                <option key={refKey(o.ref)} value={refKey(o.ref)}>
                  {g.point.number}: {o.label}
                </option>
              ))}
            </optgroup>
          ))}
      </select>
    </label>
  );

  return (
    <div className="analysis-constraints">
      {constraints.length === 0 ? (
        <p className="muted">No constraint: any combination of options is possible.</p>
      ) : (
        <ul className="constraint-list">
          {constraints.map((c) => (
            <li key={c.id}>
              <span>
                <strong>{describe(c.option)}</strong> {c.kind === 'requires' ? 'requires' : 'excludes'}{' '}
                <strong>{describe(c.other)}</strong>
              </span>
              {canManage && (
                <button
                  type="button"
                  className="button button-quiet button-small"
                  disabled={busy}
                  onClick={() => void save(current.filter((_, i) => constraints[i]?.id !== c.id))}
                >
                  Remove<span className="visually-hidden"> this constraint</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canManage && groups.length >= 2 && (
        <form
          className="constraint-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (a && b) void save([...current, { kind, option: a, other: b }]);
          }}
        >
          {select(option, setOption, 'Option')}
          <label className="field kind-field">
            <span className="field-label">Rule</span>
            <select value={kind} onChange={(e) => setKind(e.target.value as ConstraintKind)}>
              <option value="requires">requires</option>
              <option value="excludes">excludes</option>
            </select>
          </label>
          {select(other, setOther, 'Other option', a?.pointId)}
          <button type="submit" className="button" disabled={busy || !a || !b}>
            Add constraint
          </button>
        </form>
      )}
      {canManage && groups.length < 2 && (
        <p className="muted small">Constraints link options of two points: add a second point first.</p>
      )}
      <InlineError message={error} />
    </div>
  );
}
