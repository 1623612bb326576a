import { AppError, invalid } from '../../shared/app-error.ts';
import type { IdGenerator } from '../../shared/ids.ts';
import type { Area, PlanContent } from '../plan.ts';
import { unknownArea } from './draft-errors.ts';
import { areaRanks, insertAt, requirePoint } from './draft-layout.ts';
import { type OpOf, type OpOutcome, outcome } from './op-outcome.ts';

const MAX_AREAS = 500;

/**
 * Inserts a heading before `beforePointId`: that point and the rest of its area's run move into
 * the new area, which sits right after the old one. With null, appends an empty area at the end.
 */
export function addArea(content: PlanContent, op: OpOf<'addArea'>, newId: IdGenerator): OpOutcome {
  if (content.areas.length >= MAX_AREAS) {
    throw new AppError('payload.too_large', `A plan holds at most ${MAX_AREAS} areas`);
  }
  const area: Area = { id: newId('area'), title: op.title };
  if (op.beforePointId === null) return outcome({ ...content, areas: [...content.areas, area] });

  const { point, index } = requirePoint(content.points, op.beforePointId, 'op.beforePointId');
  const rank = areaRanks(content.areas).get(point.areaId) ?? -1;
  const areas = insertAt(content.areas, rank + 1, area);
  const moved: string[] = [];
  const points = content.points.map((p, i) => {
    if (i < index || p.areaId !== point.areaId) return p;
    moved.push(p.id);
    return { ...p, areaId: area.id };
  });
  // The moved points changed area, so they are edited and guarded like a movePoint of each.
  return outcome({ ...content, areas, points }, { touched: moved, guarded: moved, structural: true });
}

/** Renames an area. */
export function renameArea(content: PlanContent, op: OpOf<'renameArea'>): OpOutcome {
  const index = content.areas.findIndex((a) => a.id === op.areaId);
  const area = content.areas[index];
  if (area === undefined) throw unknownArea(op.areaId);
  const areas = content.areas.with(index, { ...area, title: op.title });
  return outcome(
    { ...content, areas },
    { unversioned: area.title === op.title ? null : `the title of area "${area.title}"` },
  );
}

/** Deletes an empty area; one with points must be emptied first, so no point is lost by accident. */
export function deleteArea(content: PlanContent, op: OpOf<'deleteArea'>): OpOutcome {
  const area = content.areas.find((a) => a.id === op.areaId);
  if (area === undefined) throw unknownArea(op.areaId);
  const count = content.points.filter((p) => p.areaId === area.id).length;
  if (count > 0) {
    throw invalid(
      'op.areaId',
      `area "${area.title}" still holds points: move or delete its ${count} points first`,
    );
  }
  const areas = content.areas.filter((a) => a.id !== area.id);
  return outcome({ ...content, areas }, { unversioned: `area "${area.title}"` });
}
