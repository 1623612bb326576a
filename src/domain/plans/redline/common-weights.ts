/** Weighted word overlap between every old and new point, computed on demand and kept. */

/** Distinct tokens of a sorted bag with their multiplicities. */
function runs(bag: Int32Array): { tokens: Int32Array; counts: Int32Array } {
  let distinct = 0;
  for (let k = 0; k < bag.length; k++) if (k === 0 || bag[k] !== bag[k - 1]) distinct++;
  const tokens = new Int32Array(distinct);
  const counts = new Int32Array(distinct);
  let d = -1;
  for (let k = 0; k < bag.length; k++) {
    if (k === 0 || bag[k] !== bag[k - 1]) tokens[++d] = bag[k] as number;
    counts[d]!++;
  }
  return { tokens, counts };
}

function slots(count: number, loose: readonly number[]): Int32Array {
  const slot = new Int32Array(count).fill(-1);
  loose.forEach((index, k) => {
    slot[index] = k;
  });
  return slot;
}

/**
 * Weight of the multiset intersection Σ min(countA, countB)·w of old point i and new point j, for the
 * points still unpaired after anchoring (`oldLoose`, `newLoose`), whose pairs are memoised. The old
 * point's counts are scattered into a dense vector so that each pair costs one branch-free pass over
 * the new point's distinct words; callers ask row by row (the alignment does), so a row is scattered
 * once. A merge of sorted bags would mispredict on every step and was ~20× slower on 1,000 points.
 */
export class CommonWeights {
  readonly #old: { tokens: Int32Array; counts: Int32Array }[];
  readonly #new: { tokens: Int32Array; counts: Int32Array }[];
  readonly #oldSlot: Int32Array;
  readonly #newSlot: Int32Array;
  readonly #width: number;
  readonly #weights: Float64Array;
  readonly #dense: Int32Array;
  #row = -1;
  readonly #memo: Float64Array | Map<number, number>;

  constructor(
    oldBags: readonly Int32Array[],
    newBags: readonly Int32Array[],
    weights: Float64Array,
    oldLoose: readonly number[],
    newLoose: readonly number[],
  ) {
    this.#old = oldBags.map(runs);
    this.#new = newBags.map(runs);
    this.#weights = weights;
    this.#dense = new Int32Array(weights.length);
    this.#oldSlot = slots(oldBags.length, oldLoose);
    this.#newSlot = slots(newBags.length, newLoose);
    this.#width = newLoose.length;
    const cells = oldLoose.length * newLoose.length;
    // A dense memo up to 16 MB; beyond that only the pairs actually asked for are kept.
    this.#memo = cells <= 2_000_000 ? new Float64Array(cells).fill(-1) : new Map();
  }

  /** The weighted overlap of old point `i` and new point `j`. */
  get(i: number, j: number): number {
    const key = (this.#oldSlot[i] as number) * this.#width + (this.#newSlot[j] as number);
    const memo = this.#memo;
    const known = memo instanceof Float64Array ? (memo[key] as number) : (memo.get(key) ?? -1);
    if (known >= 0) return known;
    if (this.#row !== i) this.#scatter(i);
    const { tokens, counts } = this.#new[j]!;
    const dense = this.#dense;
    const weights = this.#weights;
    let sum = 0;
    for (let k = 0; k < tokens.length; k++) {
      const t = tokens[k] as number;
      sum += Math.min(dense[t] as number, counts[k] as number) * (weights[t] as number);
    }
    if (memo instanceof Float64Array) memo[key] = sum;
    else memo.set(key, sum);
    return sum;
  }

  #scatter(i: number): void {
    const dense = this.#dense;
    if (this.#row >= 0) for (const t of this.#old[this.#row]!.tokens) dense[t] = 0;
    const { tokens, counts } = this.#old[i]!;
    for (let k = 0; k < tokens.length; k++) dense[tokens[k] as number] = counts[k] as number;
    this.#row = i;
  }
}
