import { describe, expect, it } from 'vitest';
import type { AnalysisPoint, PartyPreferences } from './api-types.ts';
import { bodyOf, budgetOf, draftFrom, everyOptionRedLined, spreadEvenly } from './preferences-draft.ts';
import { checkDraft } from './preferences-problems.ts';

const point = (pointId: string, options: string[], good = false): AnalysisPoint => ({
  pointId,
  number: pointId.replace('p', ''),
  area: null,
  excerpt: '',
  good,
  options: options.map((id) => ({ id, label: `Option ${id.toUpperCase()}`, text: '' })),
});

const POINTS = [point('p1', ['a', 'b']), point('p2', ['c', 'd', 'e']), point('p3', [], true)];

const SAVED: PartyPreferences = {
  partyId: 'krf',
  weights: { p1: 50, p2: 30, p3: 20 },
  scores: { p1: { a: 100, b: 0 }, p2: { c: 10, d: 60, e: 90 } },
  redLines: [{ pointId: 'p1', optionId: 'b' }],
  reservation: 35,
  sharedWithMediator: true,
  updatedAt: '2026-12-01T10:00:00.000Z',
  updatedBy: { id: 'u1', name: 'Karst lead' },
  revision: 4,
};

describe('the preference form state', () => {
  it('round-trips saved preferences into the same request body', () => {
    const body = bodyOf(POINTS, draftFrom(POINTS, SAVED), SAVED.revision);
    expect(body).toEqual({
      weights: SAVED.weights,
      scores: SAVED.scores,
      redLines: SAVED.redLines,
      reservation: 35,
      sharedWithMediator: true,
      baseRevision: 4,
    });
    expect(checkDraft(POINTS, draftFrom(POINTS, SAVED)).size).toBe(0);
  });

  it('spreads the budget in whole points that add up to 100', () => {
    expect(spreadEvenly(POINTS)).toEqual({ p1: '34', p2: '33', p3: '33' });
    const seven = Array.from({ length: 7 }, (_, i) => point(`p${i}`, ['a', 'b']));
    const weights = Object.values(spreadEvenly(seven)).map(Number);
    expect(weights.reduce((a, b) => a + b, 0)).toBe(100);
  });

  it('counts what is left of the budget, negative when over', () => {
    const draft = draftFrom(POINTS, null);
    expect(budgetOf(draft).left).toBe(100);
    expect(budgetOf({ ...draft, weights: { p1: '60', p2: '50.5', p3: '' } }).left).toBe(-10.5);
  });

  it('names every empty score, the reservation and a wrong sum, keyed like the server', () => {
    const draft = { ...draftFrom(POINTS, null), weights: { p1: '10', p2: '10', p3: '10' } };
    const problems = checkDraft(POINTS, draft);
    expect(problems.get('weights')).toBe('The weights must sum to 100, not 30.');
    expect(problems.get('scores.p1.a')).toMatch(/^Score missing/);
    expect(problems.get('scores.p2.e')).toMatch(/^Score missing/);
    expect(problems.get('reservation')).toMatch(/reservation level/);
    expect(problems.has('scores.p3')).toBe(false);
  });

  it('flags a point whose every option is a red line', () => {
    const draft = { ...draftFrom(POINTS, SAVED), redLines: { p1: ['a', 'b'], p2: [] } };
    expect(everyOptionRedLined(POINTS[0] as AnalysisPoint, draft)).toBe(true);
    expect(everyOptionRedLined(POINTS[2] as AnalysisPoint, draft)).toBe(false);
    expect(checkDraft(POINTS, draft).get('redLines.p1')).toBe(
      'Red lines leave point 1 with no acceptable option: an agreement would be impossible.',
    );
  });
});
