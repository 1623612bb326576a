import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type NegotiationInstanceInput, negotiationInstanceSchema } from './analytics-model.ts';
import { feasiblePackages, frontierVectors, vectorKey } from './brute-force.ts';
import { benchmarkInstance } from './generated-instance.ts';
import { paretoFrontier } from './pareto-frontier.ts';
import { smallInstance } from './test-support.ts';
import { buildUtilityTable } from './utility-table.ts';

const twoParties = (extra: Partial<NegotiationInstanceInput> = {}): NegotiationInstanceInput => ({
  parties: [{ id: 'veloria' }, { id: 'karst' }],
  points: [
    { id: 'border', options: [{ id: 'line-1967' }, { id: 'line-ceasefire' }] },
    { id: 'monitoring', options: [{ id: 'un' }, { id: 'joint' }] },
    { id: 'dam', good: true },
  ],
  positions: [
    {
      partyId: 'veloria',
      weights: { border: 50, monitoring: 20, dam: 30 },
      scores: { border: { 'line-1967': 100, 'line-ceasefire': 0 }, monitoring: { un: 80, joint: 40 } },
      reservation: 10,
    },
    {
      partyId: 'karst',
      weights: { border: 40, monitoring: 30, dam: 30 },
      scores: { border: { 'line-1967': 20, 'line-ceasefire': 100 }, monitoring: { un: 0, joint: 100 } },
      reservation: 10,
    },
  ],
  ...extra,
});

const frontierOf = (input: NegotiationInstanceInput, maxPartials?: number) =>
  paretoFrontier(buildUtilityTable(negotiationInstanceSchema.parse(input)), { maxPartials });

describe('pareto frontier', () => {
  it('equals the undominated feasible packages found by brute force', () => {
    fc.assert(
      fc.property(smallInstance, (instance) => {
        const frontier = paretoFrontier(buildUtilityTable(instance));
        expect(frontier.exact).toBe(true);
        expect(frontier.packages.map((p) => vectorKey(p.utilities)).sort()).toEqual(
          frontierVectors(feasiblePackages(instance)),
        );
        // Every returned choice is itself feasible and has the utilities claimed for it.
        const feasible = new Map(
          feasiblePackages(instance).map((p) => [JSON.stringify(p.choice), p.utilities]),
        );
        for (const p of frontier.packages)
          expect(feasible.get(JSON.stringify(p.choice))).toEqual(p.utilities);
      }),
      { numRuns: 100 },
    );
  });

  it('treats a good as awarded to one party and drops red-lined options', () => {
    const frontier = frontierOf(
      twoParties({
        positions: twoParties().positions.map((p) =>
          p.partyId === 'karst' ? { ...p, redLines: [{ pointId: 'border', optionId: 'line-1967' }] } : p,
        ),
      }),
    );
    expect(frontier.packages.every((p) => p.choice.border === 'line-ceasefire')).toBe(true);
    // Dam to Karst with UN monitoring (16, 70) is dominated by dam to Veloria with joint monitoring (38, 70).
    expect(frontier.packages.map((p) => [p.choice.dam, p.choice.monitoring, ...p.utilities])).toEqual([
      ['veloria', 'joint', 38, 70],
      ['veloria', 'un', 46, 40],
    ]);
  });

  it('respects "requires" and "excludes" between points', () => {
    const requires = frontierOf(
      twoParties({
        constraints: [
          {
            kind: 'requires',
            option: { pointId: 'border', optionId: 'line-1967' },
            other: { pointId: 'monitoring', optionId: 'un' },
          },
        ],
      }),
    );
    for (const p of requires.packages)
      if (p.choice.border === 'line-1967') expect(p.choice.monitoring).toBe('un');
    const excludes = frontierOf(
      twoParties({
        constraints: [
          {
            kind: 'excludes',
            option: { pointId: 'dam', optionId: 'karst' },
            other: { pointId: 'monitoring', optionId: 'joint' },
          },
        ],
      }),
    );
    for (const p of excludes.packages)
      expect(p.choice.dam === 'karst' && p.choice.monitoring === 'joint').toBe(false);
  });

  it('is empty when the reservations cannot all be met', () => {
    const impossible = frontierOf(
      twoParties({ positions: twoParties().positions.map((p) => ({ ...p, reservation: 95 })) }),
    );
    expect(impossible.packages).toEqual([]);
    expect(impossible.exact).toBe(true);
  });

  it('says so when the work limit cuts the search, and still returns feasible undominated packages', () => {
    fc.assert(
      fc.property(smallInstance, (instance) => {
        const frontier = paretoFrontier(buildUtilityTable(instance), { maxPartials: 2 });
        const exact = paretoFrontier(buildUtilityTable(instance));
        if (exact.work.peakPartials > 2) expect(frontier.exact).toBe(false);
        const feasible = new Set(feasiblePackages(instance).map((p) => JSON.stringify(p.choice)));
        for (const p of frontier.packages) expect(feasible.has(JSON.stringify(p.choice))).toBe(true);
        expect(frontierVectors(frontier.packages)).toEqual(
          frontier.packages.map((p) => vectorKey(p.utilities)).sort(),
        );
      }),
      { numRuns: 50 },
    );
  });

  // The frontier of six parties is far too large to enumerate: the DP must say it truncated, and keep
  // only feasible, mutually undominated packages. (The solutions come from branch and bound there.)
  it('reports truncation honestly on 30 points × 5 options × 6 parties', () => {
    const frontier = paretoFrontier(buildUtilityTable(benchmarkInstance()), { maxPartials: 200 });
    expect(frontier.exact).toBe(false);
    expect(frontier.work.limitHitAtPoint).not.toBeNull();
    expect(frontier.packages.length).toBeGreaterThan(0);
    for (const p of frontier.packages)
      for (const u of p.utilities) expect(u).toBeGreaterThanOrEqual(35 - 1e-9);
    expect(frontierVectors(frontier.packages)).toEqual(
      frontier.packages.map((p) => vectorKey(p.utilities)).sort(),
    );
  });
});
