import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, api } from '../api/client.ts';
import { type AuditFilters, apiQuery } from './audit-filters.ts';
import type { AuditEntry, AuditPage } from './audit-types.ts';

export type AuditLogState =
  | { status: 'loading' }
  | { status: 'error'; error: ApiError }
  | {
      status: 'ready';
      entries: AuditEntry[];
      nextBefore: number | null;
      actions: string[];
      /** Loading an older page, or why that failed. */
      more: 'idle' | 'loading' | ApiError;
    };

const asApiError = (err: unknown) =>
  err instanceof ApiError ? err : new ApiError(0, 'client', 'The answer could not be read.', [], {});

/** The log of a process under the given filters: the newest page first, older pages on request. */
export function useAuditLog(processId: string, filters: AuditFilters) {
  const [state, setState] = useState<AuditLogState>({ status: 'loading' });
  const [tick, setTick] = useState(0);
  const query = apiQuery(filters, null);
  // The actions offered by the filter are those of the whole process, not of the filtered view.
  const actions = useRef<string[]>([]);

  useEffect(() => {
    void tick;
    const controller = new AbortController();
    setState({ status: 'loading' });
    api
      .get<AuditPage>(`/processes/${processId}/audit${query === '' ? '' : `?${query}`}`, controller.signal)
      .then(
        (page) => {
          if (page.actions) actions.current = page.actions;
          setState({
            status: 'ready',
            entries: page.entries,
            nextBefore: page.nextBefore,
            actions: actions.current,
            more: 'idle',
          });
        },
        (err: unknown) => {
          if (!controller.signal.aborted) setState({ status: 'error', error: asApiError(err) });
        },
      );
    return () => controller.abort();
  }, [processId, query, tick]);

  const loadOlder = useCallback(() => {
    if (state.status !== 'ready' || state.nextBefore === null || state.more === 'loading') return;
    const before = state.nextBefore;
    setState({ ...state, more: 'loading' });
    api.get<AuditPage>(`/processes/${processId}/audit?${apiQuery(filters, before)}`).then(
      (page) =>
        setState((s) =>
          s.status === 'ready' && s.nextBefore === before
            ? { ...s, entries: [...s.entries, ...page.entries], nextBefore: page.nextBefore, more: 'idle' }
            : s,
        ),
      (err: unknown) =>
        setState((s) =>
          s.status === 'ready' && s.nextBefore === before ? { ...s, more: asApiError(err) } : s,
        ),
    );
  }, [state, processId, filters]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { state, loadOlder, reload };
}
