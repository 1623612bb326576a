import { absoluteDeadlineMs, addDeadlineOffset } from './deadline.ts';
import type {
  AgreementClock,
  CommitmentFacts,
  CommitmentState,
  CommitmentStatus,
  ImplementationScore,
} from './monitoring-model.ts';
import { RunScratch, sortedRun } from './sorted-run.ts';

/**
 * The facts of every commitment prepared once for questions "as of" many moments: entries parsed
 * to epoch milliseconds and sorted, with prefix sums of the quantity delivered and the latest
 * breach/dispute flag after each entry. The state as of T then needs only how many entries lie at
 * or before T (a binary search, or a pointer when moments come in order), which is what makes a
 * series of dates a sweep rather than a rescan. All commitments share one set of typed arrays,
 * each owning a run of it, so that 100,000 entries make a handful of allocations, not thousands.
 *
 * Completion is the earliest entry by which a `completed` entry was recorded or the delivered
 * quantity reached the target. It depends on nothing but the commitment's own entries, so it is
 * the same for every moment from then on, and so is the deadline of a commitment anchored on it:
 * anchors need no ordering, and a cycle left in stored data cannot make this loop.
 */

/** The flag the latest breach/dispute entry leaves: none, breached, disputed, or cleared again. */
const FLAG_NONE = 0;
const FLAG_BREACHED = 1;
const FLAG_DISPUTED = 2;
const FLAG_CLEARED = 3;
/** `anchor` of a commitment whose deadline is not after another's, and of one whose anchor is not found. */
const NOT_ANCHORED = -2;
const UNKNOWN_ANCHOR = -1;

/** One commitment's share of the prepared facts. */
export interface CommitmentTimeline {
  id: string;
  /** Its progress entries are [from, to) of the shared arrays, and its scores [scoreFrom, scoreTo). */
  from: number;
  to: number;
  scoreFrom: number;
  scoreTo: number;
  /** Earliest completion instant over the whole history, NaN if never. */
  completedAtMs: number;
  /** Absolute and entry-into-force deadlines; NaN when there is none or it waits. */
  fixedDeadlineMs: number;
  waitsForEntryIntoForce: boolean;
  /** After-commitment deadlines: the anchor's index (UNKNOWN_ANCHOR if not found) and the deadline once it is completed. */
  anchor: number;
  anchoredDeadlineMs: number;
}

/** The prepared facts of an agreement's commitments. */
export interface Timelines {
  items: CommitmentTimeline[];
  /** occurredAt of the progress entries, ascending within each run (ties in input order). */
  times: Float64Array;
  /** Quantity delivered by the run's entries up to and including this one. */
  delivered: Float64Array;
  /** The flag left after this entry. */
  flags: Uint8Array;
  /** effectiveAt of the scores, ascending within each run; at equal effectiveAt the later recorded wins. */
  scoreTimes: Float64Array;
  scoreValues: Uint8Array;
}

/** Prepares the facts of an agreement's commitments for states as of any moment (see above). */
export function prepareTimelines(clock: AgreementClock, facts: readonly CommitmentFacts[]): Timelines {
  let entries = 0;
  let scores = 0;
  for (const f of facts) {
    entries += f.progress.length;
    scores += f.scores.length;
  }
  const tl: Timelines = {
    items: [],
    times: new Float64Array(entries),
    delivered: new Float64Array(entries),
    flags: new Uint8Array(entries),
    scoreTimes: new Float64Array(scores),
    scoreValues: new Uint8Array(scores),
  };
  const entryIntoForceMs = clock.entryIntoForceAt === null ? Number.NaN : Date.parse(clock.entryIntoForceAt);
  // Many deadlines share a start (entry into force) and an offset, or an absolute time: compute each once.
  const memo = new Map<string, number>();
  const once = (key: string, compute: () => number) => {
    let value = memo.get(key);
    if (value === undefined) {
      value = compute();
      memo.set(key, value);
    }
    return value;
  };
  const scratch = new RunScratch();
  let from = 0;
  let scoreFrom = 0;
  for (const f of facts) {
    const t = fillRuns(tl, scratch, f, from, scoreFrom);
    from = t.to;
    scoreFrom = t.scoreTo;
    const d = f.deadline;
    if (d.kind === 'absolute')
      t.fixedDeadlineMs = once(`${d.local} ${d.zone}`, () => absoluteDeadlineMs(d.local, d.zone));
    else if (d.kind === 'after_entry_into_force' && !Number.isNaN(entryIntoForceMs))
      t.fixedDeadlineMs = once(`${d.amount} ${d.unit}`, () =>
        addDeadlineOffset(entryIntoForceMs, d.amount, d.unit, clock.zone),
      );
    t.waitsForEntryIntoForce = d.kind === 'after_entry_into_force' && Number.isNaN(entryIntoForceMs);
    tl.items.push(t);
  }
  const index = new Map(facts.map((f, i) => [f.id, i]));
  facts.forEach((f, i) => {
    if (f.deadline.kind !== 'after_commitment') return;
    const t = tl.items[i]!;
    t.anchor = index.get(f.deadline.commitmentId) ?? UNKNOWN_ANCHOR;
    const anchorDone = t.anchor < 0 ? Number.NaN : tl.items[t.anchor]!.completedAtMs;
    if (!Number.isNaN(anchorDone))
      t.anchoredDeadlineMs = addDeadlineOffset(anchorDone, f.deadline.amount, f.deadline.unit, clock.zone);
  });
  return tl;
}

/** Writes one commitment's entries and scores, sorted, into its runs of the shared arrays. */
function fillRuns(
  tl: Timelines,
  scratch: RunScratch,
  f: CommitmentFacts,
  from: number,
  scoreFrom: number,
): CommitmentTimeline {
  const n = f.progress.length;
  const order = sortedRun(scratch, f.progress, progressTime, null);
  let sum = 0;
  let flag = FLAG_NONE;
  let completedAtMs = Number.NaN;
  const target = f.targetQuantity;
  for (let k = 0; k < n; k++) {
    const j = order === null ? k : order[k]!;
    const p = f.progress[j]!;
    const at = scratch.at[j]!;
    tl.times[from + k] = at;
    sum += p.quantity ?? 0;
    tl.delivered[from + k] = sum;
    if (p.kind === 'breached') flag = FLAG_BREACHED;
    else if (p.kind === 'disputed') flag = FLAG_DISPUTED;
    else if (p.kind === 'dispute_resolved' || p.kind === 'reopened') flag = FLAG_CLEARED;
    tl.flags[from + k] = flag;
    const reached = p.kind === 'completed' || (target !== null && target > 0 && sum >= target);
    if (reached && Number.isNaN(completedAtMs)) completedAtMs = at;
  }
  const m = f.scores.length;
  const scoreOrder = sortedRun(scratch, f.scores, scoreTime, scoreRecorded);
  for (let k = 0; k < m; k++) {
    const j = scoreOrder === null ? k : scoreOrder[k]!;
    const s = f.scores[j]!;
    tl.scoreTimes[scoreFrom + k] = scratch.at[j]!;
    tl.scoreValues[scoreFrom + k] = s.score;
  }
  return {
    id: f.id,
    from,
    to: from + n,
    scoreFrom,
    scoreTo: scoreFrom + m,
    completedAtMs,
    fixedDeadlineMs: Number.NaN,
    waitsForEntryIntoForce: false,
    anchor: f.deadline.kind === 'after_commitment' ? UNKNOWN_ANCHOR : NOT_ANCHORED,
    anchoredDeadlineMs: Number.NaN,
  };
}

const progressTime = (p: CommitmentFacts['progress'][number]) => p.occurredAt;
const scoreTime = (s: CommitmentFacts['scores'][number]) => s.effectiveAt;
const scoreRecorded = (s: CommitmentFacts['scores'][number]) => s.recordedAt;

/** The end of the entries ≤ `at` in the ascending run [from, to) of `times` (binary search). */
export function countAtOrBefore(times: Float64Array, from: number, to: number, at: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid]! <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The deadline instant as of `at`: NaN when there is none, or its clock has not started by then. */
export function deadlineAt(tl: Timelines, t: CommitmentTimeline, at: number): number {
  if (t.anchor === NOT_ANCHORED) return t.fixedDeadlineMs;
  const anchorDone = t.anchor < 0 ? Number.NaN : tl.items[t.anchor]!.completedAtMs;
  return anchorDone <= at ? t.anchoredDeadlineMs : Number.NaN;
}

/**
 * The status as of `at`, given the ends `p` and `s` of the entries and scores at or before it, by
 * the rules of the monitoring contract: the latest breach/dispute entry decides breached or
 * disputed; then completed (late when after the deadline); then overdue; then in progress when any
 * entry, or a score ≥ 1, is in force; else not started.
 */
export function statusAt(
  tl: Timelines,
  t: CommitmentTimeline,
  deadlineMs: number,
  at: number,
  p: number,
  s: number,
): CommitmentStatus {
  const flag = p === t.from ? FLAG_NONE : tl.flags[p - 1]!;
  if (flag === FLAG_BREACHED) return 'breached';
  if (flag === FLAG_DISPUTED) return 'disputed';
  if (t.completedAtMs <= at) return t.completedAtMs > deadlineMs ? 'completed_late' : 'completed';
  if (deadlineMs < at) return 'overdue';
  if (p > t.from || (s > t.scoreFrom && tl.scoreValues[s - 1]! >= 1)) return 'in_progress';
  return 'not_started';
}

/** The score in force given the end `s` of the scores at or before the moment (null before the first). */
export function scoreAt(tl: Timelines, t: CommitmentTimeline, s: number): ImplementationScore | null {
  return s === t.scoreFrom ? null : (tl.scoreValues[s - 1]! as ImplementationScore);
}

/** The full state of one commitment as of `at` (epoch ms). */
export function stateAt(tl: Timelines, t: CommitmentTimeline, at: number): CommitmentState {
  const p = countAtOrBefore(tl.times, t.from, t.to, at);
  const s = countAtOrBefore(tl.scoreTimes, t.scoreFrom, t.scoreTo, at);
  const deadlineMs = deadlineAt(tl, t, at);
  const waitingFor = !Number.isNaN(deadlineMs)
    ? null
    : t.waitsForEntryIntoForce
      ? 'entry_into_force'
      : t.anchor !== NOT_ANCHORED
        ? 'commitment'
        : null;
  return {
    id: t.id,
    status: statusAt(tl, t, deadlineMs, at, p, s),
    deadlineAt: Number.isNaN(deadlineMs) ? null : new Date(deadlineMs).toISOString(),
    waitingFor,
    quantityDone: p === t.from ? 0 : tl.delivered[p - 1]!,
    score: scoreAt(tl, t, s),
    completedAt: t.completedAtMs <= at ? new Date(t.completedAtMs).toISOString() : null,
  };
}
