/** Order-preserving pairing of two sequences by similarity. */

/**
 * Needleman–Wunsch global alignment (1970) with zero gap cost and a match allowed only where
 * `score(a, b)` is not null: returns the non-crossing pairs (a, b) of maximal total score, ascending.
 * O(rows·cols) time and memory; callers keep the inputs to the stretches between fixed anchors.
 */
export function alignMonotone(
  rows: number,
  cols: number,
  score: (row: number, col: number) => number | null,
): [number, number][] {
  if (rows === 0 || cols === 0) return [];
  const width = cols + 1;
  const best = new Float64Array((rows + 1) * width);
  // 0 = came from above (row skipped), 1 = from the left (col skipped), 2 = diagonal (matched).
  const step = new Uint8Array((rows + 1) * width);
  for (let a = 1; a <= rows; a++) {
    for (let b = 1; b <= cols; b++) {
      const at = a * width + b;
      const up = best[at - width] as number;
      const left = best[at - 1] as number;
      let value = up;
      let from = 0;
      if (left > value) {
        value = left;
        from = 1;
      }
      const s = score(a - 1, b - 1);
      if (s !== null && (best[at - width - 1] as number) + s >= value) {
        value = (best[at - width - 1] as number) + s;
        from = 2;
      }
      best[at] = value;
      step[at] = from;
    }
  }
  const pairs: [number, number][] = [];
  let a = rows;
  let b = cols;
  while (a > 0 && b > 0) {
    const from = step[a * width + b];
    if (from === 2) pairs.push([--a, --b]);
    else if (from === 0) a--;
    else b--;
  }
  return pairs.reverse();
}
