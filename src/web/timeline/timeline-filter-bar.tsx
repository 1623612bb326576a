import type { TimelineKind } from '../../domain/timeline/timeline-item.ts';
import { DateRangeFields } from '../components/date-range-fields.tsx';
import { localDate } from '../components/local-dates.ts';
import { PartyFilter } from '../components/party-filter.tsx';
import { hasFilters, type TimelineFilters } from './timeline-filters.ts';
import { KIND_LABELS, type TimelineParty } from './timeline-types.ts';

interface Props {
  filters: TimelineFilters;
  /** Parties to filter by; empty hides the choice (a party's members see only their own). */
  parties: TimelineParty[];
  /** The kinds this reader can see at all (a party learns of versions only by their release). */
  kinds: readonly TimelineKind[];
  onChange: (changes: Partial<TimelineFilters>) => void;
  onClear: () => void;
}

const DAY = 86_400_000;

/** What, whose and when: each change applies at once and lands in the URL. */
export function TimelineFilterBar({ filters, parties, kinds, onChange, onClear }: Props) {
  const toggle = (kind: TimelineKind) => {
    const on = filters.kinds.includes(kind);
    onChange({ kinds: on ? filters.kinds.filter((k) => k !== kind) : [...filters.kinds, kind] });
  };
  const range = (fromDays: number, toDays: number) => {
    const now = Date.now();
    onChange({
      from: localDate(new Date(now + fromDays * DAY)),
      to: localDate(new Date(now + toDays * DAY)),
    });
  };
  return (
    <form className="timeline-filters" aria-label="Filter the timeline" onSubmit={(e) => e.preventDefault()}>
      <fieldset className="filter-kinds">
        <legend className="field-label">Show</legend>
        {kinds.map((kind) => (
          <label key={kind} className="checkbox">
            <input
              type="checkbox"
              checked={filters.kinds.length === 0 || filters.kinds.includes(kind)}
              onChange={() =>
                filters.kinds.length === 0
                  ? onChange({ kinds: kinds.filter((k) => k !== kind) })
                  : toggle(kind)
              }
            />
            {KIND_LABELS[kind]}s
          </label>
        ))}
      </fieldset>
      {parties.length > 1 && (
        <PartyFilter value={filters.party} parties={parties} onChange={(party) => onChange({ party })} />
      )}
      <DateRangeFields
        from={filters.from}
        to={filters.to}
        onChange={(edge, value) => onChange({ [edge]: value })}
      />
      <fieldset className="filter-ranges">
        <legend className="visually-hidden">Quick ranges</legend>
        <button type="button" className="button button-small" onClick={() => range(-30, 0)}>
          Last 30 days
        </button>
        <button type="button" className="button button-small" onClick={() => range(-7, 30)}>
          Next 30 days
        </button>
        <button type="button" className="button button-small" onClick={() => onChange({ from: '', to: '' })}>
          Whole process
        </button>
      </fieldset>
      {hasFilters(filters) && (
        <button type="button" className="button button-quiet" onClick={onClear}>
          Clear filters
        </button>
      )}
    </form>
  );
}
