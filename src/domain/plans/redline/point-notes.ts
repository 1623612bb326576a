/** Non-text differences of one point, in the plain words a drafter would write in the margin. */

import type { Point } from '../plan.ts';

/** Where a point sits, as the reader sees it: area id and title (null outside any area). */
export interface Placement {
  areaId: string | null;
  area: string | null;
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
