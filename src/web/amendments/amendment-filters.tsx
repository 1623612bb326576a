import { AMENDMENT_STATES } from '../../domain/negotiation/amendment-workflow.ts';
import { PartyFilter } from '../components/party-filter.tsx';
import { type AmendmentParty, type AmendmentState, STATE_LABELS } from './amendment-types.ts';

export interface Filters {
  states: ReadonlySet<AmendmentState>;
  partyId: string;
}

interface Props {
  filters: Filters;
  counts: Partial<Record<AmendmentState, number>>;
  parties: AmendmentParty[];
  /** The mediator team can tell one party's amendments from another's; a party sees only its own. */
  showParty: boolean;
  onChange: (f: Filters) => void;
}

/** State chips (with counts) and, for the mediator, a party choice. */
export function AmendmentFilters({ filters, counts, parties, showParty, onChange }: Props) {
  const toggle = (s: AmendmentState) => {
    const states = new Set(filters.states);
    if (states.has(s)) states.delete(s);
    else states.add(s);
    onChange({ ...filters, states });
  };
  return (
    <div className="amendment-filters">
      <ul className="chip-row" aria-label="Show amendments in these states">
        {AMENDMENT_STATES.filter((s) => (counts[s] ?? 0) > 0).map((s) => (
          <li key={s}>
            <button
              type="button"
              className="chip chip-toggle"
              aria-pressed={filters.states.has(s)}
              onClick={() => toggle(s)}
            >
              {STATE_LABELS[s]} ({counts[s]})
            </button>
          </li>
        ))}
      </ul>
      {showParty && (
        <PartyFilter
          className="inline-field"
          value={filters.partyId}
          parties={parties}
          onChange={(partyId) => onChange({ ...filters, partyId })}
        />
      )}
    </div>
  );
}
