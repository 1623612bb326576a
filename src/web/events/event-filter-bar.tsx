import { useEffect, useState } from 'react';
import { EVENT_STATUSES } from '../../domain/monitoring/monitoring-model.ts';
import type { Party } from '../api/types.ts';
import { DateRangeFields } from '../components/date-range-fields.tsx';
import { type EventFilters, hasEventFilters } from './event-filters.ts';
import { EVENT_STATUS_LABELS } from './event-format.ts';

interface Props {
  filters: EventFilters;
  parties: readonly Party[];
  /** Event types to offer: the mission's own list and those seen in the data. */
  types: readonly string[];
  onChange: (changes: Partial<EventFilters>) => void;
  onClear: () => void;
}

/** When, what, which status, attributed to whom, and words: each change applies at once and lands in the URL. */
export function EventFilterBar({ filters, parties, types, onChange, onClear }: Props) {
  const [text, setText] = useState(filters.q);
  // Typing waits for a pause before it asks the server again.
  useEffect(() => {
    if (text === filters.q) return;
    const timer = setTimeout(() => onChange({ q: text }), 350);
    return () => clearTimeout(timer);
  }, [text, filters.q, onChange]);
  useEffect(() => setText(filters.q), [filters.q]);
  const typeChoices = filters.type === '' || types.includes(filters.type) ? types : [...types, filters.type];

  return (
    <search className="event-filters" aria-label="Filter the event reports">
      <label className="field event-filter-text">
        <span className="field-label">Words</span>
        <input
          type="search"
          value={text}
          placeholder="Place, actor, description, source"
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <DateRangeFields
        from={filters.from}
        to={filters.to}
        onChange={(edge, value) => onChange({ [edge]: value })}
      />
      <label className="field">
        <span className="field-label">Type</span>
        <select value={filters.type} onChange={(e) => onChange({ type: e.target.value })}>
          <option value="">All types</option>
          {typeChoices.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">Status</span>
        <select value={filters.status} onChange={(e) => onChange({ status: e.target.value })}>
          <option value="">Any status</option>
          {EVENT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {EVENT_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">Attributed to</span>
        <select value={filters.party} onChange={(e) => onChange({ party: e.target.value })}>
          <option value="">All events</option>
          {parties
            .filter((p) => p.kind !== 'mediator')
            .map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
        </select>
      </label>
      <div className="event-filters-end">
        <button
          type="button"
          className="button button-quiet"
          onClick={onClear}
          disabled={!hasEventFilters(filters)}
        >
          Clear filters
        </button>
      </div>
    </search>
  );
}
