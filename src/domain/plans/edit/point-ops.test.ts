import { describe, expect, it } from 'vitest';
import { validateDraftInvariants } from './apply-draft-op.ts';
import { buildDraft, caught, edit, layout } from './draft.fixture.ts';

describe('updatePoint', () => {
  it('changes only the given fields and stamps the next revision', () => {
    const before = buildDraft();
    const { content, touchedPointIds } = edit(
      { type: 'updatePoint', pointId: 'p2', status: 'agreed' },
      before,
    );
    const p2 = content.points[1]!;
    expect(p2).toMatchObject({
      status: 'agreed',
      text: before.points[1]!.text,
      tags: ['ceasefire', 'military'],
    });
    expect(p2.changedAt).toBe(4);
    expect(content.points[0]!.changedAt).toBe(2);
    expect(touchedPointIds).toEqual(['p2']);
    expect(before.points[1]!.status).toBe('open');
  });

  it('keeps a custom number until the next structural op', () => {
    const custom = edit({ type: 'updatePoint', pointId: 'p3', number: '2bis' }).content;
    expect(custom.points[2]!.number).toBe('2bis');
    const after = edit({ type: 'updatePoint', pointId: 'p1', text: 'Reworded.' }, custom).content;
    expect(after.points[2]!.number).toBe('2bis');
    const renumbered = edit({ type: 'deletePoint', pointId: 'p5' }, custom).content;
    expect(renumbered.points.map((p) => p.number)).toEqual(['1', '2', '3', '4']);
  });

  it('refuses an update with no fields and names an unknown point', () => {
    expect(caught(() => edit({ type: 'updatePoint', pointId: 'p1' })).code).toBe('validation.failed');
    const error = caught(() => edit({ type: 'updatePoint', pointId: 'zz', text: 'x' }));
    expect(error.code).toBe('point.not_found');
    expect(error.message).toContain('zz');
    expect(error.problems[0]?.field).toBe('op.pointId');
  });
});

describe('addPoint', () => {
  it('inserts after the anchor and renumbers without stamping the renumbered points', () => {
    const { content, touchedPointIds } = edit({
      type: 'addPoint',
      afterPointId: 'p1',
      areaId: 'a1',
      text: 'Civilians are protected.',
      items: [],
      tags: ['humanitarian'],
    });
    expect(layout(content)).toEqual(['p1:1@a1', 'pt_1:2@a1', 'p2:3@a1', 'p3:4@a1', 'p4:5@a2', 'p5:6@a2']);
    expect(touchedPointIds).toEqual(['pt_1']);
    expect(content.points[1]).toMatchObject({ status: 'open', changedAt: 4, tags: ['humanitarian'] });
    expect(content.points[2]!.changedAt).toBe(1);
    expect(validateDraftInvariants(content)).toEqual([]);
  });

  it('inserts first in an area, including an empty one', () => {
    const first = edit({
      type: 'addPoint',
      afterPointId: null,
      areaId: 'a2',
      text: 'New.',
      items: [],
      tags: [],
    });
    expect(layout(first.content)[3]).toBe('pt_1:4@a2');
    const empty = edit({
      type: 'addPoint',
      afterPointId: null,
      areaId: 'a3',
      text: 'Trade.',
      items: [],
      tags: [],
    });
    expect(layout(empty.content).at(-1)).toBe('pt_1:6@a3');
    const top = edit({
      type: 'addPoint',
      afterPointId: null,
      areaId: null,
      text: 'Preliminary.',
      items: [],
      tags: [],
    });
    expect(layout(top.content)[0]).toBe('pt_1:1@-');
    expect(validateDraftInvariants(top.content)).toEqual([]);
  });

  it('refuses an unknown area and an anchor in another area', () => {
    const add = { type: 'addPoint' as const, text: 'x', items: [], tags: [] };
    const area = caught(() => edit({ ...add, afterPointId: null, areaId: 'nope' }));
    expect(area.code).toBe('area.not_found');
    expect(area.problems[0]?.field).toBe('op.areaId');
    const anchor = caught(() => edit({ ...add, afterPointId: 'p4', areaId: 'a1' }));
    expect(anchor.code).toBe('validation.failed');
    expect(anchor.problems[0]?.field).toBe('op.afterPointId');
    expect(caught(() => edit({ ...add, afterPointId: 'gone', areaId: 'a1' })).code).toBe('point.not_found');
  });
});

describe('deletePoint', () => {
  it('removes the point, renumbers, and re-anchors its notes to the previous point', () => {
    const { content, touchedPointIds } = edit({ type: 'deletePoint', pointId: 'p2' });
    expect(layout(content)).toEqual(['p1:1@a1', 'p3:2@a1', 'p4:3@a2', 'p5:4@a2']);
    expect(content.notes.find((n) => n.id === 'n1')?.afterPointId).toBe('p1');
    expect(touchedPointIds).toEqual(['p2']);
    expect(content.points.every((p) => p.changedAt < 4)).toBe(true);
  });

  it('re-anchors the notes of the first point to the start of the plan', () => {
    const withNote = { ...buildDraft(), notes: [{ id: 'n9', afterPointId: 'p1', text: 'note' }] };
    const { content } = edit({ type: 'deletePoint', pointId: 'p1' }, withNote);
    expect(content.notes[0]?.afterPointId).toBeNull();
    expect(validateDraftInvariants(content)).toEqual([]);
  });

  it('names an unknown point', () => {
    expect(caught(() => edit({ type: 'deletePoint', pointId: 'p9' })).message).toContain('p9');
  });
});

describe('movePoint', () => {
  it('moves a point into another area after an anchor and sets its area', () => {
    const { content } = edit({ type: 'movePoint', pointId: 'p1', afterPointId: 'p4', areaId: 'a2' });
    expect(layout(content)).toEqual(['p2:1@a1', 'p3:2@a1', 'p4:3@a2', 'p1:4@a2', 'p5:5@a2']);
    expect(content.points[3]!.changedAt).toBe(4);
    expect(validateDraftInvariants(content)).toEqual([]);
  });

  it('places first in an area with a null anchor, and into an empty area', () => {
    const first = edit({ type: 'movePoint', pointId: 'p3', afterPointId: null, areaId: 'a1' }).content;
    expect(layout(first).slice(0, 3)).toEqual(['p3:1@a1', 'p1:2@a1', 'p2:3@a1']);
    const empty = edit({ type: 'movePoint', pointId: 'p1', afterPointId: null, areaId: 'a3' }).content;
    expect(layout(empty).at(-1)).toBe('p1:5@a3');
    expect(validateDraftInvariants(empty)).toEqual([]);
  });

  it('keeps the notes of the moved point with it', () => {
    const { content } = edit({ type: 'movePoint', pointId: 'p2', afterPointId: 'p5', areaId: 'a2' });
    expect(content.notes.find((n) => n.id === 'n1')?.afterPointId).toBe('p2');
  });

  it('refuses placing a point after itself or after a point of another area', () => {
    expect(
      caught(() => edit({ type: 'movePoint', pointId: 'p1', afterPointId: 'p1', areaId: 'a1' })).code,
    ).toBe('validation.failed');
    expect(
      caught(() => edit({ type: 'movePoint', pointId: 'p1', afterPointId: 'p2', areaId: 'a2' })).code,
    ).toBe('validation.failed');
    expect(
      caught(() => edit({ type: 'movePoint', pointId: 'x', afterPointId: null, areaId: 'a2' })).code,
    ).toBe('point.not_found');
  });
});
