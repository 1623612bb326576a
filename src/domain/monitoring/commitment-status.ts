import { invalid } from '../shared/app-error.ts';
import { prepareTimelines, stateAt } from './commitment-timeline.ts';
import type { AgreementClock, CommitmentFacts, CommitmentState, DeadlineSpec } from './monitoring-model.ts';

/**
 * Status "as of" a moment (time travel): only progress entries that occurred at or before it, and
 * scores effective at or before it, count. The rules are those of the monitoring contract; the
 * arithmetic is in commitment-timeline.ts so that series of dates share one preparation.
 */

/** The state of every commitment as of `asOf` (ISO instant), in the order of `facts`. */
export function commitmentStatesAsOf(
  clock: AgreementClock,
  facts: readonly CommitmentFacts[],
  asOf: string,
): CommitmentState[] {
  const at = Date.parse(asOf);
  if (Number.isNaN(at)) throw invalid('query.asOf', 'is not an ISO-8601 date and time');
  const tl = prepareTimelines(clock, facts);
  return tl.items.map((t) => stateAt(tl, t, at));
}

/** What anchor checks need of a commitment: its id, its deadline and (for messages) its position. */
export interface AnchoredCommitment {
  id: string;
  /** Shown in messages as "#3" (titles come from the confidential text and stay out of errors). */
  position?: number;
  deadline: DeadlineSpec;
}

/**
 * A cycle of "after commitment" anchors (A after B, B after A), as the ids along it with the first
 * repeated at the end, or null. Each commitment has at most one anchor, so the anchors form a
 * functional graph and following them from each start, never twice through the same commitment,
 * finds a cycle in linear time.
 */
export function anchorCycle(commitments: readonly AnchoredCommitment[]): string[] | null {
  const anchors = anchorMap(commitments);
  const done = new Set<string>();
  for (const c of commitments) {
    const cycle = followAnchors(anchors, c.id, done);
    if (cycle !== null) return cycle;
  }
  return null;
}

/**
 * Checks the anchor of commitment `id` among all of the agreement's commitments (with its new
 * deadline in place): the anchor must be another commitment of the same agreement, and following
 * anchors must not come back to it. Throws validation.failed naming `field`.
 */
export function checkAnchor(
  commitments: readonly AnchoredCommitment[],
  id: string,
  field = 'body.deadline.commitmentId',
): void {
  const self = commitments.find((c) => c.id === id);
  if (self?.deadline.kind !== 'after_commitment') return;
  const anchorId = self.deadline.commitmentId;
  if (anchorId === id)
    throw invalid(field, 'a commitment cannot start its own clock: choose another commitment');
  if (!commitments.some((c) => c.id === anchorId))
    throw invalid(field, `no commitment ${anchorId} in this agreement`);
  const cycle = followAnchors(anchorMap(commitments), id, new Set());
  if (cycle === null) return;
  const name = (cid: string) => {
    const position = commitments.find((c) => c.id === cid)?.position;
    return position === undefined ? cid : `#${position}`;
  };
  throw invalid(
    field,
    `the deadlines would wait on each other in a circle (${cycle.map(name).join(' → ')}): choose an anchor outside it`,
  );
}

function anchorMap(commitments: readonly AnchoredCommitment[]): Map<string, string> {
  const anchors = new Map<string, string>();
  for (const c of commitments)
    if (c.deadline.kind === 'after_commitment') anchors.set(c.id, c.deadline.commitmentId);
  return anchors;
}

/** Follows anchors from `start` until a dead end, a commitment in `done`, or a cycle (returned). */
function followAnchors(anchors: Map<string, string>, start: string, done: Set<string>): string[] | null {
  const path: string[] = [];
  const onPath = new Map<string, number>();
  let at: string | undefined = start;
  while (at !== undefined && !done.has(at)) {
    const seen = onPath.get(at);
    if (seen !== undefined) return [...path.slice(seen), at];
    onPath.set(at, path.length);
    path.push(at);
    at = anchors.get(at);
  }
  for (const id of path) done.add(id);
  return null;
}
