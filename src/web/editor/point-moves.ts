import type { DraftOp } from '../../domain/plans/edit/draft-op.schema.ts';
import type { PlanContent } from '../../domain/plans/plan.ts';

/**
 * The movePoint op that shifts a point one place up or down in reading order. At the edge of an
 * area the point crosses into the neighbouring area, so a point can travel the whole plan.
 */
export function moveOp(plan: PlanContent, pointId: string, direction: 'up' | 'down'): DraftOp | null {
  const points = plan.points;
  const i = points.findIndex((p) => p.id === pointId);
  const point = points[i];
  if (point === undefined) return null;

  if (direction === 'up') {
    const prev = points[i - 1];
    if (prev === undefined) return null;
    if (prev.areaId !== point.areaId) {
      // Cross into the previous area, as its last point.
      return { type: 'movePoint', pointId, afterPointId: prev.id, areaId: prev.areaId };
    }
    const before = points[i - 2];
    const after = before !== undefined && before.areaId === point.areaId ? before.id : null;
    return { type: 'movePoint', pointId, afterPointId: after, areaId: point.areaId };
  }

  const next = points[i + 1];
  if (next === undefined) return null;
  if (next.areaId !== point.areaId) {
    // Cross into the next area, as its first point.
    return { type: 'movePoint', pointId, afterPointId: null, areaId: next.areaId };
  }
  return { type: 'movePoint', pointId, afterPointId: next.id, areaId: point.areaId };
}

/** The point that follows `pointId` in the same area, for "merge with next". */
export function nextInArea(plan: PlanContent, pointId: string): string | null {
  const i = plan.points.findIndex((p) => p.id === pointId);
  const point = plan.points[i];
  const next = plan.points[i + 1];
  return point !== undefined && next !== undefined && next.areaId === point.areaId ? next.id : null;
}
