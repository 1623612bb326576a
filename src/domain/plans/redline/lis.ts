/** Longest increasing subsequence, used to tell points that kept their relative order from moved ones. */

/**
 * Marks the members of one longest strictly increasing subsequence of `values` (patience sorting with
 * predecessor links, O(n log n), after Fredman 1975). Among equally long ones it keeps the one whose
 * tails stay smallest, so a single point moved far away is the one reported, not its neighbours.
 */
export function longestIncreasingSubsequence(values: ArrayLike<number>): Uint8Array {
  const n = values.length;
  const inLis = new Uint8Array(n);
  if (n === 0) return inLis;
  const tails = new Int32Array(n); // tails[k]: index of the smallest tail of an increasing run of length k+1
  const prev = new Int32Array(n).fill(-1);
  let length = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    let lo = 0;
    let hi = length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((values[tails[mid] as number] as number) < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1] as number;
    tails[lo] = i;
    if (lo === length) length++;
  }
  for (let k = tails[length - 1] as number; k !== -1; k = prev[k] as number) inLis[k] = 1;
  return inLis;
}
