import { COMMITMENT_STATUSES } from '../../domain/monitoring/monitoring-model.ts';
import { PartyFilter } from '../components/party-filter.tsx';
import { STATUS_LABELS } from './monitoring-format.ts';
import type { AgreementPhase, CommitmentItem } from './monitoring-types.ts';

export interface CommitmentFilter {
  status: string;
  party: string;
  phase: string;
  area: string;
}

export const FILTER_KEYS = ['status', 'party', 'phase', 'area'] as const;

/** Whether a commitment passes the filter (each empty choice lets everything through). */
export function matches(c: CommitmentItem, f: CommitmentFilter): boolean {
  if (f.status !== '' && c.status !== f.status) return false;
  if (f.party !== '' && !c.partyIds.includes(f.party)) return false;
  if (f.phase !== '' && (f.phase === 'none' ? c.phaseId !== null : c.phaseId !== f.phase)) return false;
  if (f.area !== '' && (f.area === 'none' ? c.area !== null : c.area !== f.area)) return false;
  return true;
}

/** Status, party, phase and area pickers above the commitments table; the choice lives in the URL. */
export function CommitmentFilters({
  filter,
  onChange,
  onClear,
  parties,
  phases,
  areas,
  shown,
  total,
}: {
  filter: CommitmentFilter;
  onChange: (change: Partial<CommitmentFilter>) => void;
  onClear: () => void;
  parties: readonly { id: string; name: string }[];
  phases: readonly AgreementPhase[];
  areas: readonly string[];
  shown: number;
  total: number;
}) {
  const active = FILTER_KEYS.some((k) => filter[k] !== '');
  return (
    <search className="commitment-filters" aria-label="Filter the commitments">
      <label className="field">
        <span className="field-label">Status</span>
        <select value={filter.status} onChange={(e) => onChange({ status: e.target.value })}>
          <option value="">All statuses</option>
          {COMMITMENT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <PartyFilter value={filter.party} parties={parties} onChange={(party) => onChange({ party })} />
      {phases.length > 0 && (
        <label className="field">
          <span className="field-label">Phase</span>
          <select value={filter.phase} onChange={(e) => onChange({ phase: e.target.value })}>
            <option value="">All phases</option>
            {phases.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
            <option value="none">No phase</option>
          </select>
        </label>
      )}
      {areas.length > 0 && (
        <label className="field">
          <span className="field-label">Area</span>
          <select value={filter.area} onChange={(e) => onChange({ area: e.target.value })}>
            <option value="">All areas</option>
            {areas.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
            <option value="none">No area</option>
          </select>
        </label>
      )}
      <p className="filter-count" aria-live="polite">
        {shown === total ? `${total} commitments` : `${shown} of ${total} commitments`}
      </p>
      {active && (
        <button type="button" className="button button-quiet button-small" onClick={onClear}>
          Clear filters
        </button>
      )}
    </search>
  );
}
