import { describe, expect, it } from 'vitest';
import { sequentialIds } from '../../shared/ids.ts';
import { applyDraftOp } from './apply-draft-op.ts';
import { buildDraft, caught, edit } from './draft.fixture.ts';

// The fixture is at revision 3; p1 changed at revision 2, every other point at revision 1.
describe('optimistic concurrency', () => {
  it('refuses a base revision ahead of the draft', () => {
    const error = caught(() =>
      applyDraftOp(
        buildDraft(),
        { type: 'deletePoint', pointId: 'p1' },
        {
          currentRevision: 3,
          baseRevision: 4,
          newId: sequentialIds(),
        },
      ),
    );
    expect(error.code).toBe('validation.failed');
    expect(error.problems[0]?.field).toBe('baseRevision');
  });

  it('merges a stale edit to a point nobody else changed', () => {
    const { content } = edit({ type: 'updatePoint', pointId: 'p4', text: 'Reworded.' }, buildDraft(), 1);
    expect(content.points[3]).toMatchObject({ text: 'Reworded.', changedAt: 4 });
  });

  it('reports a stale edit to a point changed since, naming its number', () => {
    const error = caught(() => edit({ type: 'updatePoint', pointId: 'p1', text: 'Mine.' }, buildDraft(), 1));
    expect(error.code).toBe('draft.conflict');
    expect(error.message).toContain('Point 1 was changed');
    expect(error.extra).toMatchObject({ conflictingPointIds: ['p1'], currentRevision: 3 });
  });

  it('accepts an edit based on the revision at which the point last changed', () => {
    expect(() => edit({ type: 'updatePoint', pointId: 'p1', text: 'Mine.' }, buildDraft(), 2)).not.toThrow();
  });

  it('guards every point a structural op reads', () => {
    const merge = caught(() => edit({ type: 'mergePoints', pointIds: ['p1', 'p2'] }, buildDraft(), 1));
    expect(merge.extra.conflictingPointIds).toEqual(['p1']);
    const anchor = caught(() =>
      edit(
        { type: 'addPoint', afterPointId: 'p1', areaId: 'a1', text: 'x', items: [], tags: [] },
        buildDraft(),
        1,
      ),
    );
    expect(anchor.code).toBe('draft.conflict');
    const moveInto = caught(() =>
      edit({ type: 'addArea', title: 'X', beforePointId: 'p1' }, buildDraft(), 1),
    );
    expect(moveInto.code).toBe('draft.conflict');
    expect(() =>
      edit({ type: 'movePoint', pointId: 'p5', afterPointId: 'p2', areaId: 'a1' }, buildDraft(), 1),
    ).not.toThrow();
  });

  it('does not count renumbering as a change', () => {
    // Someone deletes p1 at revision 4: p2..p5 are renumbered but keep their revisions.
    const after = applyDraftOp(
      buildDraft(),
      { type: 'deletePoint', pointId: 'p1' },
      {
        currentRevision: 3,
        baseRevision: 3,
        newId: sequentialIds(),
      },
    ).content;
    const mine = applyDraftOp(
      after,
      { type: 'updatePoint', pointId: 'p3', text: 'Mine.' },
      {
        currentRevision: 4,
        baseRevision: 3,
        newId: sequentialIds(),
      },
    );
    expect(mine.content.points.find((p) => p.id === 'p3')).toMatchObject({
      text: 'Mine.',
      number: '2',
      changedAt: 5,
    });
  });

  it('refuses stale rewrites of text that carries no revision, but not additions', () => {
    for (const op of [
      { type: 'updatePlan', title: 'Mine' },
      { type: 'renameArea', areaId: 'a1', title: 'Mine' },
      { type: 'deleteArea', areaId: 'a3' },
      { type: 'updateNote', noteId: 'n1', text: 'Mine' },
      { type: 'deleteNote', noteId: 'n1' },
    ] as const) {
      const error = caught(() => edit(op, buildDraft(), 2));
      expect(error.code).toBe('draft.conflict');
      expect(error.extra.conflictingPointIds).toEqual([]);
    }
    expect(() => edit({ type: 'updatePlan', title: 'Test framework' }, buildDraft(), 2)).not.toThrow();
    expect(() => edit({ type: 'addNote', afterPointId: 'p1', text: 'x' }, buildDraft(), 0)).not.toThrow();
    expect(() => edit({ type: 'addArea', title: 'X', beforePointId: null }, buildDraft(), 0)).not.toThrow();
  });
});
