import { useMemo, useState } from 'react';
import { TIMELINE_KINDS } from '../../domain/timeline/timeline-item.ts';
import { useProcessTitle } from '../api/titles.ts';
import { useResource } from '../api/use-resource.ts';
import { useBreadcrumb } from '../components/breadcrumb.tsx';
import { formatDate, plural } from '../components/format.ts';
import { localDate, localInstant } from '../components/local-dates.ts';
import { FilterErrorBox, Loading } from '../components/status.tsx';
import { useUrlFilters } from '../components/use-url-filters.ts';
import { useLiveEvents } from '../live/use-live-events.ts';
import { TimelineAxis } from '../timeline/timeline-axis.tsx';
import { TimelineFilterBar } from '../timeline/timeline-filter-bar.tsx';
import { apiQuery, FILTER_KEYS, filtersFrom, hasFilters } from '../timeline/timeline-filters.ts';
import { TimelineList } from '../timeline/timeline-list.tsx';
import type { TimelineItem, TimelineResponse } from '../timeline/timeline-types.ts';
import '../styles/timeline.css';

const DAY = 86_400_000;

/** One chronological view of a process: a time axis to scan, and the same items as a list by day. */
export default function TimelinePage({ processId }: { processId: string }) {
  const { params, setFilters, clearFilters: clear } = useUrlFilters(FILTER_KEYS);
  const filters = filtersFrom(params);
  const timeline = useResource<TimelineResponse>(`/processes/${processId}/timeline${apiQuery(filters)}`);
  const processTitle = useProcessTitle(processId);
  const [selected, setSelected] = useState<string | null>(null);
  useBreadcrumb(
    [{ label: processTitle ?? 'Process', href: `/processes/${processId}` }, { label: 'Timeline' }],
    processTitle === undefined ? 'Timeline' : `Timeline · ${processTitle}`,
  );
  // Anything that happens in the process may belong on the timeline; the server decides what shows.
  useLiveEvents(processId, () => timeline.reload());

  const data = timeline.data;
  const { from, to } = filters;
  const domain = useMemo(() => axisDomain(from, to, data), [from, to, data]);
  const mediator = data?.scope === 'all-parties';

  return (
    <div className="wide timeline-page">
      <header className="page-head">
        <p className="eyebrow">Process · timeline</p>
        <h1>Timeline</h1>
        <p className="lead">
          {mediator || data === undefined
            ? 'Meetings, versions cut and released, amendments and changes of position, in the order they happened.'
            : 'The versions released to your party, the meetings you take part in, and your own amendments and positions, in the order they happened.'}
        </p>
      </header>
      <TimelineFilterBar
        filters={filters}
        parties={mediator ? (data?.parties ?? []) : []}
        kinds={
          data === undefined || mediator ? TIMELINE_KINDS : TIMELINE_KINDS.filter((k) => k !== 'version')
        }
        onChange={setFilters}
        onClear={clear}
      />
      {timeline.state === 'loading' && <Loading label="Reading the timeline…" />}
      {timeline.state === 'error' && (
        <FilterErrorBox error={timeline.error} onRetry={timeline.reload} onClear={clear} />
      )}
      {timeline.state === 'ready' && data && (
        <>
          <section className="panel timeline-panel" aria-labelledby="timeline-axis-h">
            <div className="section-head">
              <h2 id="timeline-axis-h">
                {formatDate(domain[0].toISOString())} – {formatDate(domain[1].toISOString())}
              </h2>
              <p className="muted timeline-hint">
                Drag across the axis to zoom in; arrow keys move between marks.
              </p>
            </div>
            <TimelineAxis
              items={data.items}
              domain={domain}
              selectedId={selected}
              onSelect={(item: TimelineItem) => setSelected(item.id)}
              onZoom={(from, to) => setFilters({ from: localDate(from), to: localDate(to) })}
            />
            <Legend />
          </section>
          <section aria-labelledby="timeline-list-h" className="timeline-list">
            <h2 id="timeline-list-h">
              {plural(data.items.length, 'event')}
              {hasFilters(filters) ? ' (filtered)' : ''}, oldest first
            </h2>
            {data.items.length === 0 ? (
              <p className="empty">
                {hasFilters(filters)
                  ? 'Nothing matches these filters.'
                  : 'Nothing has happened in this process yet.'}
              </p>
            ) : (
              <TimelineList processId={processId} items={data.items} selectedId={selected} />
            )}
          </section>
        </>
      )}
    </div>
  );
}

function Legend() {
  return (
    <ul className="timeline-legend" aria-label="Legend">
      <li>
        <svg width="14" height="14" aria-hidden="true">
          <circle cx="7" cy="7" r="5.5" className="legend-meeting" />
        </svg>
        Meeting (hollow: postponed or cancelled)
      </li>
      <li>
        <svg width="14" height="14" aria-hidden="true">
          <rect x="3" y="3" width="8" height="8" transform="rotate(45 7 7)" className="legend-version" />
        </svg>
        Version cut
      </li>
      <li>
        <svg width="14" height="14" aria-hidden="true">
          <path d="M7,1 L13,12 L1,12 Z" className="legend-release" />
        </svg>
        Release
      </li>
      <li>
        <svg width="14" height="14" aria-hidden="true">
          <rect x="2" y="2" width="10" height="10" rx="2" className="legend-amendment" />
        </svg>
        Amendment
      </li>
      <li>
        <svg width="14" height="14" aria-hidden="true">
          <circle cx="7" cy="7" r="4.5" className="legend-position" />
        </svg>
        Position
      </li>
      <li className="legend-note">Marks about one party are drawn in its colour.</li>
    </ul>
  );
}

/** The axis range: the chosen dates, else the whole process (and today) with a little room. */
function axisDomain(fromDate: string, toDate: string, data: TimelineResponse | undefined): [Date, Date] {
  const now = Date.now();
  const first = data?.span ? Date.parse(data.span.first) : now - 30 * DAY;
  const last = data?.span ? Date.parse(data.span.last) : now;
  const from = fromDate ? Date.parse(localInstant(fromDate, 'start')) : Math.min(first, now);
  const to = toDate ? Date.parse(localInstant(toDate, 'end')) : Math.max(last, now);
  const a = Number.isNaN(from) ? first : from;
  const b = Number.isNaN(to) ? last : to;
  const pad = Math.max((b - a) * 0.03, DAY / 2);
  return [new Date(a - (fromDate ? 0 : pad)), new Date(b + (toDate ? 0 : pad))];
}
