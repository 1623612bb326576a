import { useCallback, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { EVENT_TYPES } from '../../domain/monitoring/monitoring-model.ts';
import { useProcessTitle } from '../api/titles.ts';
import type { ProcessDetail } from '../api/types.ts';
import { useResource } from '../api/use-resource.ts';
import { viewerCan } from '../auth/viewer.ts';
import { useBreadcrumb } from '../components/breadcrumb.tsx';
import { plural } from '../components/format.ts';
import { ErrorBox, FilterErrorBox, InlineError, Loading } from '../components/status.tsx';
import { useUrlFilters } from '../components/use-url-filters.ts';
import { EventFilterBar } from '../events/event-filter-bar.tsx';
import {
  EVENT_FILTER_KEYS,
  type EventFilters,
  eventFiltersFrom,
  hasEventFilters,
} from '../events/event-filters.ts';
import { EventReportForm } from '../events/event-report-form.tsx';
import { EventTable } from '../events/event-table.tsx';
import { useEventList } from '../events/use-event-list.ts';
import { useLiveEvents } from '../live/use-live-events.ts';
import '../styles/events.css';

/** The event reports of a process the reader may see, filtered, newest first, with a form to file one. */
export default function EventsPage({ processId }: { processId: string }) {
  const detail = useResource<ProcessDetail>(`/processes/${processId}`);
  const processTitle = useProcessTitle(processId);
  const { params, setFilters, clearFilters } = useUrlFilters(EVENT_FILTER_KEYS);
  const filters = eventFiltersFrom(params);
  const { state, loadMore, reload } = useEventList(processId, filters);
  const [filing, setFiling] = useState(false);
  const [, navigate] = useLocation();
  useBreadcrumb([
    { label: processTitle ?? 'Process', href: `/processes/${processId}` },
    { label: 'Monitoring', href: `/processes/${processId}/monitoring` },
    { label: 'Event reports' },
  ]);
  useLiveEvents(processId, (event) => {
    if (event.type === 'event_report.changed' || event.type === 'resync') reload();
  });
  const onFilter = useCallback((changes: Partial<EventFilters>) => setFilters(changes), [setFilters]);

  if (detail.state === 'loading') return <Loading label="Opening the event reports…" />;
  if (detail.state === 'error') return <ErrorBox error={detail.error} onRetry={detail.reload} />;
  const viewer = detail.data.viewer;
  const mission = viewerCan(viewer, 'event.verify');
  const seen = state.status === 'ready' ? state.items.map((e) => e.eventType) : [];
  const types = [...new Set<string>([...EVENT_TYPES, ...seen])];

  return (
    <div className="wide">
      <header className="page-head">
        <p className="eyebrow">Monitoring · event reports</p>
        <h1>Event reports</h1>
        <p className="lead">
          {mission
            ? 'What happened on the ground, as reported, with its source and the verification that followed.'
            : 'The events verified by the mission, and the reports your party filed.'}
        </p>
        <div className="button-row">
          {viewerCan(viewer, 'event.report') && (
            <button type="button" className="button button-primary" onClick={() => setFiling(true)}>
              File an event report
            </button>
          )}
          <Link href={`/processes/${processId}/map`} className="button">
            Show on the map
          </Link>
          {viewerCan(viewer, 'monitoring.import') && (
            <Link href={`/processes/${processId}/events/import`} className="button">
              Import from CSV
            </Link>
          )}
        </div>
      </header>
      <EventFilterBar
        filters={filters}
        parties={detail.data.parties}
        types={types}
        onChange={onFilter}
        onClear={clearFilters}
      />
      {state.status === 'loading' && <Loading label="Reading the reports…" />}
      {state.status === 'error' && (
        <FilterErrorBox error={state.error} onRetry={reload} onClear={clearFilters} />
      )}
      {state.status === 'ready' &&
        (state.items.length === 0 ? (
          <div className="empty">
            {hasEventFilters(filters) ? (
              <>
                <p>No event reports match these filters.</p>
                <button type="button" className="button" onClick={clearFilters}>
                  Clear filters
                </button>
              </>
            ) : (
              <p>No event reports yet.</p>
            )}
          </div>
        ) : (
          <section aria-label="Event reports">
            <p className="event-count" aria-live="polite">
              {plural(state.items.length, 'report')} shown{hasEventFilters(filters) ? ' (filtered)' : ''},
              newest first{state.nextCursor !== null ? '; more follow' : ''}.
            </p>
            <div className="event-scroll">
              <EventTable processId={processId} items={state.items} />
            </div>
            <div className="event-more">
              {state.nextCursor !== null ? (
                <button
                  type="button"
                  className="button"
                  onClick={loadMore}
                  aria-disabled={state.more === 'loading'}
                >
                  {state.more === 'loading' ? 'Loading…' : 'Load more'}
                </button>
              ) : (
                <p className="muted">That is all of them.</p>
              )}
              {typeof state.more === 'object' && <InlineError message={state.more.detail} />}
            </div>
          </section>
        ))}
      {filing && (
        <EventReportForm
          processId={processId}
          onClose={() => setFiling(false)}
          onSaved={(r) => {
            setFiling(false);
            navigate(`/processes/${processId}/events/${r.id}`);
          }}
        />
      )}
    </div>
  );
}
