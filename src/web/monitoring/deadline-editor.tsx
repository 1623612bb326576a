import { useId } from 'react';
import { DEADLINE_UNITS, type DeadlineUnit } from '../../domain/monitoring/monitoring-model.ts';
import { InlineError } from '../components/status.tsx';
import { TimeZoneField } from '../meetings/time-zone-field.tsx';
import type { DeadlineSpec } from './monitoring-types.ts';

/** Every field a deadline kind may need, so switching kinds keeps what was typed. */
export interface DeadlineDraft {
  kind: DeadlineSpec['kind'];
  local: string;
  zone: string;
  amount: string;
  unit: DeadlineUnit;
  commitmentId: string;
}

const UNIT_LABELS: Record<DeadlineUnit, string> = {
  hours: 'hours (elapsed time)',
  days: 'days (calendar)',
  weeks: 'weeks (calendar)',
  months: 'months (calendar)',
};

const KINDS: { kind: DeadlineSpec['kind']; label: string }[] = [
  { kind: 'none', label: 'No deadline' },
  { kind: 'absolute', label: 'On a fixed date' },
  { kind: 'after_entry_into_force', label: 'After entry into force' },
  { kind: 'after_commitment', label: 'After another commitment is completed' },
];

/** The draft for an existing deadline (or none), with `zone` as the default for a fixed date. */
export function deadlineDraft(spec: DeadlineSpec | undefined, zone: string): DeadlineDraft {
  const d: DeadlineDraft = { kind: 'none', local: '', zone, amount: '', unit: 'hours', commitmentId: '' };
  if (spec === undefined) return d;
  switch (spec.kind) {
    case 'none':
      return d;
    case 'absolute':
      return { ...d, kind: 'absolute', local: spec.local, zone: spec.zone };
    case 'after_entry_into_force':
      return { ...d, kind: spec.kind, amount: String(spec.amount), unit: spec.unit };
    case 'after_commitment':
      return {
        ...d,
        kind: spec.kind,
        amount: String(spec.amount),
        unit: spec.unit,
        commitmentId: spec.commitmentId,
      };
  }
}

/** The DeadlineSpec to send (the number input is required, so the browser asks for an amount first). */
export function deadlineBody(d: DeadlineDraft): DeadlineSpec {
  const safe = Number(d.amount);
  switch (d.kind) {
    case 'none':
      return { kind: 'none' };
    case 'absolute':
      return { kind: 'absolute', local: d.local, zone: d.zone.trim() };
    case 'after_entry_into_force':
      return { kind: d.kind, amount: safe, unit: d.unit };
    case 'after_commitment':
      return { kind: d.kind, amount: safe, unit: d.unit, commitmentId: d.commitmentId };
  }
}

/**
 * A commitment's deadline in any of its four kinds: none, a fixed local date and time in a zone,
 * an amount of time after entry into force, or after another commitment is completed (picked
 * from the agreement's others). Hours count elapsed time; days, weeks and months keep the wall time.
 */
export function DeadlineEditor({
  value,
  onChange,
  anchors,
  fieldError,
}: {
  value: DeadlineDraft;
  onChange: (next: DeadlineDraft) => void;
  /** The commitments this one may follow (not itself). */
  anchors: readonly { id: string; label: string }[];
  fieldError: (field: string) => string | undefined;
}) {
  const name = useId();
  const set = (change: Partial<DeadlineDraft>) => onChange({ ...value, ...change });
  const relative = value.kind === 'after_entry_into_force' || value.kind === 'after_commitment';
  return (
    <fieldset className="field deadline-editor">
      <legend className="field-label">Deadline</legend>
      <div className="deadline-kinds">
        {KINDS.map((k) => (
          <label key={k.kind} className="mon-choice">
            <input
              type="radio"
              name={name}
              checked={value.kind === k.kind}
              onChange={() => set({ kind: k.kind })}
            />{' '}
            {k.label}
          </label>
        ))}
      </div>
      {value.kind === 'absolute' && (
        <div className="form-row">
          <label className="field grow">
            <span className="field-label">Local date and time</span>
            <input
              type="datetime-local"
              value={value.local}
              required
              aria-invalid={fieldError('deadline.local') !== undefined}
              onChange={(e) => set({ local: e.target.value })}
            />
            <InlineError message={fieldError('deadline.local')} />
          </label>
          <div className="grow">
            <TimeZoneField
              required={false}
              label="Time zone"
              value={value.zone}
              onChange={(zone) => set({ zone })}
              error={fieldError('deadline.zone')}
            />
          </div>
        </div>
      )}
      {relative && (
        <div className="form-row">
          <label className="field">
            <span className="field-label">Within</span>
            <input
              type="number"
              className="number-field"
              min={0}
              step={1}
              required
              value={value.amount}
              aria-invalid={fieldError('deadline.amount') !== undefined}
              onChange={(e) => set({ amount: e.target.value })}
            />
            <InlineError message={fieldError('deadline.amount')} />
          </label>
          <label className="field">
            <span className="field-label">Unit</span>
            <select value={value.unit} onChange={(e) => set({ unit: e.target.value as DeadlineUnit })}>
              {DEADLINE_UNITS.map((u) => (
                <option key={u} value={u}>
                  {UNIT_LABELS[u]}
                </option>
              ))}
            </select>
            <InlineError message={fieldError('deadline.unit')} />
          </label>
          {value.kind === 'after_commitment' && (
            <label className="field grow">
              <span className="field-label">After the completion of</span>
              <select
                value={value.commitmentId}
                required
                aria-invalid={fieldError('deadline.commitmentId') !== undefined}
                onChange={(e) => set({ commitmentId: e.target.value })}
              >
                <option value="">Choose a commitment…</option>
                {anchors.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.label}
                  </option>
                ))}
              </select>
              <InlineError message={fieldError('deadline.commitmentId')} />
            </label>
          )}
        </div>
      )}
      {relative && (
        <p className="hint">
          {value.kind === 'after_entry_into_force'
            ? 'Counted from the moment of entry into force.'
            : 'Counted from the moment the other commitment is completed.'}{' '}
          Hours are elapsed time (72 hours after noon is 72 real hours later, across a clock change); days,
          weeks and months keep the local time of day in the agreement’s time zone.
        </p>
      )}
      <InlineError message={fieldError('deadline')} />
    </fieldset>
  );
}
