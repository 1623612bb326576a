/** Word multisets as sorted Int32Arrays of interned token ids, for fast similarity between many points. */

const WORD = /[\p{L}\p{N}]+/gu;

/** Maps each distinct (case-folded) word to a small integer, shared by both plans of one comparison. */
export class TokenInterner {
  readonly #ids = new Map<string, number>();

  /** The sorted multiset of token ids of `text`. */
  bag(text: string): Int32Array {
    const ids: number[] = [];
    for (const m of text.toLowerCase().matchAll(WORD)) {
      let id = this.#ids.get(m[0]);
      if (id === undefined) {
        id = this.#ids.size;
        this.#ids.set(m[0], id);
      }
      ids.push(id);
    }
    return Int32Array.from(ids).sort();
  }

  /** How many distinct tokens were seen so far. */
  get size(): number {
    return this.#ids.size;
  }
}

/**
 * Inverse document frequency log(1 + N/df) of each token over the given bags (Spärck Jones 1972), so
 * that function words shared by every clause ("the", "shall") count for little next to the words that
 * make a clause what it is.
 */
export function idfWeights(bags: readonly Int32Array[], tokenCount: number): Float64Array {
  const df = new Int32Array(tokenCount);
  for (const bag of bags) {
    for (let k = 0; k < bag.length; k++) if (k === 0 || bag[k] !== bag[k - 1]) df[bag[k] as number]!++;
  }
  const weights = new Float64Array(tokenCount);
  for (let t = 0; t < tokenCount; t++) weights[t] = Math.log(1 + bags.length / Math.max(1, df[t] as number));
  return weights;
}

/** Total weight of a bag. */
export function weightOf(bag: Int32Array, weights: Float64Array): number {
  let sum = 0;
  for (let k = 0; k < bag.length; k++) sum += weights[bag[k] as number] as number;
  return sum;
}

/** Weight of the multiset intersection of two sorted bags (a linear merge). */
export function commonWeight(a: Int32Array, b: Int32Array, weights: Float64Array): number {
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      common += weights[x] as number;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return common;
}

/** The bag of the concatenation of two texts (multiset sum of sorted bags). */
export function mergeBags(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = (a[i] as number) <= (b[j] as number) ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

/** Sørensen–Dice coefficient 2·common/(|a|+|b|) (here over token weights); two empty texts count as identical. */
export function dice(common: number, sizeA: number, sizeB: number): number {
  return sizeA + sizeB === 0 ? 1 : (2 * common) / (sizeA + sizeB);
}
