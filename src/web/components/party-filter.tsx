/** A filter bar's choice of one party, or all of them. */
export function PartyFilter({
  value,
  parties,
  onChange,
  className = 'field',
}: {
  /** The chosen party's id; '' for all. */
  value: string;
  parties: readonly { id: string; name: string }[];
  onChange: (partyId: string) => void;
  className?: string;
}) {
  return (
    <label className={className}>
      <span className="field-label">Party</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">All parties</option>
        {parties.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
    </label>
  );
}
