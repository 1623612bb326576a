import type { PlanContent } from '../plans/plan.ts';
import { binomialUpperTail, logLikelihoodRatio, posteriors } from './evidence.ts';
import { readerTexts } from './fingerprint-plan.ts';
import { SLOT_BITS, slotValue } from './fingerprint-text.ts';
import { type ObservedMark, readMarks } from './read-marks.ts';
import { type MarkChannel, type MarkOptions, slotsOf } from './text-slots.ts';

/** A marked copy on record: its id, the seed and channels of its marks, and the unmarked text it was made of. */
export interface TraceCandidate {
  id: string;
  seed: string;
  content: PlanContent;
  marks?: MarkOptions;
}

export interface ChannelScore {
  compared: number;
  matched: number;
}

export interface CandidateScore {
  id: string;
  /** Bits of the slots the leaked text and this copy have in common, and how many show this copy's value. */
  compared: number;
  matched: number;
  channels: Record<MarkChannel, ChannelScore>;
  /** Probability that this copy is the source, given the marks (Bayes, see `posteriors`). */
  confidence: number;
  /**
   * Probability that a copy not given to this recipient agrees at least this well by chance: the
   * binomial tail, times the number of other copies compared (Bonferroni).
   */
  chance: number;
}

export type TraceVerdict = 'identified' | 'inconclusive' | 'no-marks';
/** Why a trace cannot tell: no copies on record, too few marks survived, several copies fit, or none does. */
export type InconclusiveReason = 'no-candidates' | 'few-marks' | 'several-match' | 'no-match';

export interface TraceResult {
  verdict: TraceVerdict;
  reason?: InconclusiveReason;
  best?: CandidateScore;
  runnerUp?: CandidateScore;
  /** Every candidate that shares a slot with the text, most likely first. */
  ranking: CandidateScore[];
  /** Marks read from the text: slots per channel, slots seen with two values, mark characters. */
  marks: Record<MarkChannel, number> & { conflicts: number; characters: number };
}

/** How sure a trace must be before it names a copy. */
export const TRACE_RULES = {
  /** Marks damaged in transit, per slot; also bounds how much one disagreement costs. */
  errorRate: 0.05,
  /** Fewer compared bits than this and any agreement could be luck among many copies. */
  minCompared: 8,
  minConfidence: 0.99,
  maxChance: 0.01,
  /**
   * A second copy counts as a source too (a text pieced from two) only when its agreement is
   * far beyond luck: at 1 % alone, one innocent copy in a hundred would make a trace inconclusive.
   */
  maxRunnerUpChance: 1e-6,
} as const;

/**
 * Names the copy a leaked text most likely came from, or says it cannot tell. Every candidate is
 * scored by its agreement with the marks read from the text on the slots both have; the verdict
 * needs enough compared bits, a posterior of at least 99 % and a chance agreement of at most 1 %,
 * and no second copy that also agrees beyond chance (a text pieced from two copies).
 */
export function traceText(leaked: string, candidates: readonly TraceCandidate[]): TraceResult {
  const observed = readMarks(leaked);
  const marks = { ...observed.counts, conflicts: observed.conflicts, characters: observed.markCharacters };
  if (observed.markCharacters === 0) return { verdict: 'no-marks', ranking: [], marks };
  if (candidates.length === 0)
    return { verdict: 'inconclusive', reason: 'no-candidates', ranking: [], marks };

  // Copies of one version marked alike share their slots: find them among the marks once.
  const shared = new Map<PlanContent, Map<string, [string, ObservedMark][]>>();
  const sharedSlots = (content: PlanContent, options: MarkOptions) => {
    const variant = `${options.invisible !== false}/${options.spacing === true}`;
    const byVariant = shared.get(content) ?? new Map<string, [string, ObservedMark][]>();
    shared.set(content, byVariant);
    let found = byVariant.get(variant);
    if (!found) {
      const keys = new Set<string>();
      for (const text of readerTexts(content)) {
        for (const slot of slotsOf(text, options).slots) keys.add(slot.key);
      }
      found = [...observed.marks].filter(([key]) => keys.has(key));
      byVariant.set(variant, found);
    }
    return found;
  };

  const others = Math.max(1, candidates.length - 1);
  const raw = candidates.map((candidate) => {
    const channels = agreement(candidate, sharedSlots(candidate.content, candidate.marks ?? {}));
    const all = Object.values(channels);
    const compared = all.reduce((n, c) => n + c.compared, 0);
    const matched = all.reduce((n, c) => n + c.matched, 0);
    return {
      id: candidate.id,
      compared,
      matched,
      channels,
      logRatio: logLikelihoodRatio(compared, matched, TRACE_RULES.errorRate),
      chance: Math.min(1, others * binomialUpperTail(compared, matched)),
    };
  });
  const confidence = posteriors(raw.map((r) => r.logRatio));
  // Sorted on the log ratio: posteriors of long texts underflow to 0 and would no longer order.
  const ranking: CandidateScore[] = raw
    .map((score, i) => ({ score, confidence: confidence[i] ?? 0 }))
    .filter(({ score }) => score.compared > 0)
    .sort((a, b) => b.score.logRatio - a.score.logRatio || (a.score.id < b.score.id ? -1 : 1))
    .map(({ score: { logRatio: _, ...score }, confidence }) => ({ ...score, confidence }));

  const [best, runnerUp] = ranking;
  const result = { ranking, marks, ...(best ? { best } : {}), ...(runnerUp ? { runnerUp } : {}) };
  const reason = inconclusiveReason(best, runnerUp);
  return reason ? { verdict: 'inconclusive', reason, ...result } : { verdict: 'identified', ...result };
}

/** Compared and agreeing bits per channel: each bit of a slot is a coin toss for a copy that did not leak. */
function agreement(
  candidate: TraceCandidate,
  slots: readonly [string, ObservedMark][],
): Record<MarkChannel, ChannelScore> {
  const channels: Record<MarkChannel, ChannelScore> = {
    invisible: { compared: 0, matched: 0 },
    punctuation: { compared: 0, matched: 0 },
    spacing: { compared: 0, matched: 0 },
  };
  for (const [key, mark] of slots) {
    const bits = SLOT_BITS[mark.channel];
    const differing = slotValue(candidate.seed, mark.channel, key) ^ mark.value;
    const score = channels[mark.channel];
    score.compared += bits;
    score.matched += bits - ((differing & 1) + ((differing >> 1) & 1));
  }
  return channels;
}

function inconclusiveReason(
  best: CandidateScore | undefined,
  runnerUp: CandidateScore | undefined,
): InconclusiveReason | null {
  if (!best || best.compared < TRACE_RULES.minCompared) return 'few-marks';
  if (
    runnerUp &&
    runnerUp.compared >= TRACE_RULES.minCompared &&
    runnerUp.chance <= TRACE_RULES.maxRunnerUpChance
  )
    return 'several-match';
  if (best.confidence < TRACE_RULES.minConfidence || best.chance > TRACE_RULES.maxChance) return 'no-match';
  return null;
}
