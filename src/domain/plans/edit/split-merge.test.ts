import { describe, expect, it } from 'vitest';
import { validateDraftInvariants } from './apply-draft-op.ts';
import { buildDraft, caught, edit, layout } from './draft.fixture.ts';

describe('splitPoint', () => {
  it('splits the text, keeps the id on the first part and moves the items to the second', () => {
    const before = buildDraft();
    const at = 'Forces withdraw'.length;
    const { content, touchedPointIds } = edit({ type: 'splitPoint', pointId: 'p2', at }, before);
    expect(layout(content)).toEqual(['p1:1@a1', 'p2:2@a1', 'pt_1:3@a1', 'p3:4@a1', 'p4:5@a2', 'p5:6@a2']);
    const [first, second] = [content.points[1]!, content.points[2]!];
    expect(first).toMatchObject({ text: 'Forces withdraw', items: [], changedAt: 4, derivedFrom: [] });
    expect(second).toMatchObject({
      text: 'from the line of contact.',
      items: before.points[1]!.items,
      tags: ['ceasefire', 'military'],
      status: 'open',
      areaId: 'a1',
      derivedFrom: ['p2'],
      changedAt: 4,
    });
    expect(touchedPointIds).toEqual(['p2', 'pt_1']);
    // The note stood after the items, so it now follows the second part.
    expect(content.notes.find((n) => n.id === 'n1')?.afterPointId).toBe('pt_1');
    expect(validateDraftInvariants(content)).toEqual([]);
  });

  it('carries earlier lineage into the new point', () => {
    const draft = buildDraft();
    draft.points[0] = { ...draft.points[0]!, derivedFrom: ['old'] };
    const { content } = edit({ type: 'splitPoint', pointId: 'p1', at: 12 }, draft);
    expect(content.points[1]!.derivedFrom).toEqual(['p1', 'old']);
  });

  it('refuses a split at the edge or in whitespace only', () => {
    expect(caught(() => edit({ type: 'splitPoint', pointId: 'p1', at: 500 })).problems[0]?.field).toBe(
      'op.at',
    );
    const padded = buildDraft();
    padded.points[0] = { ...padded.points[0]!, text: '   Text' };
    expect(caught(() => edit({ type: 'splitPoint', pointId: 'p1', at: 2 }, padded)).code).toBe(
      'validation.failed',
    );
    expect(caught(() => edit({ type: 'splitPoint', pointId: 'nope', at: 2 })).code).toBe('point.not_found');
  });
});

describe('mergePoints', () => {
  it('joins texts, concatenates items, unions tags and records lineage on the first', () => {
    const draft = buildDraft();
    draft.points[2] = { ...draft.points[2]!, tags: ['monitoring', 'ceasefire'], derivedFrom: [] };
    const { content, touchedPointIds } = edit({ type: 'mergePoints', pointIds: ['p2', 'p3'] }, draft);
    expect(layout(content)).toEqual(['p1:1@a1', 'p2:2@a1', 'p4:3@a2', 'p5:4@a2']);
    expect(content.points[1]).toMatchObject({
      text: 'Forces withdraw from the line of contact.\n\nA joint commission monitors the ceasefire.',
      items: draft.points[1]!.items,
      tags: ['ceasefire', 'military', 'monitoring'],
      derivedFrom: ['p3'],
      changedAt: 4,
    });
    expect(touchedPointIds).toEqual(['p2', 'p3']);
    expect(validateDraftInvariants(content)).toEqual([]);
  });

  it('re-anchors notes of the merged-away points and keeps contested status', () => {
    const draft = buildDraft();
    draft.points[1] = { ...draft.points[1]!, status: 'agreed' };
    draft.points[2] = { ...draft.points[2]!, status: 'contested' };
    draft.notes.push({ id: 'n2', afterPointId: 'p3', text: 'note' });
    const { content } = edit({ type: 'mergePoints', pointIds: ['p1', 'p2', 'p3'] }, draft);
    expect(content.notes.map((n) => n.afterPointId)).toEqual([null, 'p1', 'p1']);
    expect(content.points[0]!.status).toBe('contested');
  });

  it('refuses points that are not adjacent, in two areas, repeated or unknown', () => {
    const gap = caught(() => edit({ type: 'mergePoints', pointIds: ['p1', 'p3'] }));
    expect(gap.problems[0]).toMatchObject({ field: 'op.pointIds' });
    expect(gap.message).toContain('p1, p3');
    expect(caught(() => edit({ type: 'mergePoints', pointIds: ['p3', 'p4'] })).code).toBe(
      'validation.failed',
    );
    expect(caught(() => edit({ type: 'mergePoints', pointIds: ['p2', 'p1'] })).code).toBe(
      'validation.failed',
    );
    expect(caught(() => edit({ type: 'mergePoints', pointIds: ['p1', 'p1'] })).code).toBe(
      'validation.failed',
    );
    expect(caught(() => edit({ type: 'mergePoints', pointIds: ['p1', 'x'] })).code).toBe('point.not_found');
  });
});
