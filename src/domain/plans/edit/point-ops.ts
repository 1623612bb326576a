import { AppError, invalid } from '../../shared/app-error.ts';
import type { IdGenerator } from '../../shared/ids.ts';
import { PLAN_LIMITS } from '../plan.schema.ts';
import type { PlanContent, Point } from '../plan.ts';
import { insertAt, placementIndex, requirePoint } from './draft-layout.ts';
import { type OpOf, type OpOutcome, outcome } from './op-outcome.ts';

const UPDATABLE = ['number', 'text', 'items', 'tags', 'status'] as const;

/** Changes only the fields the op gives; a custom number ("7bis") lasts until the next structural op. */
export function updatePoint(content: PlanContent, op: OpOf<'updatePoint'>): OpOutcome {
  const { point, index } = requirePoint(content.points, op.pointId);
  const changes: Partial<Point> = {};
  for (const key of UPDATABLE) {
    if (op[key] !== undefined) Object.assign(changes, { [key]: op[key] });
  }
  if (Object.keys(changes).length === 0) {
    // An empty update would stamp a new revision on an unchanged point and cause false conflicts.
    throw invalid('op', `give at least one of ${UPDATABLE.join(', ')}`);
  }
  const points = content.points.with(index, { ...point, ...changes });
  return outcome({ ...content, points }, { touched: [point.id], guarded: [point.id] });
}

/** Inserts a new open point after `afterPointId`, or first in `areaId`. */
export function addPoint(content: PlanContent, op: OpOf<'addPoint'>, newId: IdGenerator): OpOutcome {
  if (content.points.length >= PLAN_LIMITS.points) {
    throw new AppError('payload.too_large', `A plan holds at most ${PLAN_LIMITS.points} points`);
  }
  const index = placementIndex(content, content.points, op.afterPointId, op.areaId);
  const point: Point = {
    id: newId('pt'),
    number: '',
    areaId: op.areaId,
    text: op.text,
    items: op.items ?? [],
    tags: op.tags ?? [],
    status: 'open',
    derivedFrom: [],
    changedAt: 0,
  };
  const points = insertAt(content.points, index, point);
  // The anchor is guarded: if it moved or changed, "after point 6" may no longer mean what the editor saw.
  const guarded = op.afterPointId === null ? [] : [op.afterPointId];
  return outcome({ ...content, points }, { touched: [point.id], guarded, structural: true });
}

/** Removes a point; its notes move to the point before it so no note is lost. */
export function deletePoint(content: PlanContent, op: OpOf<'deletePoint'>): OpOutcome {
  const { point, index } = requirePoint(content.points, op.pointId);
  const previous = content.points[index - 1]?.id ?? null;
  const points = content.points.filter((p) => p.id !== point.id);
  const notes = content.notes.map((n) =>
    n.afterPointId === point.id ? { ...n, afterPointId: previous } : n,
  );
  return outcome(
    { ...content, points, notes },
    { touched: [point.id], guarded: [point.id], structural: true },
  );
}

/** Moves a point after `afterPointId` (or first in `areaId`); its notes travel with it. */
export function movePoint(content: PlanContent, op: OpOf<'movePoint'>): OpOutcome {
  const { point } = requirePoint(content.points, op.pointId);
  if (op.afterPointId === op.pointId)
    throw invalid('op.afterPointId', 'a point cannot be placed after itself');
  const rest = content.points.filter((p) => p.id !== point.id);
  const index = placementIndex(content, rest, op.afterPointId, op.areaId);
  const points = insertAt(rest, index, { ...point, areaId: op.areaId });
  const guarded = op.afterPointId === null ? [point.id] : [point.id, op.afterPointId];
  return outcome({ ...content, points }, { touched: [point.id], guarded, structural: true });
}
