/** Alignment by text, for two plans that share no point ids (an imported counter-proposal against the base). */

import type { Point } from '../plan.ts';
import { type AlignedGroup, withUnmatched } from './aligned-group.ts';
import { CommonWeights } from './common-weights.ts';
import { FREE, findCompositions, GROUPED, type Side } from './compositions.ts';
import { longestIncreasingSubsequence } from './lis.ts';
import { alignMonotone } from './monotone-alignment.ts';
import { pointText } from './point-text.ts';
import { dice, idfWeights, TokenInterner, weightOf } from './token-bags.ts';

const EMPTY = new Int32Array(0);

/** Dice similarity of word multisets from which two points count as the same point. */
export const SAME_POINT = 0.5;
/** A pair found outside the monotone alignment must be closer than that to be called moved. */
export const MOVED_POINT = 0.6;

/**
 * Pairs points by content in four passes: unique identical texts anchor the alignment (as in patience
 * diff) and the longest increasing run of them fixes the order; between consecutive anchors a
 * Needleman–Wunsch alignment over IDF-weighted word-multiset Dice similarity pairs edited points; then splits and
 * merges (one point ≈ several adjacent ones); finally close pairs left across the order become moves.
 */
export function alignByContent(oldPoints: readonly Point[], newPoints: readonly Point[]): AlignedGroup[] {
  const oldTexts = oldPoints.map(pointText);
  const newTexts = newPoints.map(pointText);
  const oldMatch = new Int32Array(oldTexts.length).fill(FREE);
  const newMatch = new Int32Array(newTexts.length).fill(FREE);
  const anchors = uniqueIdenticalPairs(oldTexts, newTexts);
  for (const [i, j] of anchors) {
    oldMatch[i] = j;
    newMatch[j] = i;
  }

  // Only points left unpaired are ever compared, so only they are tokenised; their IDF is taken among
  // themselves, which still tells function words from the words that carry a clause.
  const oldLoose = freeIn(oldMatch, 0, oldTexts.length);
  const newLoose = freeIn(newMatch, 0, newTexts.length);
  const interner = new TokenInterner();
  const tokenise = (texts: string[], match: Int32Array) =>
    texts.map((t, k) => (match[k] === FREE ? interner.bag(t) : EMPTY));
  const oldBags = tokenise(oldTexts, oldMatch);
  const newBags = tokenise(newTexts, newMatch);
  const weights = idfWeights(
    [...oldLoose.map((i) => oldBags[i]!), ...newLoose.map((j) => newBags[j]!)],
    interner.size,
  );
  const side = (bags: Int32Array[], match: Int32Array): Side => ({
    bags,
    sizes: Float64Array.from(bags, (b) => weightOf(b, weights)),
    match,
  });
  const old = side(oldBags, oldMatch);
  const neu = side(newBags, newMatch);
  const overlap = new CommonWeights(oldBags, newBags, weights, oldLoose, newLoose);
  const common = (i: number, j: number) => overlap.get(i, j);
  const similarity = (i: number, j: number) =>
    dice(common(i, j), old.sizes[i] as number, neu.sizes[j] as number);
  const pair = (i: number, j: number) => {
    old.match[i] = j;
    neu.match[j] = i;
  };
  const ordered = longestIncreasingSubsequence(anchors.map(([, j]) => j));
  const fixed = anchors.filter((_, k) => ordered[k]);
  fixed.push([oldTexts.length, newTexts.length]);
  let fromOld = 0;
  let fromNew = 0;
  for (const [toOld, toNew] of fixed) {
    const rows = freeIn(old.match, fromOld, toOld);
    const cols = freeIn(neu.match, fromNew, toNew);
    const band = bandFor(rows.length, cols.length);
    const slope = cols.length / rows.length;
    const pairs = alignMonotone(rows.length, cols.length, (a, b) => {
      if (Math.abs(b - a * slope) > band) return null;
      const i = rows[a]!;
      const j = cols[b]!;
      const la = old.sizes[i] as number;
      const lb = neu.sizes[j] as number;
      // Dice can reach at most 2·min/(la+lb): skip the merge when even that falls short.
      if (la + lb > 0 && (2 * Math.min(la, lb)) / (la + lb) < SAME_POINT) return null;
      const s = similarity(i, j);
      return s >= SAME_POINT ? s : null;
    });
    for (const [a, b] of pairs) pair(rows[a]!, cols[b]!);
    fromOld = toOld + 1;
    fromNew = toNew + 1;
  }

  const splits = findCompositions(old, neu, common, weights, SAME_POINT);
  const merges = findCompositions(neu, old, (j, i) => common(i, j), weights, SAME_POINT);

  const candidates: [number, number, number][] = [];
  const oldLeft = freeIn(old.match, 0, oldTexts.length);
  const newLeft = freeIn(neu.match, 0, newTexts.length);
  for (const i of oldLeft) {
    for (const j of newLeft) {
      const s = similarity(i, j);
      if (s >= MOVED_POINT) candidates.push([s, i, j]);
    }
  }
  candidates.sort((x, y) => y[0] - x[0] || x[1] - y[1] || x[2] - y[2]);
  for (const [, i, j] of candidates) if (old.match[i] === FREE && neu.match[j] === FREE) pair(i, j);

  const groups: AlignedGroup[] = [];
  for (const s of splits) groups.push({ kind: 'split', old: [s.one], new: s.many });
  for (const m of merges) groups.push({ kind: 'merged', old: m.many, new: [m.one] });
  old.match.forEach((j, i) => {
    if (j !== FREE && j !== GROUPED) groups.push({ kind: 'pair', old: [i], new: [j] });
  });
  return withUnmatched(groups, oldTexts.length, newTexts.length);
}

// Beyond this many cells a stretch is only compared near its diagonal (Ukkonen's banded alignment, 1985);
// pairs the band misses are still found by the pass over leftovers, and the final LIS orders them.
const FULL_ALIGNMENT_CELLS = 250_000;

function bandFor(rows: number, cols: number): number {
  if (rows * cols <= FULL_ALIGNMENT_CELLS) return Number.POSITIVE_INFINITY;
  return Math.max(32, FULL_ALIGNMENT_CELLS / (2 * rows));
}

/** Pairs of indices whose text occurs exactly once on each side, ascending by old index. */
function uniqueIdenticalPairs(oldTexts: readonly string[], newTexts: readonly string[]): [number, number][] {
  const once = (texts: readonly string[]) => {
    const at = new Map<string, number>();
    texts.forEach((t, k) => {
      at.set(t, at.has(t) ? -1 : k);
    });
    return at;
  };
  const inNew = once(newTexts);
  const pairs: [number, number][] = [];
  for (const [text, i] of once(oldTexts)) {
    const j = inNew.get(text);
    if (i >= 0 && j !== undefined && j >= 0) pairs.push([i, j]);
  }
  return pairs.sort((a, b) => a[0] - b[0]);
}

function freeIn(match: Int32Array, from: number, to: number): number[] {
  const out: number[] = [];
  for (let k = from; k < to; k++) if (match[k] === FREE) out.push(k);
  return out;
}
