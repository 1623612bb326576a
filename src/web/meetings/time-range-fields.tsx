import { InlineError } from '../components/status.tsx';

/** A meeting's start and end as local date-times, side by side, each with the server's reason under it. */
export function TimeRangeFields({
  startLabel,
  endLabel,
  startsAt,
  endsAt,
  onStartsAt,
  onEndsAt,
  fieldError,
}: {
  startLabel: string;
  endLabel: string;
  startsAt: string;
  endsAt: string;
  onStartsAt: (value: string) => void;
  onEndsAt: (value: string) => void;
  fieldError: (field: string) => string | undefined;
}) {
  return (
    <div className="form-row">
      <label className="field grow">
        <span className="field-label">{startLabel}</span>
        <input type="datetime-local" value={startsAt} required onChange={(e) => onStartsAt(e.target.value)} />
        <InlineError message={fieldError('body.startsAt')} />
      </label>
      <label className="field grow">
        <span className="field-label">{endLabel}</span>
        <input type="datetime-local" value={endsAt} required onChange={(e) => onEndsAt(e.target.value)} />
        <InlineError message={fieldError('body.endsAt')} />
      </label>
    </div>
  );
}
