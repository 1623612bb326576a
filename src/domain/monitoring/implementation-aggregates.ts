import { invalid } from '../shared/app-error.ts';
import { deadlineAt, prepareTimelines, scoreAt, statusAt, type Timelines } from './commitment-timeline.ts';
import {
  type AgreementClock,
  COMMITMENT_STATUSES,
  type CommitmentFacts,
  type CommitmentState,
  type CommitmentStatus,
} from './monitoring-model.ts';
import type { AggregateRow, TrendPoint } from './monitoring-snapshot.ts';

/**
 * Implementation percentages as peace-accord research computes them (the Peace Accords Matrix's
 * implementation index, Joshi, Quinn & Regan 2015): each commitment scored 0–3, a group's
 * implementation = Σ score ÷ (3 × number of commitments) × 100, an unscored commitment counting 0.
 */

/** A count of zero for every status. */
export function emptyStatusCounts(): Record<CommitmentStatus, number> {
  return Object.fromEntries(COMMITMENT_STATUSES.map((s) => [s, 0])) as Record<CommitmentStatus, number>;
}

/** How many of the states have each status. */
export function statusCounts(
  states: readonly Pick<CommitmentState, 'status'>[],
): Record<CommitmentStatus, number> {
  const counts = emptyStatusCounts();
  for (const s of states) counts[s.status] += 1;
  return counts;
}

/** Σ score ÷ (3 × n) × 100, 0–100; 0 for an empty group. */
export function implementationPercent(scoreSum: number, commitments: number): number {
  return commitments === 0 ? 0 : (scoreSum / (3 * commitments)) * 100;
}

/** The aggregate row of one group of commitment states. */
export function aggregateRow(
  key: string,
  label: string,
  states: readonly Pick<CommitmentState, 'status' | 'score'>[],
): AggregateRow {
  let scoreSum = 0;
  let scored = 0;
  for (const s of states)
    if (s.score !== null) {
      scored += 1;
      scoreSum += s.score;
    }
  return {
    key,
    label,
    commitments: states.length,
    scored,
    scoreSum,
    percent: implementationPercent(scoreSum, states.length),
    counts: statusCounts(states),
  };
}

/** A grouping: the keys each commitment falls under (several for several parties or tags). */
export interface Grouping {
  keysOf: (state: CommitmentState, index: number) => readonly string[];
  labelOf: (key: string) => string;
  /** Keys in the order rows should come, first; keys not listed follow in order of first appearance. */
  order?: readonly string[];
}

/**
 * Aggregate rows by group. A commitment with several keys counts once in each of them (so rows of
 * parties or tags may add up to more than the total); a commitment without keys is in no row.
 */
export function aggregateBy(states: readonly CommitmentState[], grouping: Grouping): AggregateRow[] {
  const members = new Map<string, CommitmentState[]>();
  for (const key of grouping.order ?? []) members.set(key, []);
  states.forEach((state, i) => {
    for (const key of new Set(grouping.keysOf(state, i))) {
      const list = members.get(key);
      if (list) list.push(state);
      else members.set(key, [state]);
    }
  });
  return [...members]
    .filter(([, list]) => list.length > 0)
    .map(([key, list]) => aggregateRow(key, grouping.labelOf(key), list));
}

/** Implementation and status counts of all commitments at each of `dates` (ISO instants), in their order. */
export function implementationOverTime(
  clock: AgreementClock,
  facts: readonly CommitmentFacts[],
  dates: readonly string[],
): TrendPoint[] {
  return trendOverTimelines(prepareTimelines(clock, facts), dates);
}

/**
 * The same over prepared timelines. The dates are visited in ascending order with one pointer
 * into each commitment's sorted entries and scores, so the whole series costs one pass over the
 * entries plus O(1) per commitment and date — a sweep rather than a rescan per date.
 */
export function trendOverTimelines(tl: Timelines, dates: readonly string[]): TrendPoint[] {
  const ats = dates.map((d, i) => {
    const at = Date.parse(d);
    if (Number.isNaN(at)) throw invalid(`dates.${i}`, 'is not an ISO-8601 date and time');
    return at;
  });
  const order = ats.map((_, i) => i).sort((a, b) => ats[a]! - ats[b]!);
  const { items, times, scoreTimes } = tl;
  const p = Uint32Array.from(items, (t) => t.from);
  const s = Uint32Array.from(items, (t) => t.scoreFrom);
  const points: TrendPoint[] = new Array(dates.length);
  for (const d of order) {
    const at = ats[d]!;
    const counts = emptyStatusCounts();
    let scoreSum = 0;
    for (let i = 0; i < items.length; i++) {
      const t = items[i]!;
      let pi = p[i]!;
      while (pi < t.to && times[pi]! <= at) pi++;
      p[i] = pi;
      let si = s[i]!;
      while (si < t.scoreTo && scoreTimes[si]! <= at) si++;
      s[i] = si;
      counts[statusAt(tl, t, deadlineAt(tl, t, at), at, pi, si)] += 1;
      scoreSum += scoreAt(tl, t, si) ?? 0;
    }
    points[d] = {
      at: new Date(at).toISOString(),
      percent: implementationPercent(scoreSum, items.length),
      counts,
    };
  }
  return points;
}

/** Convenience: counts and percent of all states as one row keyed "all". */
export function totalsRow(states: readonly CommitmentState[]): AggregateRow {
  return aggregateRow('all', 'All commitments', states);
}
