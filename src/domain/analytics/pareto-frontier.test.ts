import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type NegotiationInstanceInput, negotiationInstanceSchema } from './analytics-model.ts';
import { feasiblePackages, frontierVectors, vectorKey } from './brute-force.ts';
import { paretoFrontier } from './pareto-frontier.ts';
import { seededRandom, smallInstance } from './test-support.ts';
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

  // Seconds of work on a loaded 2-core machine: a generous timeout, no time assertion (that is the bench's job).
  it('completes on 30 points × 5 options × 6 parties with random utilities', { timeout: 60_000 }, () => {
    const random = seededRandom(2026);
    const int = (n: number) => Math.floor(random() * n);
    const parties = Array.from({ length: 6 }, (_, i) => ({ id: `party-${i}` }));
    const points = Array.from({ length: 30 }, (_, i) => ({
      id: `point-${i}`,
      options: Array.from({ length: 5 }, (_, j) => ({ id: `option-${j}` })),
    }));
    const positions = parties.map((party) => {
      const raw = points.map(() => 1 + int(10));
      const total = raw.reduce((a, b) => a + b, 0);
      const weights = raw.map((r) => (r * 100) / total);
      weights[0] = 100 - weights.slice(1).reduce((a, b) => a + b, 0);
      return {
        partyId: party.id,
        weights: Object.fromEntries(points.map((p, i) => [p.id, weights[i] ?? 0])),
        scores: Object.fromEntries(
          points.map((p) => [p.id, Object.fromEntries(p.options.map((o) => [o.id, int(101)]))]),
        ),
        reservation: 30,
      };
    });
    const frontier = frontierOf({ parties, points, positions });
    expect(frontier.packages.length).toBeGreaterThan(0);
    for (const p of frontier.packages)
      for (const u of p.utilities) expect(u).toBeGreaterThanOrEqual(30 - 1e-9);
  });
});
