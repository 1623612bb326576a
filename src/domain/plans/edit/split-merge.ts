import { invalid } from '../../shared/app-error.ts';
import type { IdGenerator } from '../../shared/ids.ts';
import { PLAN_LIMITS } from '../plan.schema.ts';
import type { PlanContent, Point, PointStatus } from '../plan.ts';
import { insertAt, requirePoint } from './draft-layout.ts';
import { type OpOf, type OpOutcome, outcome } from './op-outcome.ts';

/**
 * Splits a point's body at character `at`. The first part keeps the identity (it is what
 * readers and positions referred to); the second becomes a new point derived from it. The
 * offset is always inside the body, and sub-items follow the body text, so they go with the
 * second part; notes after the point follow them there too.
 */
export function splitPoint(content: PlanContent, op: OpOf<'splitPoint'>, newId: IdGenerator): OpOutcome {
  const { point, index } = requirePoint(content.points, op.pointId);
  const head = point.text.slice(0, op.at).trim();
  const tail = point.text.slice(op.at).trim();
  if (op.at >= point.text.length || head === '' || tail === '') {
    throw invalid('op.at', `split point ${point.number} inside its text, where both parts keep some words`);
  }
  const second: Point = {
    ...point,
    id: newId('pt'),
    text: tail,
    derivedFrom: [point.id, ...point.derivedFrom.filter((id) => id !== point.id)],
  };
  const first: Point = { ...point, text: head, items: [] };
  const points = insertAt(content.points.with(index, first), index + 1, second);
  const notes = content.notes.map((n) =>
    n.afterPointId === point.id ? { ...n, afterPointId: second.id } : n,
  );
  return outcome(
    { ...content, points, notes },
    { touched: [point.id, second.id], guarded: [point.id], structural: true },
  );
}

/** Merges adjacent points of one area into the first: texts joined by a blank line, items and tags combined. */
export function mergePoints(content: PlanContent, op: OpOf<'mergePoints'>): OpOutcome {
  const found = op.pointIds.map((id) => requirePoint(content.points, id, 'op.pointIds'));
  const named = op.pointIds.join(', ');
  if (new Set(op.pointIds).size !== op.pointIds.length)
    throw invalid('op.pointIds', `${named}: a point is listed twice`);
  const [head, ...others] = found;
  if (head === undefined || others.length === 0)
    throw invalid('op.pointIds', 'merge needs at least two points');
  found.forEach((f, i) => {
    if (i > 0 && (f.index !== head.index + i || f.point.areaId !== head.point.areaId)) {
      throw invalid(
        'op.pointIds',
        `${named}: points to merge must follow each other in reading order, in one area`,
      );
    }
  });
  const parts = found.map((f) => f.point);
  const merged: Point = {
    ...head.point,
    text: parts
      .map((p) => p.text.trim())
      .filter((t) => t !== '')
      .join('\n\n'),
    items: parts.flatMap((p) => p.items),
    tags: [...new Set(parts.flatMap((p) => p.tags))],
    status: mergedStatus(parts.map((p) => p.status)),
    derivedFrom: [...new Set([...head.point.derivedFrom, ...others.map((o) => o.point.id)])],
  };
  if (merged.text.length > PLAN_LIMITS.textLength || merged.items.length > PLAN_LIMITS.items) {
    throw invalid('op.pointIds', `${named}: the merged point would exceed the limits of one point`);
  }
  if (merged.tags.length > PLAN_LIMITS.tags) throw invalid('op.pointIds', `${named}: too many tags together`);
  const gone = new Set(others.map((o) => o.point.id));
  const points = content.points.filter((p) => !gone.has(p.id)).with(head.index, merged);
  const notes = content.notes.map((n) =>
    n.afterPointId !== null && gone.has(n.afterPointId) ? { ...n, afterPointId: merged.id } : n,
  );
  return outcome(
    { ...content, points, notes },
    { touched: [...op.pointIds], guarded: [...op.pointIds], structural: true },
  );
}

/** Merged text is agreed only if every part was; any contested part keeps it contested. */
function mergedStatus(statuses: PointStatus[]): PointStatus {
  if (statuses.includes('contested')) return 'contested';
  return statuses.every((s) => s === 'agreed') ? 'agreed' : 'open';
}
