import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AdjustedWinnerGood, adjustedWinner, adjustedWinnerForInstance } from './adjusted-winner.ts';
import { negotiationInstanceSchema } from './analytics-model.ts';
import { allocate100 } from './test-support.ts';

const goodsArb = fc
  .tuple(
    fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 6 }),
    fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 6, maxLength: 6 }),
  )
  .map(([a, b]): AdjustedWinnerGood[] => {
    const pa = allocate100(a);
    const pb = allocate100(b.slice(0, a.length));
    return pa.map((x, i) => ({ id: `good-${i}`, points: [x, pb[i] ?? 0] as const }));
  });

const pointsFor = (
  goods: AdjustedWinnerGood[],
  shares: Record<string, [number, number]>,
  who: 0 | 1,
  of: 0 | 1,
) => goods.reduce((s, g) => s + g.points[who] * (shares[g.id]?.[of] ?? 0), 0);

describe('adjusted winner', () => {
  it('is envy-free, equitable and efficient', () => {
    fc.assert(
      fc.property(goodsArb, (goods) => {
        const { allocation, totals } = adjustedWinner(['a', 'b'], goods);
        const own0 = pointsFor(goods, allocation, 0, 0);
        const own1 = pointsFor(goods, allocation, 1, 1);
        expect(totals[0]).toBeCloseTo(own0, 9);
        // Equitable: both get the same number of their own points.
        expect(own0).toBeCloseTo(own1, 9);
        // Envy-free: neither prefers the other's share by its own points.
        expect(own0).toBeGreaterThanOrEqual(pointsFor(goods, allocation, 0, 1) - 1e-9);
        expect(own1).toBeGreaterThanOrEqual(pointsFor(goods, allocation, 1, 0) - 1e-9);
        // Efficient: no mutually beneficial trade (a good a holds against one b holds)…
        for (const g of goods)
          for (const h of goods)
            if ((allocation[g.id]?.[0] ?? 0) > 1e-12 && (allocation[h.id]?.[1] ?? 0) > 1e-12)
              expect(g.points[0] * h.points[1]).toBeGreaterThanOrEqual(h.points[0] * g.points[1] - 1e-9);
        // …and no whole-good allocation is at least as good for both and better for one.
        for (let mask = 0; mask < 1 << goods.length; mask++) {
          const whole: Record<string, [number, number]> = {};
          goods.forEach((g, i) => {
            whole[g.id] = mask & (1 << i) ? [1, 0] : [0, 1];
          });
          const v0 = pointsFor(goods, whole, 0, 0);
          const v1 = pointsFor(goods, whole, 1, 1);
          expect(v0 >= own0 - 1e-9 && v1 >= own1 - 1e-9 && (v0 > own0 + 1e-9 || v1 > own1 + 1e-9)).toBe(
            false,
          );
        }
        // At most one good is shared.
        expect(
          Object.values(allocation).filter(([x]) => x > 1e-12 && x < 1 - 1e-12).length,
        ).toBeLessThanOrEqual(1);
      }),
      {
        numRuns: 100,
        // Once found by this property: a good worth nothing to either side broke the transfer order.
        examples: [
          [
            [
              { id: 'good-0', points: [1, 34] },
              { id: 'good-1', points: [66, 33] },
              { id: 'good-2', points: [0, 0] },
              { id: 'good-3', points: [33, 33] },
            ],
          ],
        ],
      },
    );
  });

  it('settles a worked example by hand, following the steps of Brams & Taylor (1996, ch. 4)', () => {
    // Initial award: A wins territory, security, recognition (85); B wins water, refugees (50).
    // A's ratios: territory 40/30, recognition 15/10, security 30/10, so territory moves first;
    // moving it whole would overshoot (45 vs 80), so it is split: B gets (85 − 50)/(40 + 30) = 1/2.
    const goods: AdjustedWinnerGood[] = [
      { id: 'territory', points: [40, 30] },
      { id: 'security', points: [30, 10] },
      { id: 'water', points: [10, 25] },
      { id: 'refugees', points: [5, 25] },
      { id: 'recognition', points: [15, 10] },
    ];
    const result = adjustedWinner(['a', 'b'], goods);
    expect(result.split).toEqual({ goodId: 'territory', fractions: [0.5, 0.5] });
    expect(result.totals).toEqual([65, 65]);
    expect(result.allocation).toEqual({
      territory: [0.5, 0.5],
      security: [1, 0],
      water: [0, 1],
      refugees: [0, 1],
      recognition: [1, 0],
    });
  });

  it('reads the goods and point allocations of a two-party instance', () => {
    const instance = negotiationInstanceSchema.parse({
      parties: [{ id: 'veloria' }, { id: 'karst' }],
      points: [
        { id: 'dam', good: true },
        { id: 'port', good: true },
      ],
      positions: [
        { partyId: 'veloria', weights: { dam: 70, port: 30 }, reservation: 0 },
        { partyId: 'karst', weights: { dam: 40, port: 60 }, reservation: 0 },
      ],
    });
    const outcome = adjustedWinnerForInstance(instance);
    if (!outcome.ok) throw new Error('expected a settlement');
    // Veloria wins the dam (70), Karst the port (60); Veloria cedes (70 − 60)/(70 + 40) = 1/11 of the dam.
    expect(outcome.result.split?.goodId).toBe('dam');
    expect(outcome.result.allocation.dam?.[1]).toBeCloseTo(1 / 11, 12);
    expect(outcome.result.allocation.port).toEqual([0, 1]);
    for (const total of outcome.result.totals) expect(total).toBeCloseTo(700 / 11, 9);
    const three = negotiationInstanceSchema.parse({
      ...instance,
      parties: [...instance.parties, { id: 'third' }],
      positions: [
        ...instance.positions,
        { partyId: 'third', weights: { dam: 50, port: 50 }, reservation: 0 },
      ],
    });
    expect(adjustedWinnerForInstance(three)).toEqual({
      ok: false,
      problems: [{ path: 'parties', message: 'Adjusted Winner needs exactly two parties' }],
    });
  });
});

describe('adjusted winner, published example', () => {
  // Brams & Taylor, "The Win-Win Solution" (1999) / "Fair Division" (1996): Bob and Carol's divorce,
  // as reproduced on the authors' NYU Adjusted Winner site (pages.nyu.edu/adjustedwinner). Published
  // outcome: Carol wins the retirement account and the cottage (65), Bob the home and "other" (40) and
  // the tied investments (50); the retirement account, the lowest ratio 50/40, is split: Bob gets 1/6
  // of it, Carol keeps 5/6, and each ends with 56⅔ of their own points.
  // (The Camp David example of Brams & Togman 1996 could not be found with its point table, so it is
  // not reproduced here rather than reconstructed from memory.)
  it('reproduces Bob and Carol', () => {
    const goods: AdjustedWinnerGood[] = [
      { id: 'retirement-account', points: [50, 40] },
      { id: 'home', points: [20, 30] },
      { id: 'summer-cottage', points: [15, 10] },
      { id: 'investments', points: [10, 10] },
      { id: 'other', points: [5, 10] },
    ];
    const result = adjustedWinner(['carol', 'bob'], goods);
    expect(result.split?.goodId).toBe('retirement-account');
    expect(result.allocation['retirement-account']?.[0]).toBeCloseTo(5 / 6, 12);
    expect(result.allocation['retirement-account']?.[1]).toBeCloseTo(1 / 6, 12);
    expect(result.allocation.home).toEqual([0, 1]);
    expect(result.allocation['summer-cottage']).toEqual([1, 0]);
    expect(result.allocation.investments).toEqual([0, 1]);
    expect(result.allocation.other).toEqual([0, 1]);
    for (const total of result.totals) expect(total).toBeCloseTo(170 / 3, 9);
  });
});
