import { describe, expect, it } from 'vitest';
import { validateDraftInvariants } from './apply-draft-op.ts';
import { buildDraft, caught, edit, layout } from './draft.fixture.ts';

describe('addArea', () => {
  it('opens a new area before a point, taking the rest of that area with it', () => {
    const { content, touchedPointIds } = edit({ type: 'addArea', title: 'Monitoring', beforePointId: 'p2' });
    expect(content.areas.map((a) => a.id)).toEqual(['a1', 'area_1', 'a2', 'a3']);
    expect(layout(content)).toEqual(['p1:1@a1', 'p2:2@area_1', 'p3:3@area_1', 'p4:4@a2', 'p5:5@a2']);
    expect(touchedPointIds).toEqual(['p2', 'p3']);
    expect(content.points[1]!.changedAt).toBe(4);
    expect(validateDraftInvariants(content)).toEqual([]);
  });

  it('appends an empty area at the end with a null anchor', () => {
    const { content, touchedPointIds } = edit({
      type: 'addArea',
      title: 'Final clauses',
      beforePointId: null,
    });
    expect(content.areas.at(-1)).toEqual({ id: 'area_1', title: 'Final clauses' });
    expect(touchedPointIds).toEqual([]);
  });

  it('can open the first area over points that stood before any heading', () => {
    const draft = {
      ...buildDraft(),
      areas: [],
      points: buildDraft().points.map((p) => ({ ...p, areaId: null })),
    };
    const { content } = edit({ type: 'addArea', title: 'General', beforePointId: 'p4' }, draft);
    expect(layout(content).slice(2)).toEqual(['p3:3@-', 'p4:4@area_1', 'p5:5@area_1']);
    expect(validateDraftInvariants(content)).toEqual([]);
  });

  it('names an unknown anchor', () => {
    expect(caught(() => edit({ type: 'addArea', title: 'X', beforePointId: 'q' })).problems[0]?.field).toBe(
      'op.beforePointId',
    );
  });
});

describe('renameArea and deleteArea', () => {
  it('renames an area', () => {
    const { content } = edit({ type: 'renameArea', areaId: 'a2', title: 'Security guarantees' });
    expect(content.areas[1]).toEqual({ id: 'a2', title: 'Security guarantees' });
    expect(caught(() => edit({ type: 'renameArea', areaId: 'zz', title: 'X' })).code).toBe('area.not_found');
  });

  it('deletes only an empty area', () => {
    expect(edit({ type: 'deleteArea', areaId: 'a3' }).content.areas.map((a) => a.id)).toEqual(['a1', 'a2']);
    const full = caught(() => edit({ type: 'deleteArea', areaId: 'a2' }));
    expect(full.code).toBe('validation.failed');
    expect(full.message).toContain('move or delete its 2 points first');
    expect(caught(() => edit({ type: 'deleteArea', areaId: 'zz' })).message).toContain('zz');
  });
});

describe('notes and plan fields', () => {
  it('adds a note after the anchor’s existing notes', () => {
    const { content, touchedPointIds } = edit({ type: 'addNote', afterPointId: 'p2', text: 'Second note.' });
    expect(content.notes.map((n) => n.id)).toEqual(['n0', 'n1', 'note_1']);
    expect(touchedPointIds).toEqual([]);
    const top = edit({ type: 'addNote', afterPointId: null, text: 'Top.' }).content;
    expect(top.notes.map((n) => n.id)).toEqual(['n0', 'note_1', 'n1']);
    expect(caught(() => edit({ type: 'addNote', afterPointId: 'p0', text: 'x' })).code).toBe(
      'point.not_found',
    );
  });

  it('updates and deletes notes, naming unknown ones', () => {
    expect(edit({ type: 'updateNote', noteId: 'n1', text: 'Agreed.' }).content.notes[1]?.text).toBe(
      'Agreed.',
    );
    expect(edit({ type: 'deleteNote', noteId: 'n0' }).content.notes.map((n) => n.id)).toEqual(['n1']);
    const error = caught(() => edit({ type: 'deleteNote', noteId: 'n7' }));
    expect([error.code, error.problems[0]?.field]).toEqual(['not_found', 'op.noteId']);
  });

  it('updates the title and the preamble independently', () => {
    const before = buildDraft();
    const { content } = edit({ type: 'updatePlan', title: 'Framework' }, before);
    expect([content.title, content.preamble]).toEqual(['Framework', before.preamble]);
    expect(edit({ type: 'updatePlan', preamble: 'New.' }).content.preamble).toBe('New.');
    expect(before.title).toBe('Test framework');
  });
});
