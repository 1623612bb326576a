/** Turns aligned groups into redline changes: kind, word segments, notes, and reading order. */

import type { PlanContent, Point } from '../plan.ts';
import type { AlignedGroup } from './aligned-group.ts';
import { areaCorrespondence } from './area-correspondence.ts';
import { longestIncreasingSubsequence } from './lis.ts';
import { areaNote, type Placement, tagAndStatusNotes } from './point-notes.ts';
import { pointText } from './point-text.ts';
import type { PointRef, RedlineChange } from './redline-types.ts';
import { segmentSimilarity, wordSegments } from './word-segments.ts';

interface SideInfo {
  points: readonly Point[];
  texts: string[];
  refs: PointRef[];
}

function sideInfo(plan: PlanContent): SideInfo {
  const titles = new Map(plan.areas.map((a) => [a.id, a.title]));
  return {
    points: plan.points,
    texts: plan.points.map(pointText),
    refs: plan.points.map((p) => ({
      id: p.id,
      number: p.number,
      area: p.areaId === null ? null : (titles.get(p.areaId) ?? null),
    })),
  };
}

/**
 * Classifies each group and orders the changes. A pair is moved when it falls outside the longest
 * increasing subsequence of new positions taken in old order (the points that kept their relative
 * order), or when it left for another area (see area-correspondence.ts); deletions follow the change that preceded them in the old text.
 */
export function buildChanges(
  oldPlan: PlanContent,
  newPlan: PlanContent,
  groups: readonly AlignedGroup[],
  byIdentity: boolean,
): RedlineChange[] {
  const before = sideInfo(oldPlan);
  const after = sideInfo(newPlan);
  const linked = groups.filter((g) => g.old.length > 0 && g.new.length > 0);
  linked.sort((a, b) => a.old[0]! - b.old[0]!);
  const inOrder = longestIncreasingSubsequence(linked.map((g) => g.new[0]!));
  const kept = new Set(linked.filter((_, k) => inOrder[k]));

  const areas = areaCorrespondence(
    oldPlan.areas,
    newPlan.areas,
    linked.map((g) => [oldPlan.points[g.old[0]!]!.areaId, newPlan.points[g.new[0]!]!.areaId]),
    byIdentity,
  );
  const movedArea = (from: string | null, to: string | null) =>
    (areas.has(from) ? areas.get(from) : from) !== to;

  const changes = new Map<AlignedGroup, RedlineChange>();
  for (const g of groups) changes.set(g, toChange(g, before, after, movedArea, kept.has(g)));
  return readingOrder(groups, oldPlan.points.length).map((g) => changes.get(g)!);
}

function toChange(
  g: AlignedGroup,
  before: SideInfo,
  after: SideInfo,
  movedArea: (from: string | null, to: string | null) => boolean,
  inOrder: boolean,
): RedlineChange {
  const old = g.old.map((i) => before.refs[i]!);
  const neu = g.new.map((j) => after.refs[j]!);
  const oldText = g.old.map((i) => before.texts[i]!).join('\n');
  const newText = g.new.map((j) => after.texts[j]!).join('\n');
  const segments = wordSegments(oldText, newText);
  const similarity =
    g.kind === 'added' || g.kind === 'deleted' ? 0 : oldText === newText ? 1 : segmentSimilarity(segments);
  const change: RedlineChange = {
    kind: g.kind === 'pair' ? 'unchanged' : g.kind,
    old,
    new: neu,
    similarity,
    segments,
    renumbered: false,
    notes: [],
  };
  if (old.length === 0 || neu.length === 0) return change;

  // The point that carries on: the same id on both sides, else the first on each side.
  const survivor = neu.find((r) => old.some((o) => o.id === r.id));
  const k = survivor === undefined ? 0 : old.findIndex((o) => o.id === survivor.id);
  const l = survivor === undefined ? 0 : neu.indexOf(survivor);
  const oldPoint = before.points[g.old[k]!]!;
  const newPoint = after.points[g.new[l]!]!;
  const from: Placement = { areaId: oldPoint.areaId, area: old[k]!.area };
  const to: Placement = { areaId: newPoint.areaId, area: neu[l]!.area };
  const areaMoved = movedArea(from.areaId, to.areaId);
  change.renumbered = old[k]!.number !== neu[l]!.number;
  change.notes = tagAndStatusNotes(oldPoint, newPoint);
  if (areaMoved) change.notes.push(areaNote(from, to));
  if (g.kind !== 'pair') return change;
  if (!inOrder || areaMoved) change.kind = 'moved';
  else if (oldText !== newText || change.notes.length > 0) change.kind = 'modified';
  return change;
}

/** New reading order; each deletion goes right after the change holding the nearest earlier old point. */
function readingOrder(groups: readonly AlignedGroup[], oldCount: number): AlignedGroup[] {
  const groupOfOld: (AlignedGroup | undefined)[] = new Array(oldCount);
  for (const g of groups) for (const i of g.old) groupOfOld[i] = g;
  const present = groups.filter((g) => g.new.length > 0).sort((a, b) => a.new[0]! - b.new[0]!);
  const deleted = groups.filter((g) => g.new.length === 0).sort((a, b) => a.old[0]! - b.old[0]!);
  const following = new Map<AlignedGroup | null, AlignedGroup[]>();
  for (const d of deleted) {
    let anchor: AlignedGroup | null = null;
    for (let i = d.old[0]! - 1; i >= 0 && anchor === null; i--) {
      const g = groupOfOld[i];
      if (g !== undefined && g.new.length > 0) anchor = g;
    }
    const list = following.get(anchor) ?? [];
    list.push(d);
    following.set(anchor, list);
  }
  const out = [...(following.get(null) ?? [])];
  for (const g of present) out.push(g, ...(following.get(g) ?? []));
  return out;
}
