import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyDraftOp } from '../plans/edit/apply-draft-op.ts';
import { buildDraft, buildPoint } from '../plans/edit/draft.fixture.ts';
import type { PlanItem } from '../plans/plan.ts';
import { pointText } from '../plans/redline/point-text.ts';
import { AppError } from '../shared/app-error.ts';
import { sequentialIds } from '../shared/ids.ts';
import { amendmentDraftOp } from './amendment-draft-op.ts';
import { splitPointText } from './point-text-parts.ts';

const change = { pointId: null, afterPointId: null, areaId: null, describe: 'point 2 of Draft 2' };

function apply(op: ReturnType<typeof amendmentDraftOp>) {
  return applyDraftOp(buildDraft(), op, { currentRevision: 3, baseRevision: 3, newId: sequentialIds() });
}

describe('amendmentDraftOp', () => {
  it('rewrites a replaced point, body and sub-items', () => {
    const op = amendmentDraftOp(
      buildDraft(),
      { ...change, kind: 'replace', pointId: 'p2' },
      'The parties shall refrain from:\na) shelling;\nb) drone strikes.',
    );
    expect(op).toEqual({
      type: 'updatePoint',
      pointId: 'p2',
      text: 'The parties shall refrain from:',
      items: [
        { label: 'a', text: 'shelling;' },
        { label: 'b', text: 'drone strikes.' },
      ],
    });
    const point = apply(op).content.points.find((p) => p.id === 'p2');
    expect(point?.text).toBe('The parties shall refrain from:');
    expect(point?.changedAt).toBe(4);
  });

  it('inserts a new point after its anchor, in the area the anchor is in now', () => {
    const op = amendmentDraftOp(
      buildDraft(),
      { ...change, kind: 'add', afterPointId: 'p4', areaId: 'a1' },
      'A new point.',
    );
    expect(op).toMatchObject({ type: 'addPoint', afterPointId: 'p4', areaId: 'a2', text: 'A new point.' });
    const points = apply(op).content.points;
    const at = points.findIndex((p) => p.id === 'p4');
    expect(points[at + 1]?.text).toBe('A new point.');
  });

  it('inserts first in an area when no anchor is given, and deletes a point', () => {
    expect(amendmentDraftOp(buildDraft(), { ...change, kind: 'add', areaId: 'a3' }, 'Trade.')).toMatchObject({
      type: 'addPoint',
      afterPointId: null,
      areaId: 'a3',
    });
    expect(amendmentDraftOp(buildDraft(), { ...change, kind: 'delete', pointId: 'p3' }, '')).toEqual({
      type: 'deletePoint',
      pointId: 'p3',
    });
  });

  it('refuses with a conflict naming the point when it is no longer in the draft', () => {
    for (const c of [
      { ...change, kind: 'replace' as const, pointId: 'gone' },
      { ...change, kind: 'delete' as const, pointId: 'gone' },
      { ...change, kind: 'add' as const, afterPointId: 'gone' },
      { ...change, kind: 'add' as const, areaId: 'gone' },
    ]) {
      let error: unknown;
      try {
        amendmentDraftOp(buildDraft(), c, 'Text.');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('conflict');
      expect((error as AppError).message).toContain('point 2 of Draft 2');
      expect((error as AppError).message).toContain('no longer in the working draft');
    }
  });
});

describe('splitPointText', () => {
  it('reads sub-item lines back into items', () => {
    expect(splitPointText('Intro:\n\nSecond paragraph:\n• one\n→ two\n10) three')).toEqual({
      text: 'Intro:\n\nSecond paragraph:',
      items: [
        { label: null, text: 'one' },
        { label: '→', text: 'two' },
        { label: '10', text: 'three' },
      ],
    });
    expect(splitPointText('Plain text, no items.')).toEqual({ text: 'Plain text, no items.', items: [] });
    expect(splitPointText('a) only an item')).toEqual({
      text: '',
      items: [{ label: 'a', text: 'only an item' }],
    });
  });

  const word = fc.constantFrom('the', 'parties', 'shall', 'withdraw', 'within', '72', 'hours', 'zone.');
  const sentence = fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => w.join(' '));
  const body = fc.array(sentence, { maxLength: 3 }).map((s) => s.join('\n\n'));
  const item: fc.Arbitrary<PlanItem> = fc.record({
    label: fc.oneof(fc.constant(null), fc.constantFrom('a', 'b', 'iv', '3', '→')),
    text: sentence,
  });

  it('is the inverse of pointText (property)', () => {
    fc.assert(
      fc.property(body, fc.array(item, { maxLength: 5 }), (text, items) => {
        const point = buildPoint({ id: 'p', text, items });
        expect(splitPointText(pointText(point))).toEqual({ text, items });
      }),
    );
  });
});
