import { useEffect, useRef } from 'react';
import { decodeLiveEvent, type LiveEvent } from '../../domain/live/live-event.ts';
import { ApiError, api } from '../api/client.ts';

/**
 * What a page hears: a live event (ids only: re-fetch what it names), or `resync` after the stream
 * reconnected, when events may have been missed (the server does not replay them): re-fetch all.
 */
export type LiveNotice = LiveEvent | { type: 'resync'; processId: string };

const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 60_000;

/**
 * Listens to the live updates of a process while the component is mounted and calls `onEvent` for
 * each; the latest `onEvent` is used without reconnecting. The browser's EventSource reconnects by
 * itself after a dropped connection; when the server refuses the stream instead, this hook asks
 * whether the process is still readable: not signed in (401, which sends the app to sign-in) or
 * no longer a member (404) ends it, anything else is retried with capped exponential backoff.
 */
export function useLiveEvents(processId: string | null, onEvent: (notice: LiveNotice) => void): void {
  const handler = useRef(onEvent);
  useEffect(() => {
    handler.current = onEvent;
  });

  useEffect(() => {
    if (!processId || typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    let failures = 0;
    let everOpen = false;

    const connect = () => {
      if (stopped) return;
      // Same origin: the session cookie goes along (withCredentials only matters cross-origin).
      const es = new EventSource(`/api/v1/processes/${encodeURIComponent(processId)}/events`, {
        withCredentials: true,
      });
      source = es;
      es.onopen = () => {
        failures = 0;
        if (everOpen) handler.current({ type: 'resync', processId });
        everOpen = true;
      };
      es.onmessage = (message: MessageEvent<string>) => {
        const event = decodeLiveEvent(message.data);
        if (event && event.processId === processId) handler.current(event);
      };
      es.onerror = () => {
        if (es.readyState !== EventSource.CLOSED || stopped) return; // the browser is reconnecting
        es.close();
        api.get(`/processes/${encodeURIComponent(processId)}`).then(later, (error: unknown) => {
          if (!(error instanceof ApiError && (error.status === 401 || error.status === 404))) later();
        });
      };
    };
    const later = () => {
      if (stopped) return;
      const delay = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.min(failures++, 10));
      // Jitter, so that the tabs of a restarted server do not all come back at once.
      retry = setTimeout(connect, delay * (0.5 + Math.random() / 2));
    };

    connect();
    return () => {
      stopped = true;
      clearTimeout(retry);
      source?.close();
    };
  }, [processId]);
}
