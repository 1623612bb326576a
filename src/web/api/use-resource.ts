import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, api } from './client.ts';

export type Resource<T> =
  | { state: 'loading'; data: undefined; error: undefined }
  | { state: 'error'; data: undefined; error: ApiError }
  | { state: 'ready'; data: T; error: undefined };

/** Loads `path` with GET, reloading when the path changes; `reload()` fetches again, `set` replaces the data. */
export function useResource<T>(path: string | null): Resource<T> & {
  reload: () => void;
  set: (data: T) => void;
} {
  const [resource, setResource] = useState<Resource<T>>({
    state: 'loading',
    data: undefined,
    error: undefined,
  });
  const [tick, setTick] = useState(0);
  const loadedPath = useRef<string | null>(null);

  useEffect(() => {
    if (path === null) return;
    // `tick` is read so a reload() re-runs the effect.
    void tick;
    const controller = new AbortController();
    // A reload keeps showing the old data; a new path starts from a loading state.
    const samePath = loadedPath.current === path;
    setResource((r) =>
      samePath && r.state === 'ready' ? r : { state: 'loading', data: undefined, error: undefined },
    );
    api.get<T>(path, controller.signal).then(
      (data) => {
        loadedPath.current = path;
        setResource({ state: 'ready', data, error: undefined });
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        const error =
          err instanceof ApiError ? err : new ApiError(0, 'client', 'The answer could not be read.', [], {});
        setResource({ state: 'error', data: undefined, error });
      },
    );
    return () => controller.abort();
  }, [path, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  const set = useCallback((data: T) => setResource({ state: 'ready', data, error: undefined }), []);
  return { ...resource, reload, set };
}
