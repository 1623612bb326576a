import { TIME_PRECISIONS, type TimePrecision } from '../../domain/monitoring/monitoring-model.ts';
import { InlineError } from '../components/status.tsx';
import { TIME_PRECISION_LABELS } from './event-format.ts';

const ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;
const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-\d{2}$/;

/** What the time input holds for a precision: a local date-time, a date, or a month. */
export function inputKind(precision: TimePrecision): 'datetime-local' | 'date' | 'month' {
  if (precision === 'minute' || precision === 'hour') return 'datetime-local';
  return precision === 'month' ? 'month' : 'date';
}

/**
 * The typed value as the instant the API stores. A time is read in the reader's zone; a day, week
 * or month is a calendar date and starts at 00:00 UTC, as the public datasets' dates do. Null when
 * the input is not complete.
 */
export function occurredAtFrom(value: string, precision: TimePrecision): string | null {
  const kind = inputKind(precision);
  if (kind === 'datetime-local') {
    if (!LOCAL.test(value)) return null;
    const d = new Date(value);
    if (Number.isNaN(d.getTime())) return null;
    if (precision === 'hour') d.setMinutes(0);
    return d.toISOString();
  }
  if (kind === 'month') return MONTH.test(value) ? `${value}-01T00:00:00.000Z` : null;
  return DAY.test(value) ? `${value}T00:00:00.000Z` : null;
}

/** Carries a typed value over when the precision changes, as far as it goes. */
export function convertValue(value: string, to: TimePrecision): string {
  const day = value.slice(0, 10);
  const kind = inputKind(to);
  if (kind === 'month') return value.slice(0, 7);
  if (kind === 'date') return DAY.test(day) ? day : '';
  if (LOCAL.test(value)) return value;
  return DAY.test(day) ? `${day}T12:00` : '';
}

/** When it happened, and how precisely that is known. */
export function OccurredField({
  value,
  precision,
  onValue,
  onPrecision,
  error,
  precisionError,
}: {
  value: string;
  precision: TimePrecision;
  onValue: (v: string) => void;
  onPrecision: (p: TimePrecision) => void;
  error: string | undefined;
  precisionError: string | undefined;
}) {
  const kind = inputKind(precision);
  return (
    <fieldset className="field event-when-fields">
      <legend className="field-label">When it happened</legend>
      <div className="form-row">
        <label className="field grow">
          <span className="field-label">
            {kind === 'datetime-local' ? `Date and time (${ZONE})` : kind === 'month' ? 'Month' : 'Date'}
          </span>
          <input type={kind} value={value} required onChange={(e) => onValue(e.target.value)} />
        </label>
        <label className="field">
          <span className="field-label">Known</span>
          <select
            value={precision}
            onChange={(e) => {
              const next = e.target.value as TimePrecision;
              onValue(convertValue(value, next));
              onPrecision(next);
            }}
          >
            {TIME_PRECISIONS.map((p) => (
              <option key={p} value={p}>
                {TIME_PRECISION_LABELS[p]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <InlineError message={error} />
      <InlineError message={precisionError} />
    </fieldset>
  );
}
