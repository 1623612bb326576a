/** Finding one point that became several adjacent points (a split), or, with the sides swapped, a merge. */

import { commonWeight, dice, mergeBags, weightOf } from './token-bags.ts';

/** Match state of a point: a partner index on the other side, or one of these. */
export const FREE = -1;
export const GROUPED = -2;

/** One side of a content alignment: word bags, their total weights, and the current match of each point. */
export interface Side {
  bags: Int32Array[];
  sizes: Float64Array;
  match: Int32Array;
}

/** A point on the `one` side that corresponds to several adjacent points on the `many` side. */
export interface Composition {
  one: number;
  many: number[];
}

// A part must mostly consist of words of the whole, so that stop-word overlap alone never attaches it.
const CONTAINMENT = 0.6;
// Attaching a part must clearly improve on the existing one-to-one pair.
const GAIN = 0.02;

/**
 * Greedy search for compositions: from each `one` point, grow a run of adjacent free `many` points
 * (starting from its partner, or from each free point mostly made of its words) while the Dice
 * similarity of the point to the run's concatenation improves. Accepted runs are marked GROUPED.
 */
export function findCompositions(
  one: Side,
  many: Side,
  common: (one: number, many: number) => number,
  weights: Float64Array,
  threshold: number,
): Composition[] {
  const found: Composition[] = [];
  const contained = (i: number, j: number) => {
    const size = many.sizes[j] as number;
    return many.match[j] === FREE && size > 0 && common(i, j) / size >= CONTAINMENT;
  };
  for (let i = 0; i < one.bags.length; i++) {
    const partner = one.match[i] as number;
    if (partner === GROUPED) continue;
    let best: { many: number[]; score: number } | null = null;
    if (partner >= 0) {
      const base = dice(common(i, partner), one.sizes[i] as number, many.sizes[partner] as number);
      const run = grow(i, partner, one.bags[i]!, many.bags, weights, contained);
      if (run.many.length > 1 && run.score >= threshold && run.score > base + GAIN) best = run;
    } else {
      const [from, to] = window(one.match, i, many.bags.length);
      for (let j = from; j <= to; j++) {
        if (!contained(i, j)) continue;
        const run = grow(i, j, one.bags[i]!, many.bags, weights, contained);
        if (run.many.length > 1 && run.score >= threshold && (best === null || run.score > best.score))
          best = run;
      }
    }
    if (best === null) continue;
    one.match[i] = GROUPED;
    for (const j of best.many) many.match[j] = GROUPED;
    found.push({ one: i, many: best.many });
  }
  return found;
}

/**
 * Where the parts of an unpaired point can be: between the partners of its nearest paired neighbours.
 * Keeps the search local (and linear overall) instead of scanning the whole other text for every point.
 */
function window(match: Int32Array, i: number, manyCount: number): [number, number] {
  let from = 0;
  let to = manyCount - 1;
  for (let k = i - 1; k >= 0; k--) {
    if ((match[k] as number) >= 0) {
      from = match[k] as number;
      break;
    }
  }
  for (let k = i + 1; k < match.length; k++) {
    if ((match[k] as number) >= 0) {
      to = match[k] as number;
      break;
    }
  }
  return from <= to ? [from, to] : [0, manyCount - 1];
}

function grow(
  i: number,
  seed: number,
  whole: Int32Array,
  bags: Int32Array[],
  weights: Float64Array,
  contained: (i: number, j: number) => boolean,
): { many: number[]; score: number } {
  let lo = seed;
  let hi = seed;
  let bag = bags[seed]!;
  let score = diceOf(whole, bag, weights);
  for (;;) {
    let next: { at: number; bag: Int32Array; score: number } | null = null;
    for (const at of [lo - 1, hi + 1]) {
      if (at < 0 || at >= bags.length || !contained(i, at)) continue;
      const merged = mergeBags(bag, bags[at]!);
      const s = diceOf(whole, merged, weights);
      if (s > score && (next === null || s > next.score)) next = { at, bag: merged, score: s };
    }
    if (next === null) break;
    if (next.at < lo) lo = next.at;
    else hi = next.at;
    bag = next.bag;
    score = next.score;
  }
  const run: number[] = [];
  for (let j = lo; j <= hi; j++) run.push(j);
  return { many: run, score };
}

function diceOf(a: Int32Array, b: Int32Array, weights: Float64Array): number {
  return dice(commonWeight(a, b, weights), weightOf(a, weights), weightOf(b, weights));
}
