import { invalid } from '../../shared/app-error.ts';
import type { Area, PlanContent, Point } from '../plan.ts';
import { unknownArea, unknownPoint } from './draft-errors.ts';

/**
 * Where points sit. The draft keeps points sorted by area: points before the first heading
 * (areaId null) first, then each area's run in the order of `areas`. Every insertion below
 * goes through these helpers so that the order, and so area contiguity, holds by construction.
 */

/** Rank of each area in reading order; null (before the first heading) ranks first. */
export function areaRanks(areas: Area[]): Map<string | null, number> {
  const ranks = new Map<string | null, number>([[null, -1]]);
  areas.forEach((a, i) => {
    ranks.set(a.id, i);
  });
  return ranks;
}

/** The point with this id and its index, or a point.not_found error naming `field`. */
export function requirePoint(
  points: Point[],
  pointId: string,
  field = 'op.pointId',
): { point: Point; index: number } {
  const index = points.findIndex((p) => p.id === pointId);
  const point = points[index];
  if (point === undefined) throw unknownPoint(pointId, field);
  return { point, index };
}

/** Checks that `areaId` is null or names an area of the draft. */
export function requireArea(content: PlanContent, areaId: string | null, field = 'op.areaId'): Area | null {
  if (areaId === null) return null;
  const area = content.areas.find((a) => a.id === areaId);
  if (area === undefined) throw unknownArea(areaId, field);
  return area;
}

/** A human name for an area in messages. */
export function areaLabel(content: PlanContent, areaId: string | null): string {
  if (areaId === null) return 'before the first heading';
  const title = content.areas.find((a) => a.id === areaId)?.title;
  return title === undefined ? `area ${areaId}` : `"${title}"`;
}

/**
 * The index at which a point placed "after `afterPointId`" (or first in `areaId` when null) goes,
 * in `points` (which must not contain the point being placed).
 */
export function placementIndex(
  content: PlanContent,
  points: Point[],
  afterPointId: string | null,
  areaId: string | null,
): number {
  requireArea(content, areaId);
  if (afterPointId !== null) {
    const { point, index } = requirePoint(points, afterPointId, 'op.afterPointId');
    if (point.areaId !== areaId) {
      // Placing after a point of another area would break the area's run; the editor's view is wrong.
      throw invalid(
        'op.afterPointId',
        `point ${point.number} (${point.id}) is ${inArea(content, point.areaId)}, not ${inArea(content, areaId)}`,
      );
    }
    return index + 1;
  }
  const ranks = areaRanks(content.areas);
  const target = ranks.get(areaId) ?? -1;
  const first = points.findIndex((p) => (ranks.get(p.areaId) ?? -1) >= target);
  return first === -1 ? points.length : first;
}

function inArea(content: PlanContent, areaId: string | null): string {
  return areaId === null ? 'before the first heading' : `in ${areaLabel(content, areaId)}`;
}

/** A copy of `list` with `item` inserted at `index`. */
export function insertAt<T>(list: readonly T[], index: number, ...item: T[]): T[] {
  return [...list.slice(0, index), ...item, ...list.slice(index)];
}
