import { seededRandom } from '../shared/seeded-random.ts';
import {
  type NegotiationInstance,
  type NegotiationInstanceInput,
  negotiationInstanceSchema,
} from './analytics-model.ts';

// Re-exported: the analytics code and its tests take the generator from here.
export { seededRandom };

export interface GeneratorOptions {
  seed: number;
  parties: number;
  points: number;
  options: number;
  /**
   * 'spectrum' (realistic): each point's options lie on a line from one camp's demand to the other's,
   * parties sit in two loose camps and score options by distance from their own ideal; 'random':
   * independent uniform scores.
   */
  kind?: 'spectrum' | 'random';
  /** Reservation level of every party, 0–100. */
  reservation?: number;
  /** Red lines per party (each on a far option of one of its heavier points). */
  redLinesPerParty?: number;
  /** Number of requires/excludes constraints. */
  constraints?: number;
}

/** Integer weights summing to exactly 100, in proportion to the raw shares (largest remainders). */
function hundred(raw: number[]): number[] {
  const total = raw.reduce((a, b) => a + b, 0);
  const exact = raw.map((r) => (r * 100) / total);
  const floors = exact.map(Math.floor);
  let left = 100 - floors.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of byRemainder) {
    if (left <= 0) break;
    floors[i] = (floors[i] ?? 0) + 1;
    left--;
  }
  return floors;
}

/**
 * A seeded negotiation instance of the given size, with integer weights, scores and reservations.
 * The same options always give the same instance: the tests and the benchmark share it.
 */
export function generateInstance(o: GeneratorOptions): NegotiationInstance {
  const random = seededRandom(o.seed);
  const kind = o.kind ?? 'spectrum';
  const int = (n: number) => Math.floor(random() * n);
  const parties = Array.from({ length: o.parties }, (_, i) => ({
    id: `party-${i + 1}`,
    name: `Party ${i + 1}`,
  }));
  const points = Array.from({ length: o.points }, (_, i) => ({
    id: `point-${i + 1}`,
    label: `Point ${i + 1}`,
    options: Array.from({ length: o.options }, (_, j) => ({ id: `option-${j + 1}` })),
  }));
  // Camp of each party: its leaning, from −1 to 1; the middle parties are brokers.
  const leaning = parties.map((_, i) => (o.parties === 1 ? 0 : -1 + (2 * i) / (o.parties - 1)));
  const positions = parties.map((party, a) => {
    // A few points matter a lot to each party (heavy-tailed priorities).
    const raw = points.map(() => 1 + Math.floor(random() ** 3 * 20));
    const weights = hundred(raw);
    const scores: Record<string, Record<string, number>> = {};
    const ideals: number[] = [];
    points.forEach((point) => {
      const ideal = Math.min(1, Math.max(0, 0.5 + 0.45 * (leaning[a] ?? 0) + (random() - 0.5) * 0.6));
      ideals.push(ideal);
      const tolerance = 0.3 + random() * 0.7; // how fast its score falls away from its ideal
      scores[point.id] = Object.fromEntries(
        point.options.map((option, j) => {
          if (kind === 'random') return [option.id, int(101)];
          const at = o.options === 1 ? 0.5 : j / (o.options - 1);
          const score = 100 * Math.max(0, 1 - Math.abs(at - ideal) / tolerance);
          return [option.id, Math.round(score)];
        }),
      );
    });
    const heavy = weights
      .map((w, i) => [w, i] as const)
      .sort((x, y) => y[0] - x[0])
      .slice(0, Math.max(1, o.redLinesPerParty ?? 0));
    const redLines = heavy.slice(0, o.redLinesPerParty ?? 0).map(([, i]) => {
      const far = (ideals[i] ?? 0.5) < 0.5 ? o.options - 1 : 0; // the end of the line opposite its ideal
      return { pointId: points[i]?.id ?? '', optionId: `option-${far + 1}` };
    });
    return {
      partyId: party.id,
      weights: Object.fromEntries(points.map((p, i) => [p.id, weights[i] ?? 0])),
      scores,
      redLines,
      reservation: o.reservation ?? 30,
    };
  });
  const constraints = Array.from({ length: o.constraints ?? 0 }, (_, c) => {
    const p = int(o.points);
    const q = (p + 1 + int(o.points - 1)) % o.points;
    return {
      kind: c % 2 === 0 ? ('requires' as const) : ('excludes' as const),
      option: { pointId: `point-${p + 1}`, optionId: `option-${1 + int(o.options)}` },
      other: { pointId: `point-${q + 1}`, optionId: `option-${1 + int(o.options)}` },
    };
  });
  const input: NegotiationInstanceInput = { parties, points, positions, constraints };
  return negotiationInstanceSchema.parse(input);
}

/** The DESIGN.md budget instance: 30 points × 5 options × 6 parties, with red lines and constraints. */
export function benchmarkInstance(seed = 2026): NegotiationInstance {
  return generateInstance({
    seed,
    parties: 6,
    points: 30,
    options: 5,
    reservation: 35,
    redLinesPerParty: 2,
    constraints: 4,
  });
}
