/** The From and To date inputs of a filter bar; each keeps the other from crossing it. */
export function DateRangeFields({
  from,
  to,
  onChange,
}: {
  /** Local calendar dates, YYYY-MM-DD, or '' for open. */
  from: string;
  to: string;
  onChange: (edge: 'from' | 'to', value: string) => void;
}) {
  return (
    <>
      <label className="field">
        <span className="field-label">From</span>
        <input
          type="date"
          value={from}
          max={to || undefined}
          onChange={(e) => onChange('from', e.target.value)}
        />
      </label>
      <label className="field">
        <span className="field-label">To</span>
        <input
          type="date"
          value={to}
          min={from || undefined}
          onChange={(e) => onChange('to', e.target.value)}
        />
      </label>
    </>
  );
}
