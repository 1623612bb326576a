import type { Member, Party } from '../api/types.ts';
import { DateRangeFields } from '../components/date-range-fields.tsx';
import { type AuditFilters, actionFamilies, actionLabel, familyLabel, hasFilters } from './audit-filters.ts';

interface Props {
  filters: AuditFilters;
  members: Member[];
  parties: Party[];
  actions: string[];
  onChange: (key: keyof AuditFilters, value: string) => void;
  onClear: () => void;
}

/** Who, which party, what and when: each change applies at once and lands in the URL. */
export function AuditFilterBar({ filters, members, parties, actions, onChange, onClear }: Props) {
  const partyById = new Map(parties.map((p) => [p.id, p]));
  const families = actionFamilies(
    // A linked filter for an action not (or no longer) in the log still shows as chosen.
    filters.action === '' || filters.action.endsWith('.') || actions.includes(filters.action)
      ? actions
      : [...actions, filters.action],
  );
  const familyChosen =
    filters.action.endsWith('.') && !families.some((g) => `${g.family}.` === filters.action);

  return (
    <search className="audit-filters" aria-label="Filter the audit log">
      <label className="field">
        <span className="field-label">User</span>
        <select value={filters.actor} onChange={(e) => onChange('actor', e.target.value)}>
          <option value="">Everyone</option>
          {members.map((m) => (
            <option key={m.userId} value={m.userId}>
              {m.name} ({partyById.get(m.partyId)?.code ?? '—'})
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">Party</span>
        <select value={filters.party} onChange={(e) => onChange('party', e.target.value)}>
          <option value="">All parties</option>
          {parties.map((p) => (
            <option key={p.id} value={p.id}>
              {p.code} · {p.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">Action</span>
        <select value={filters.action} onChange={(e) => onChange('action', e.target.value)}>
          <option value="">All actions</option>
          {familyChosen && (
            <option value={filters.action}>
              All: {familyLabel(filters.action.slice(0, -1)).toLowerCase()}
            </option>
          )}
          {families.map((g) => (
            <optgroup key={g.family} label={familyLabel(g.family)}>
              <option value={`${g.family}.`}>All: {familyLabel(g.family).toLowerCase()}</option>
              {g.actions.map((a) => (
                <option key={a} value={a}>
                  {actionLabel(a)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <DateRangeFields from={filters.from} to={filters.to} onChange={onChange} />
      <div className="audit-filters-end">
        <button
          type="button"
          className="button button-quiet"
          onClick={onClear}
          disabled={!hasFilters(filters)}
        >
          Clear filters
        </button>
      </div>
    </search>
  );
}
