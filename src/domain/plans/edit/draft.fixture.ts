import { AppError } from '../../shared/app-error.ts';
import { sequentialIds } from '../../shared/ids.ts';
import type { PlanContent, Point } from '../plan.ts';
import { applyDraftOp, type DraftOpResult } from './apply-draft-op.ts';
import type { DraftOp } from './draft-op.schema.ts';

/** A point with defaults, for tests. */
export function buildPoint(fields: Partial<Point> & Pick<Point, 'id'>): Point {
  return {
    number: '1',
    areaId: null,
    text: `Text of ${fields.id}.`,
    items: [],
    tags: [],
    status: 'open',
    derivedFrom: [],
    changedAt: 0,
    ...fields,
  };
}

/**
 * A small draft at revision 3: "Ceasefire" (p1–p3), "Security" (p4, p5), "Economy" (empty);
 * p1 changed at revision 2, the rest at 1; a note after p2 and one before the first point.
 */
export function buildDraft(): PlanContent {
  return {
    title: 'Test framework',
    preamble: 'The parties agree as follows.',
    areas: [
      { id: 'a1', title: 'Ceasefire' },
      { id: 'a2', title: 'Security' },
      { id: 'a3', title: 'Economy' },
    ],
    points: [
      buildPoint({
        id: 'p1',
        number: '1',
        areaId: 'a1',
        text: 'Hostilities cease within 72 hours.',
        changedAt: 2,
      }),
      buildPoint({
        id: 'p2',
        number: '2',
        areaId: 'a1',
        text: 'Forces withdraw from the line of contact.',
        items: [
          { label: 'a', text: 'heavy weapons first;' },
          { label: 'b', text: 'then all other units.' },
        ],
        tags: ['ceasefire', 'military'],
        changedAt: 1,
      }),
      buildPoint({
        id: 'p3',
        number: '3',
        areaId: 'a1',
        text: 'A joint commission monitors the ceasefire.',
        changedAt: 1,
      }),
      buildPoint({
        id: 'p4',
        number: '4',
        areaId: 'a2',
        text: 'Guarantors provide assurances.',
        changedAt: 1,
      }),
      buildPoint({ id: 'p5', number: '5', areaId: 'a2', text: 'Force levels are capped.', changedAt: 1 }),
    ],
    notes: [
      { id: 'n0', afterPointId: null, text: '[Text as of the second round.]' },
      { id: 'n1', afterPointId: 'p2', text: '[Timing still under discussion.]' },
    ],
  };
}

/** Applies `op` to the fixture (or `content`) as a fresh edit at revision 3. */
export function edit(op: DraftOp, content: PlanContent = buildDraft(), baseRevision = 3): DraftOpResult {
  return applyDraftOp(content, op, { currentRevision: 3, baseRevision, newId: sequentialIds() });
}

/** Ids, numbers and areas in reading order, compactly: "p1:1@a1". */
export function layout(content: PlanContent): string[] {
  return content.points.map((p) => `${p.id}:${p.number}@${p.areaId ?? '-'}`);
}

/** The AppError that `fn` throws (fails the test when it throws nothing or something else). */
export function caught(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}
