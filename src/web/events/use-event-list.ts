import { useCallback, useEffect, useState } from 'react';
import { ApiError, api } from '../api/client.ts';
import { type EventFilters, eventQuery } from './event-filters.ts';
import type { EventReport, EventReportPage } from './event-types.ts';

export type EventListState =
  | { status: 'loading' }
  | { status: 'error'; error: ApiError }
  | {
      status: 'ready';
      items: EventReport[];
      nextCursor: string | null;
      /** Loading the next page, or why that failed. */
      more: 'idle' | 'loading' | ApiError;
    };

const asApiError = (err: unknown) =>
  err instanceof ApiError ? err : new ApiError(0, 'client', 'The answer could not be read.', [], {});

/** The event reports of a process under the given filters: the first page, later pages on request. */
export function useEventList(processId: string, filters: EventFilters) {
  const [state, setState] = useState<EventListState>({ status: 'loading' });
  const [tick, setTick] = useState(0);
  const query = eventQuery(filters, null);

  useEffect(() => {
    void tick;
    const controller = new AbortController();
    setState((s) => (s.status === 'ready' && tick > 0 ? s : { status: 'loading' }));
    api.get<EventReportPage>(`/processes/${processId}/event-reports?${query}`, controller.signal).then(
      (page) => setState({ status: 'ready', items: page.items, nextCursor: page.nextCursor, more: 'idle' }),
      (err: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error: asApiError(err) });
      },
    );
    return () => controller.abort();
  }, [processId, query, tick]);

  const loadMore = useCallback(() => {
    if (state.status !== 'ready' || state.nextCursor === null || state.more === 'loading') return;
    const cursor = state.nextCursor;
    setState({ ...state, more: 'loading' });
    api.get<EventReportPage>(`/processes/${processId}/event-reports?${eventQuery(filters, cursor)}`).then(
      (page) =>
        setState((s) =>
          s.status === 'ready' && s.nextCursor === cursor
            ? { ...s, items: [...s.items, ...page.items], nextCursor: page.nextCursor, more: 'idle' }
            : s,
        ),
      (err: unknown) =>
        setState((s) =>
          s.status === 'ready' && s.nextCursor === cursor ? { ...s, more: asApiError(err) } : s,
        ),
    );
  }, [state, processId, filters]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { state, loadMore, reload };
}
