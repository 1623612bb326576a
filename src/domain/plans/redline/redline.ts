/** The redline: compares two plan texts point by point, then word by word inside each point. */

import type { PlanContent } from '../plan.ts';
import { alignByContent } from './align-content.ts';
import { alignByIdentity, sharesIdentity } from './align-identity.ts';
import { buildChanges } from './build-changes.ts';
import type { ChangeKind, Redline, WordSegment } from './redline-types.ts';
import { wordSegments } from './word-segments.ts';

/** Compares two plans: by point identity when they share ids, else by content; see build-changes.ts. */
export function redline(oldPlan: PlanContent, newPlan: PlanContent): Redline {
  const byIdentity = sharesIdentity(oldPlan.points, newPlan.points);
  const groups = byIdentity
    ? alignByIdentity(oldPlan.points, newPlan.points)
    : alignByContent(oldPlan.points, newPlan.points);
  const changes = buildChanges(oldPlan, newPlan, groups, byIdentity);
  const counts: Record<ChangeKind, number> = {
    unchanged: 0,
    modified: 0,
    added: 0,
    deleted: 0,
    moved: 0,
    split: 0,
    merged: 0,
  };
  for (const c of changes) counts[c.kind]++;
  return {
    alignment: byIdentity ? 'identity' : 'content',
    changes,
    title: changedOnly(oldPlan.title, newPlan.title),
    preamble: changedOnly(oldPlan.preamble, newPlan.preamble),
    counts,
  };
}

function changedOnly(oldText: string, newText: string): WordSegment[] {
  return oldText === newText ? [] : wordSegments(oldText, newText);
}

/** A compact JSON view of a redline: kinds, display numbers in reading order, similarity to 3 decimals. */
export function redlineToDiffJson(r: Redline): {
  changes: { kind: ChangeKind; old: string[]; new: string[]; similarity: number }[];
} {
  return {
    changes: r.changes.map((c) => ({
      kind: c.kind,
      old: c.old.map((p) => p.number),
      new: c.new.map((p) => p.number),
      similarity: Math.round(c.similarity * 1000) / 1000,
    })),
  };
}
