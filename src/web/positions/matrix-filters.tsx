import { useLocation, useSearch } from 'wouter';
import type { MatrixPoint } from './types.ts';

export interface MatrixFilter {
  area: string;
  tag: string;
  contestedOnly: boolean;
}

/** The filter as the URL query holds it (?area=…&tag=…&contested=1), so a filtered view can be shared. */
export function useMatrixFilter(): [MatrixFilter, (next: MatrixFilter) => void] {
  const search = useSearch();
  const [location, navigate] = useLocation();
  const params = new URLSearchParams(search);
  const filter = {
    area: params.get('area') ?? '',
    tag: params.get('tag') ?? '',
    contestedOnly: params.get('contested') === '1',
  };
  const set = (next: MatrixFilter) => {
    const q = new URLSearchParams();
    if (next.area) q.set('area', next.area);
    if (next.tag) q.set('tag', next.tag);
    if (next.contestedOnly) q.set('contested', '1');
    const query = q.toString();
    navigate(query === '' ? location : `${location}?${query}`, { replace: true });
  };
  return [filter, set];
}

/** Whether a point passes the filter. */
export function matchesFilter(point: MatrixPoint, filter: MatrixFilter): boolean {
  if (filter.area && point.areaId !== filter.area) return false;
  if (filter.tag && !point.tags.includes(filter.tag)) return false;
  if (filter.contestedOnly && !point.contested) return false;
  return true;
}

interface Props {
  filter: MatrixFilter;
  onChange: (next: MatrixFilter) => void;
  areas: { id: string; title: string }[];
  tags: { key: string; label: string }[];
  shown: number;
  total: number;
}

/** Area and tag pickers and a contested-only switch above the matrix. */
export function MatrixFilters({ filter, onChange, areas, tags, shown, total }: Props) {
  const active = filter.area !== '' || filter.tag !== '' || filter.contestedOnly;
  return (
    <search className="matrix-filters" aria-label="Filter the points">
      <label className="field">
        <span className="field-label">Area</span>
        <select value={filter.area} onChange={(e) => onChange({ ...filter, area: e.target.value })}>
          <option value="">All areas</option>
          {areas.map((a) => (
            <option key={a.id} value={a.id}>
              {a.title}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">Tag</span>
        <select value={filter.tag} onChange={(e) => onChange({ ...filter, tag: e.target.value })}>
          <option value="">All tags</option>
          {tags.map((t) => (
            <option key={t.key} value={t.key}>
              {t.label}
            </option>
          ))}
        </select>
      </label>
      <label className="checkbox contested-toggle">
        <input
          type="checkbox"
          checked={filter.contestedOnly}
          onChange={(e) => onChange({ ...filter, contestedOnly: e.target.checked })}
        />
        Contested only
      </label>
      <p className="filter-count" aria-live="polite">
        {shown === total ? `${total} points` : `${shown} of ${total} points`}
      </p>
      {active && (
        <button
          type="button"
          className="button button-quiet button-small"
          onClick={() => onChange({ area: '', tag: '', contestedOnly: false })}
        >
          Clear filters
        </button>
      )}
    </search>
  );
}
