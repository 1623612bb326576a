import { describe, expect, it } from 'vitest';
import type { Point } from '../plan.ts';
import { buildDraft, buildPoint, edit, layout } from './draft.fixture.ts';
import { detectNumberingScheme, renumberPoints } from './renumber.ts';

function perAreaDraft() {
  const draft = buildDraft();
  const numbers = ['1', '2', '3', '1', '2'];
  draft.points = draft.points.map((p, i) => ({ ...p, number: numbers[i]! }));
  return draft;
}

describe('renumberPoints', () => {
  it('numbers 1..N in reading order and keeps unchanged points as they are', () => {
    const points: Point[] = [
      buildPoint({ id: 'a', number: '1' }),
      buildPoint({ id: 'b', number: '7bis' }),
      buildPoint({ id: 'c', number: '3' }),
    ];
    const out = renumberPoints(points);
    expect(out.map((p) => p.number)).toEqual(['1', '2', '3']);
    expect(out[0]).toBe(points[0]);
    expect(out[1]!.changedAt).toBe(points[1]!.changedAt);
  });

  it('keeps a prefix in the plan’s style', () => {
    const points = [
      buildPoint({ id: 'a', number: 'Article 1' }),
      buildPoint({ id: 'b', number: 'Article 3' }),
    ];
    expect(renumberPoints(points).map((p) => p.number)).toEqual(['Article 1', 'Article 2']);
  });

  it('detects numbering that restarts in each area', () => {
    expect(detectNumberingScheme(buildDraft().points)).toBe('continuous');
    expect(detectNumberingScheme(perAreaDraft().points)).toBe('per-area');
  });
});

describe('numbering after structural ops', () => {
  it('keeps per-area numbering even when the op removes the evidence', () => {
    const { content } = edit({ type: 'deletePoint', pointId: 'p4' }, perAreaDraft());
    expect(layout(content)).toEqual(['p1:1@a1', 'p2:2@a1', 'p3:3@a1', 'p5:1@a2']);
  });

  it('restarts numbering in an area opened by addArea under per-area numbering', () => {
    const { content } = edit({ type: 'addArea', title: 'X', beforePointId: 'p2' }, perAreaDraft());
    expect(layout(content)).toEqual(['p1:1@a1', 'p2:1@area_1', 'p3:2@area_1', 'p4:1@a2', 'p5:2@a2']);
  });

  it('renumbers moved points under per-area numbering', () => {
    const { content } = edit(
      { type: 'movePoint', pointId: 'p1', afterPointId: 'p5', areaId: 'a2' },
      perAreaDraft(),
    );
    expect(layout(content)).toEqual(['p2:1@a1', 'p3:2@a1', 'p4:1@a2', 'p5:2@a2', 'p1:3@a2']);
  });
});
