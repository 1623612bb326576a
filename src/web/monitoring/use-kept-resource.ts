import { useRef } from 'react';
import { useResource } from '../api/use-resource.ts';

/**
 * A resource whose last answer stays on screen while the next one loads (moving "as of" should
 * not blank the dashboard); `stale` says the data shown is the previous answer.
 */
export function useKeptResource<T>(path: string | null) {
  const res = useResource<T>(path);
  const last = useRef<T | undefined>(undefined);
  if (res.state === 'ready') last.current = res.data;
  return {
    data: res.state === 'ready' ? res.data : res.state === 'loading' ? last.current : undefined,
    stale: res.state === 'loading' && last.current !== undefined,
    error: res.error,
    state: res.state,
    reload: res.reload,
  };
}
