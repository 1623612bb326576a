import { describe, expect, it } from 'vitest';
import { negotiationInstanceSchema } from './analytics-model.ts';
import { bargainingSolutions } from './bargaining-solutions.ts';
import { describeTrade, logrollingTrades, packageLedger, packageStability } from './package-explanation.ts';
import { paretoFrontier } from './pareto-frontier.ts';
import { buildUtilityTable } from './utility-table.ts';

// Two points, each mattering far more to one side: the textbook logroll.
const instance = negotiationInstanceSchema.parse({
  parties: [{ id: 'veloria' }, { id: 'karst' }],
  points: [
    { id: '6', options: [{ id: 'veloria-text' }, { id: 'karst-text' }] },
    { id: '21', options: [{ id: 'veloria-text' }, { id: 'karst-text' }] },
  ],
  positions: [
    {
      partyId: 'veloria',
      weights: { '6': 20, '21': 80 },
      scores: {
        '6': { 'veloria-text': 100, 'karst-text': 0 },
        '21': { 'veloria-text': 100, 'karst-text': 0 },
      },
      reservation: 0,
    },
    {
      partyId: 'karst',
      weights: { '6': 80, '21': 20 },
      scores: {
        '6': { 'veloria-text': 0, 'karst-text': 100 },
        '21': { 'veloria-text': 0, 'karst-text': 100 },
      },
      reservation: 0,
    },
  ],
});
const nashOf = (i: typeof instance) => bargainingSolutions(paretoFrontier(buildUtilityTable(i)))[0]?.package;

describe('package explanations', () => {
  const choice = { '6': 'karst-text', '21': 'veloria-text' };

  it('keeps a ledger of who gives and who gains against its own ideal, point by point', () => {
    expect(nashOf(instance)?.choice).toEqual(choice);
    const ledger = packageLedger(instance, choice);
    expect(
      ledger.map((l) => [l.pointId, l.optionId, l.entries.map((e) => [e.partyId, e.concession])]),
    ).toEqual([
      [
        '6',
        'karst-text',
        [
          ['veloria', 20],
          ['karst', 0],
        ],
      ],
      [
        '21',
        'veloria-text',
        [
          ['veloria', 0],
          ['karst', 20],
        ],
      ],
    ]);
  });

  it('names the logrolling trade that makes the package efficient', () => {
    const trades = logrollingTrades(instance, choice);
    expect(trades).toEqual([
      { from: 'karst', point: '21', to: 'veloria', inReturnOn: '6', fromNet: 60, toNet: 60 },
    ]);
    expect(describeTrade(trades[0]!)).toBe('karst concedes on 21, veloria concedes on 6');
    // The package where each side wins what it cares less about has no such trade.
    expect(logrollingTrades(instance, { '6': 'veloria-text', '21': 'karst-text' })).toEqual([]);
  });

  it('measures stability under ±10% weight perturbations, reproducibly', () => {
    const recommend = (i: typeof instance) => nashOf(i)?.choice ?? null;
    const stable = packageStability(instance, choice, recommend, { samples: 200, seed: 5 });
    expect(stable).toEqual({ share: 1, samples: 200, kept: 200 });
    // Nearly balanced weights: the recommendation flips under some perturbations.
    const close = negotiationInstanceSchema.parse({
      ...instance,
      positions: instance.positions.map((p) => ({
        ...p,
        weights: p.partyId === 'veloria' ? { '6': 49, '21': 51 } : { '6': 51, '21': 49 },
      })),
    });
    const fragile = packageStability(close, nashOf(close)?.choice ?? {}, recommend, {
      samples: 200,
      seed: 5,
    });
    expect(fragile.share).toBeLessThan(1);
    expect(
      packageStability(close, nashOf(close)?.choice ?? {}, recommend, { samples: 200, seed: 5 }),
    ).toEqual(fragile);
  });
});
