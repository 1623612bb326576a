import { useSearchParams } from 'wouter';

/** A filter's value in the URL: a list is joined with commas; empty drops the key. */
type FilterValue = string | readonly string[] | undefined;

/**
 * Setting and clearing a page's filters in its URL (so a filtered view can be linked), replacing
 * the history entry rather than adding one per keystroke.
 */
export function useUrlFilters(keys: readonly string[]) {
  const [params, setParams] = useSearchParams();
  const setFilters = (changes: Record<string, FilterValue>) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        for (const [key, value] of Object.entries(changes)) {
          const text = typeof value === 'string' ? value : (value?.join(',') ?? '');
          if (text === '') next.delete(key);
          else next.set(key, text);
        }
        return next;
      },
      { replace: true },
    );
  const clearFilters = () =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        for (const k of keys) next.delete(k);
        return next;
      },
      { replace: true },
    );
  return { params, setFilters, clearFilters };
}
