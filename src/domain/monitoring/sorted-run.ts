import { parseInstant } from './instant.ts';

/**
 * Sorting a commitment's entries by time without allocating per commitment. Entries come in the
 * order the store read them — usually by time already, which is checked in the same pass that
 * parses them. Otherwise (time, input index) is packed into one float64 key and the keys sorted
 * by the typed-array numeric sort, with no comparator calls; a comparator sort is the fallback
 * when the keys would not fit 53 bits, or a second time breaks ties.
 */

/** Keys pack (ms since the run's earliest, input index) when the index fits 12 bits and the span 41 (69 years). */
const INDEX_RANGE = 4096;
const MAX_SPAN_MS = 2 ** 53 / INDEX_RANGE;

/** Buffers reused across the runs of one preparation; the result of `sortedRun` lives in them. */
export class RunScratch {
  at = new Float64Array(0);
  second = new Float64Array(0);
  keys = new Float64Array(0);
  order = new Uint32Array(0);

  ensure(n: number): void {
    if (this.at.length >= n) return;
    const size = Math.max(n, this.at.length * 2, 64);
    this.at = new Float64Array(size);
    this.second = new Float64Array(size);
    this.keys = new Float64Array(size);
    this.order = new Uint32Array(size);
  }
}

/**
 * Parses the times of `items` into `scratch.at` (by input index) and returns the input indices in
 * ascending time order — ties by `tie`'s time, then input order — or null when already in order.
 */
export function sortedRun<T>(
  scratch: RunScratch,
  items: readonly T[],
  time: (item: T) => string,
  tie: ((item: T) => string) | null,
): Uint32Array | null {
  const n = items.length;
  scratch.ensure(n);
  const { at, second } = scratch;
  let sorted = true;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let finite = true;
  for (let k = 0; k < n; k++) {
    const item = items[k]!;
    const t = parseInstant(time(item));
    at[k] = t;
    if (Number.isNaN(t)) finite = false;
    if (t < min) min = t;
    if (t > max) max = t;
    if (tie !== null) second[k] = parseInstant(tie(item));
    if (k > 0 && (t < at[k - 1]! || (tie !== null && t === at[k - 1] && second[k]! < second[k - 1]!)))
      sorted = false;
  }
  if (sorted) return null;
  const order = scratch.order;
  if (tie === null && finite && n <= INDEX_RANGE && max - min < MAX_SPAN_MS) {
    const keys = scratch.keys.subarray(0, n);
    for (let k = 0; k < n; k++) keys[k] = (at[k]! - min) * INDEX_RANGE + k;
    keys.sort();
    for (let k = 0; k < n; k++) order[k] = keys[k]! % INDEX_RANGE;
    return order;
  }
  const indices = Array.from({ length: n }, (_, k) => k);
  indices.sort((a, b) => at[a]! - at[b]! || (tie === null ? 0 : second[a]! - second[b]!) || a - b);
  for (let k = 0; k < n; k++) order[k] = indices[k]!;
  return order;
}
