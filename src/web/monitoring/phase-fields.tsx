import { InlineError } from '../components/status.tsx';

/** A phase as the form holds it; `id` is kept for phases that exist already. */
export interface PhaseDraft {
  key: string;
  id?: string;
  name: string;
  description: string;
}

let nextKey = 0;
/** A new, empty phase row. */
export const newPhase = (): PhaseDraft => ({ key: `new-${nextKey++}`, name: '', description: '' });

/** The phases of an agreement in order: add, remove, and move up or down with buttons (keyboard usable). */
export function PhaseFields({
  value,
  onChange,
  fieldError,
}: {
  value: readonly PhaseDraft[];
  onChange: (next: PhaseDraft[]) => void;
  fieldError: (field: string) => string | undefined;
}) {
  const update = (i: number, change: Partial<PhaseDraft>) =>
    onChange(value.map((p, j) => (j === i ? { ...p, ...change } : p)));
  const move = (i: number, by: -1 | 1) => {
    const next = [...value];
    const [row] = next.splice(i, 1);
    if (row === undefined) return;
    next.splice(i + by, 0, row);
    onChange(next);
  };
  return (
    <fieldset className="field">
      <legend className="field-label">Phases</legend>
      <p className="hint">
        Optional. Commitments can be assigned to a phase ("Phase one: release and withdrawal"), and the
        dashboard shows implementation by phase.
      </p>
      {value.length > 0 && (
        <ol className="phase-list">
          {value.map((p, i) => (
            <li key={p.key} className="phase-row">
              <span className="phase-number" aria-hidden="true">
                {i + 1}
              </span>
              <div className="phase-fields">
                <label className="field">
                  <span className="field-label">Phase {i + 1} name</span>
                  <input
                    value={p.name}
                    required
                    maxLength={200}
                    aria-invalid={fieldError(`phases.${i}.name`) !== undefined}
                    onChange={(e) => update(i, { name: e.target.value })}
                  />
                  <InlineError message={fieldError(`phases.${i}.name`)} />
                </label>
                <label className="field">
                  <span className="field-label">
                    Description <span className="optional">(optional)</span>
                  </span>
                  <input
                    value={p.description}
                    maxLength={2000}
                    onChange={(e) => update(i, { description: e.target.value })}
                  />
                  <InlineError message={fieldError(`phases.${i}.description`)} />
                </label>
              </div>
              <div className="phase-actions">
                <button
                  type="button"
                  className="button button-small"
                  disabled={i === 0}
                  aria-label={`Move phase ${i + 1} up`}
                  onClick={() => move(i, -1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="button button-small"
                  disabled={i === value.length - 1}
                  aria-label={`Move phase ${i + 1} down`}
                  onClick={() => move(i, 1)}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="button button-quiet button-small"
                  aria-label={`Remove phase ${i + 1}`}
                  onClick={() => onChange(value.filter((_, j) => j !== i))}
                >
                  Remove
                </button>
              </div>
            </li>
          ))}
        </ol>
      )}
      <button
        type="button"
        className="button button-dashed button-small"
        onClick={() => onChange([...value, newPhase()])}
      >
        Add a phase
      </button>
      <InlineError message={fieldError('phases')} />
    </fieldset>
  );
}

/** The phases to send, in order, keeping the ids of existing ones. */
export function phasesBody(value: readonly PhaseDraft[]) {
  return value.map((p) => ({
    ...(p.id === undefined ? {} : { id: p.id }),
    name: p.name.trim(),
    description: p.description.trim(),
  }));
}
