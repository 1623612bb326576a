/** Non-text differences of one point, in the plain words a drafter would write in the margin. */

import type { Point } from '../plan.ts';

/** Where a point sits, as the reader sees it: area id and title (null outside any area). */
export interface Placement {
  areaId: string | null;
  area: string | null;
}

/**
 * True when the point now sits in another area. Titles are compared because that is what readers see;
 * under identity alignment an unchanged area id means the area was retitled, not that the point moved.
 */
export function changedArea(before: Placement, after: Placement, byIdentity: boolean): boolean {
  if (before.area === after.area) return false;
  return !byIdentity || before.areaId !== after.areaId;
}

/** Notes for tags ("tags: +sanctions −territory") and status ("status: open → agreed"). */
export function tagAndStatusNotes(before: Point, after: Point): string[] {
  const notes: string[] = [];
  const had = new Set(before.tags);
  const has = new Set(after.tags);
  const added = [...has].filter((t) => !had.has(t)).map((t) => `+${t}`);
  const removed = [...had].filter((t) => !has.has(t)).map((t) => `−${t}`);
  if (added.length + removed.length > 0) notes.push(`tags: ${[...added, ...removed].join(' ')}`);
  if (before.status !== after.status) notes.push(`status: ${before.status} → ${after.status}`);
  return notes;
}

/** The note for a change of area ("area: Ending the war → Security guarantees"). */
export function areaNote(before: Placement, after: Placement): string {
  return `area: ${before.area ?? 'no area'} → ${after.area ?? 'no area'}`;
}
