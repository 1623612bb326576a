import { describe, expect, it } from 'vitest';
import { negotiationInstanceSchema } from './analytics-model.ts';

const valid = {
  parties: [{ id: 'veloria' }, { id: 'karst' }],
  points: [
    { id: 'border', options: [{ id: 'line-1967' }, { id: 'line-ceasefire' }] },
    { id: 'dam', good: true },
  ],
  positions: [
    {
      partyId: 'veloria',
      weights: { border: 60, dam: 40 },
      scores: { border: { 'line-1967': 100, 'line-ceasefire': 0 } },
      reservation: 20,
    },
    {
      partyId: 'karst',
      weights: { border: 50, dam: 50 },
      scores: { border: { 'line-1967': 0, 'line-ceasefire': 100 } },
      reservation: 20,
    },
  ],
  constraints: [
    {
      kind: 'excludes',
      option: { pointId: 'border', optionId: 'line-1967' },
      other: { pointId: 'dam', optionId: 'veloria' },
    },
  ],
};

const problemsOf = (input: unknown) => {
  const result = negotiationInstanceSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('negotiation instance schema', () => {
  it('accepts a consistent instance, goods taking the party ids as options', () => {
    expect(problemsOf(valid)).toEqual([]);
  });

  it('names the path of each inconsistency', () => {
    const [veloria, karst] = valid.positions;
    expect(
      problemsOf({
        ...valid,
        positions: [
          {
            ...veloria,
            weights: { border: 60, dam: 30 },
            redLines: [{ pointId: 'border', optionId: 'line-1949' }],
          },
          { ...karst, scores: { border: { 'line-1967': 0 } } },
        ],
        constraints: [
          {
            kind: 'requires',
            option: { pointId: 'water', optionId: 'x' },
            other: { pointId: 'dam', optionId: 'karst' },
          },
        ],
      }),
    ).toEqual([
      'positions.0.weights: weights must sum to 100, not 90',
      'positions.0.redLines.0.optionId: unknown option line-1949 of point border',
      'positions.1.scores.border.line-ceasefire: needs a score from 0 to 100',
      'constraints.0.option.pointId: unknown point water',
    ]);
  });

  it('refuses scores outside 0–100, unknown parties and missing positions', () => {
    const [veloria, karst] = valid.positions;
    expect(
      problemsOf({
        ...valid,
        positions: [{ ...veloria, scores: { border: { 'line-1967': 120, 'line-ceasefire': 0 } } }, karst],
      }),
    ).toEqual(['positions.0.scores.border.line-1967: Too big: expected number to be <=100']);
    expect(problemsOf({ ...valid, positions: [veloria, { ...veloria, partyId: 'nobody' }] })).toEqual([
      'positions.1.partyId: unknown party nobody',
      'positions: party karst has no position',
    ]);
  });
});
