/** Where a point that is new in a counter-text goes in the base version. */

import type { PlanContent } from '../plans/plan.ts';
import { comparableText } from './comparable-text.ts';

/** A new point's place: after a base point (null: at the start of the area), in a base area. */
export interface Placement {
  afterIndex: number | null;
  areaId: string | null;
  /** The counter-text's heading over the point when the base has no such area (it cannot be proposed). */
  unknownHeading: string | null;
}

/**
 * Places counter point `j` by its neighbours in the counter-text: after the nearest earlier point of
 * its heading that has a counterpart in the base; else just before the nearest later one; else (a
 * heading of its own) at the end of the base area of that title, or after the nearest earlier
 * counterpart anywhere. `baseOf[k]` is the base index counter point k continues; `survives[i]` is
 * set for base points the counter-text keeps, the only ones an addition can safely follow.
 */
export function placeAddedPoint(
  base: PlanContent,
  counter: PlanContent,
  baseOf: readonly (number | undefined)[],
  survives: Uint8Array,
  j: number,
): Placement {
  const heading = counter.points[j]!.areaId;
  const inHeading = (k: number) => counter.points[k]!.areaId === heading;
  const areaOf = (i: number) => base.points[i]!.areaId;

  for (let k = j - 1; k >= 0 && inHeading(k); k--) {
    const i = baseOf[k];
    if (i !== undefined) return { afterIndex: i, areaId: areaOf(i), unknownHeading: null };
  }
  for (let k = j + 1; k < counter.points.length && inHeading(k); k++) {
    const i = baseOf[k];
    if (i !== undefined) return { afterIndex: keptBefore(i), areaId: areaOf(i), unknownHeading: null };
  }

  const title = counter.areas.find((a) => a.id === heading)?.title ?? null;
  const area = title === null ? undefined : base.areas.find((a) => sameTitle(a.title, title));
  if (area !== undefined) {
    let last: number | null = null;
    base.points.forEach((p, i) => {
      if (p.areaId === area.id && survives[i]) last = i;
    });
    return { afterIndex: last, areaId: area.id, unknownHeading: null };
  }

  const unknownHeading = title;
  for (let k = j - 1; k >= 0; k--) {
    const i = baseOf[k];
    if (i !== undefined) return { afterIndex: i, areaId: areaOf(i), unknownHeading };
  }
  for (let k = j + 1; k < counter.points.length; k++) {
    const i = baseOf[k];
    if (i !== undefined) return { afterIndex: keptBefore(i), areaId: areaOf(i), unknownHeading };
  }
  return { afterIndex: null, areaId: base.areas[0]?.id ?? null, unknownHeading };

  /** The nearest kept base point before `i` in its area, so that "after it" means "just before i". */
  function keptBefore(i: number): number | null {
    for (let m = i - 1; m >= 0 && areaOf(m) === areaOf(i); m--) if (survives[m]) return m;
    return null;
  }
}

function sameTitle(a: string, b: string): boolean {
  return comparableText(a).toLowerCase() === comparableText(b).toLowerCase();
}
