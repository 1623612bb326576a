// Test support: random small negotiation instances for the property tests.
import fc from 'fast-check';
import {
  type NegotiationInstance,
  type NegotiationInstanceInput,
  negotiationInstanceSchema,
} from './analytics-model.ts';

/** Split 100 points in proportion to raw non-negative integers (the remainder goes to the first share). */
export function allocate100(raw: readonly number[]): number[] {
  const total = raw.reduce((a, b) => a + b, 0);
  if (total === 0) return raw.map((_, i) => (i === 0 ? 100 : 0));
  const shares = raw.map((r) => Math.floor((r * 100) / total));
  shares[0] = (shares[0] ?? 0) + 100 - shares.reduce((a, b) => a + b, 0);
  return shares;
}

const MAX_PARTIES = 3;
const MAX_POINTS = 5;
const MAX_OPTIONS = 3;

/** Instances of ≤ 3 parties × ≤ 5 points × ≤ 3 options, some points goods, with red lines and constraints. */
export const smallInstance: fc.Arbitrary<NegotiationInstance> = fc
  .record({
    parties: fc.integer({ min: 1, max: MAX_PARTIES }),
    points: fc.array(fc.record({ good: fc.boolean(), options: fc.integer({ min: 1, max: MAX_OPTIONS }) }), {
      minLength: 1,
      maxLength: MAX_POINTS,
    }),
    weights: fc.array(
      fc.array(fc.integer({ min: 0, max: 10 }), { minLength: MAX_POINTS, maxLength: MAX_POINTS }),
      {
        minLength: MAX_PARTIES,
        maxLength: MAX_PARTIES,
      },
    ),
    scores: fc.array(fc.integer({ min: 0, max: 100 }), {
      minLength: MAX_PARTIES * MAX_POINTS * MAX_OPTIONS,
      maxLength: MAX_PARTIES * MAX_POINTS * MAX_OPTIONS,
    }),
    reservations: fc.array(fc.integer({ min: 0, max: 60 }), {
      minLength: MAX_PARTIES,
      maxLength: MAX_PARTIES,
    }),
    redLines: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { maxLength: 3 }),
    constraints: fc.array(
      fc.record({
        kind: fc.constantFrom('requires' as const, 'excludes' as const),
        refs: fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.nat()),
      }),
      { maxLength: 2 },
    ),
  })
  .map((raw) => {
    const partyIds = Array.from({ length: raw.parties }, (_, i) => `party-${i}`);
    const points = raw.points.map((p, i) => ({
      id: `point-${i}`,
      good: p.good,
      options: p.good ? [] : Array.from({ length: p.options }, (_, j) => ({ id: `option-${j}` })),
    }));
    const optionIdsOf = (i: number) => {
      const point = points[i];
      return point?.good ? partyIds : (point?.options.map((o) => o.id) ?? []);
    };
    const ref = (pointIndex: number, optionIndex: number) => {
      const i = pointIndex % points.length;
      const options = optionIdsOf(i);
      return { pointId: `point-${i}`, optionId: options[optionIndex % options.length] ?? '' };
    };
    const input: NegotiationInstanceInput = {
      parties: partyIds.map((id) => ({ id })),
      points,
      positions: partyIds.map((partyId, a) => {
        const weights = allocate100((raw.weights[a] ?? []).slice(0, points.length));
        const scores: Record<string, Record<string, number>> = {};
        points.forEach((point, i) => {
          if (point.good) return;
          scores[point.id] = Object.fromEntries(
            point.options.map((o, j) => [o.id, raw.scores[(a * MAX_POINTS + i) * MAX_OPTIONS + j] ?? 0]),
          );
        });
        return {
          partyId,
          weights: Object.fromEntries(points.map((p, i) => [p.id, weights[i] ?? 0])),
          scores,
          redLines: raw.redLines
            .filter(([who]) => who % raw.parties === a)
            .map(([, pt, opt]) => ref(pt, opt)),
          reservation: raw.reservations[a] ?? 0,
        };
      }),
      constraints: raw.constraints.map((c) => ({
        kind: c.kind,
        option: ref(c.refs[0], c.refs[1]),
        other: ref(c.refs[2], c.refs[3]),
      })),
    };
    return negotiationInstanceSchema.parse(input);
  });

export { seededRandom } from './generated-instance.ts';
