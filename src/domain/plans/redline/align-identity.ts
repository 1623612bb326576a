/** Alignment by stable point id, with lineage (`derivedFrom`) read as splits and merges. */

import type { Point } from '../plan.ts';
import { type AlignedGroup, withUnmatched } from './aligned-group.ts';

/** True when the plans share ids for at least half of the smaller plan's points, so ids can be trusted. */
export function sharesIdentity(oldPoints: readonly Point[], newPoints: readonly Point[]): boolean {
  const oldIds = new Set(oldPoints.map((p) => p.id));
  let shared = 0;
  for (const p of newPoints) if (oldIds.has(p.id)) shared++;
  return 2 * shared >= Math.min(oldPoints.length, newPoints.length);
}

const byNumber = (a: number, b: number) => a - b;

/**
 * Pairs points by id. Lineage decides the rest, first claim wins so every point lands in one group:
 * a point that absorbed vanished points is a merge; new points derived from a surviving point are
 * split off it; new points derived from one vanished point replace it (one) or split it (several).
 */
export function alignByIdentity(oldPoints: readonly Point[], newPoints: readonly Point[]): AlignedGroup[] {
  const oldIndex = new Map(oldPoints.map((p, i) => [p.id, i]));
  const newIndex = new Map(newPoints.map((p, j) => [p.id, j]));
  const oldClaimed = new Uint8Array(oldPoints.length);
  const newClaimed = new Uint8Array(newPoints.length);
  const groups: AlignedGroup[] = [];

  // Lineage sources of a new point: old points other than itself, those still present and those gone.
  const sources = (p: Point) => {
    const kept: number[] = [];
    const gone: number[] = [];
    for (const id of new Set(p.derivedFrom)) {
      const i = oldIndex.get(id);
      if (i === undefined || id === p.id || oldClaimed[i]) continue;
      (newIndex.has(id) ? kept : gone).push(i);
    }
    return { kept, gone };
  };

  // Merges first: they consume vanished points, which nothing else can explain.
  newPoints.forEach((p, j) => {
    const self = oldIndex.get(p.id);
    const { gone } = sources(p);
    if (gone.length === 0 || (self === undefined && gone.length < 2)) return;
    const old = self === undefined ? gone : [self, ...gone];
    for (const i of old) oldClaimed[i] = 1;
    newClaimed[j] = 1;
    groups.push({ kind: 'merged', old: old.sort(byNumber), new: [j] });
  });

  // Splits: new points (ids unknown to the old plan) derived from a surviving or a single vanished point.
  const splits = new Map<number, number[]>();
  newPoints.forEach((p, j) => {
    if (newClaimed[j] || oldIndex.has(p.id)) return;
    const { kept, gone } = sources(p);
    const keptFree = kept.filter((i) => !newClaimed[newIndex.get(oldPoints[i]!.id)!]);
    const from = keptFree[0] ?? (gone.length === 1 ? gone[0] : undefined);
    if (from === undefined) return;
    const parts = splits.get(from) ?? [];
    parts.push(j);
    splits.set(from, parts);
    newClaimed[j] = 1;
  });
  for (const [i, parts] of splits) {
    const survivor = newIndex.get(oldPoints[i]!.id);
    if (survivor !== undefined) parts.push(survivor);
    oldClaimed[i] = 1;
    for (const j of parts) newClaimed[j] = 1;
    groups.push({ kind: parts.length > 1 ? 'split' : 'pair', old: [i], new: parts.sort(byNumber) });
  }

  newPoints.forEach((p, j) => {
    const i = oldIndex.get(p.id);
    if (i === undefined || oldClaimed[i] || newClaimed[j]) return;
    oldClaimed[i] = 1;
    newClaimed[j] = 1;
    groups.push({ kind: 'pair', old: [i], new: [j] });
  });
  return withUnmatched(groups, oldPoints.length, newPoints.length);
}
