import { useSearchParams } from 'wouter';

/**
 * The moment a monitoring page shows things as of, kept in the URL (?asOf=ISO) so that a view of
 * the past can be linked and reloaded; null means now. Other query parameters are kept.
 */
export function useAsOf(): [string | null, (asOf: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get('asOf');
  const asOf = raw !== null && !Number.isNaN(Date.parse(raw)) ? raw : null;
  const set = (next: string | null) =>
    setParams(
      (p) => {
        const q = new URLSearchParams(p);
        if (next === null) q.delete('asOf');
        else q.set('asOf', next);
        return q;
      },
      { replace: true },
    );
  return [asOf, set];
}

/** `?asOf=…` to carry the moment along in a link, or ''. */
export const asOfQuery = (asOf: string | null, prefix = '?'): string =>
  asOf === null ? '' : `${prefix}asOf=${encodeURIComponent(asOf)}`;
