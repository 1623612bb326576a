/**
 * Seeded instances whose parties' option scores are correlated: positively (the parties broadly want
 * the same formulations, little to trade) or negatively (a zero-sum-like conflict: what one side
 * scores high the other scores low). Same shape as src/domain/analytics/generated-instance.ts.
 */

import {
  type NegotiationInstance,
  negotiationInstanceSchema,
} from '../../src/domain/analytics/analytics-model.ts';
import { seededRandom } from '../../src/domain/shared/seeded-random.ts';

export interface CorrelatedOptions {
  seed: number;
  parties: number;
  points: number;
  options: number;
  /**
   * Correlation strength, −1…1. Positive: every party's score of an option shares a common factor.
   * Negative: parties in alternate camps load the common factor with opposite signs (for more than
   * two parties the pairwise correlation within a camp is then positive, across camps negative).
   */
  correlation: number;
  /** Reservation level of every party, 0–100. */
  reservation?: number;
}

/** Integer weights summing to exactly 100, by largest remainders. */
function hundred(raw: number[]): number[] {
  const total = raw.reduce((a, b) => a + b, 0);
  const exact = raw.map((r) => (r * 100) / total);
  const floors = exact.map(Math.floor);
  let left = 100 - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    floors[i] = (floors[i] ?? 0) + 1;
  }
  return floors;
}

/** A seeded instance with correlated integer scores 0–100 and integer weights summing to 100. */
export function correlatedInstance(o: CorrelatedOptions): NegotiationInstance {
  const random = seededRandom(o.seed);
  const centred = () => 2 * random() - 1; // uniform on [−1, 1)
  const rho = Math.max(-1, Math.min(1, o.correlation));
  const shared = Math.sqrt(Math.abs(rho));
  const own = Math.sqrt(1 - Math.abs(rho));
  const sign = (a: number) => (rho >= 0 || a % 2 === 0 ? 1 : -1);
  const parties = Array.from({ length: o.parties }, (_, i) => ({
    id: `party-${i + 1}`,
    name: `Party ${i + 1}`,
  }));
  const points = Array.from({ length: o.points }, (_, i) => ({
    id: `point-${i + 1}`,
    options: Array.from({ length: o.options }, (_, j) => ({ id: `option-${j + 1}` })),
  }));
  const common = points.map(() => points[0]?.options.map(() => centred()) ?? []);
  const noise = parties.map(() => points.map(() => points[0]?.options.map(() => centred()) ?? []));
  const positions = parties.map((party, a) => {
    const weights = hundred(points.map(() => 1 + Math.floor(random() ** 2 * 10)));
    const scores = Object.fromEntries(
      points.map((point, p) => [
        point.id,
        Object.fromEntries(
          point.options.map((option, j) => {
            const z = sign(a) * shared * (common[p]?.[j] ?? 0) + own * (noise[a]?.[p]?.[j] ?? 0);
            return [option.id, Math.round(Math.max(0, Math.min(100, 50 + 50 * z)))];
          }),
        ),
      ]),
    );
    return {
      partyId: party.id,
      weights: Object.fromEntries(points.map((p, i) => [p.id, weights[i] ?? 0])),
      scores,
      redLines: [],
      reservation: o.reservation ?? 30,
    };
  });
  return negotiationInstanceSchema.parse({ parties, points, positions, constraints: [] });
}

/** Sample Pearson correlation of two parties' option scores (for the row's detail). */
export function scoreCorrelation(instance: NegotiationInstance, a = 0, b = 1): number {
  const xs: number[] = [];
  const ys: number[] = [];
  const pa = instance.positions[a];
  const pb = instance.positions[b];
  for (const point of instance.points)
    for (const option of point.options) {
      xs.push(pa?.scores[point.id]?.[option.id] ?? 0);
      ys.push(pb?.scores[point.id]?.[option.id] ?? 0);
    }
  const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  xs.forEach((x, i) => {
    const y = ys[i] ?? 0;
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
    syy += (y - my) ** 2;
  });
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
}
