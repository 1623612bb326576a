import type { NegotiationInstance } from './analytics-model.ts';
import { seededRandom } from './generated-instance.ts';

/** One party's side of one point of a package, measured against the option it likes best there. */
export interface LedgerEntry {
  partyId: string;
  /** The party's favourite option on the point (for a good: the party itself). */
  idealOptionId: string;
  /** Utility points (0–100 scale) the party gives up on this point against its ideal; 0 when it got it. */
  concession: number;
  /** Utility points the chosen option is worth to the party on this point. */
  value: number;
}

/** A point of the package: the chosen option and each party's ledger entry. */
export interface LedgerLine {
  pointId: string;
  optionId: string;
  entries: LedgerEntry[];
}

/** A logrolling trade: `from` concedes on `point` and `to` concedes on `inReturnOn`; both come out ahead. */
export interface Trade {
  from: string;
  point: string;
  to: string;
  inReturnOn: string;
  /** What each side gains from the exchange, net of its own concession, in utility points. */
  fromNet: number;
  toNet: number;
}

interface PartyView {
  partyId: string;
  weight: (pointId: string) => number;
  score: (pointId: string, optionId: string) => number;
  optionsOf: (pointId: string) => string[];
}

function views(instance: NegotiationInstance): PartyView[] {
  const partyIds = instance.parties.map((p) => p.id);
  const redLined = new Set(
    instance.positions.flatMap((p) => p.redLines.map((r) => `${r.pointId}\u0000${r.optionId}`)),
  );
  return instance.parties.map(({ id }) => {
    const position = instance.positions.find((p) => p.partyId === id);
    const point = (pointId: string) => instance.points.find((p) => p.id === pointId);
    return {
      partyId: id,
      weight: (pointId) => position?.weights[pointId] ?? 0,
      score: (pointId, optionId) =>
        point(pointId)?.good ? (optionId === id ? 100 : 0) : (position?.scores[pointId]?.[optionId] ?? 0),
      // Ideals are sought among the options still on the table (no one's red line).
      optionsOf: (pointId) => {
        const pt = point(pointId);
        const all = pt?.good ? partyIds : (pt?.options.map((o) => o.id) ?? []);
        const open = all.filter((o) => !redLined.has(`${pointId}\u0000${o}`));
        return open.length > 0 ? open : all;
      },
    };
  });
}

const worth = (v: PartyView, pointId: string, optionId: string) =>
  (v.weight(pointId) * v.score(pointId, optionId)) / 100;

function idealOf(v: PartyView, pointId: string): string {
  const options = v.optionsOf(pointId);
  return options.reduce((a, b) => (v.score(pointId, b) > v.score(pointId, a) ? b : a), options[0] ?? '');
}

/** Per point: who gives and who gains, against each party's own ideal option on that point. */
export function packageLedger(instance: NegotiationInstance, choice: Record<string, string>): LedgerLine[] {
  const parties = views(instance);
  return instance.points.map((point) => {
    const optionId = choice[point.id] ?? '';
    return {
      pointId: point.id,
      optionId,
      entries: parties.map((v) => {
        const ideal = idealOf(v, point.id);
        return {
          partyId: v.partyId,
          idealOptionId: ideal,
          concession: Math.max(0, worth(v, point.id, ideal) - worth(v, point.id, optionId)),
          value: worth(v, point.id, optionId),
        };
      }),
    };
  });
}

/**
 * The logrolling trades in a package (Raiffa 1982, "The Art and Science of Negotiation", ch. 11): A
 * concedes on p, where B got what it wanted, and B concedes on q, where A did; the exchange pays when
 * each side values what it got more than what it gave up — the mark of an efficient package. For each
 * pair of parties the most valuable such exchange is listed, best first.
 */
export function logrollingTrades(instance: NegotiationInstance, choice: Record<string, string>): Trade[] {
  const parties = views(instance);
  const trades: Trade[] = [];
  for (const a of parties)
    for (const b of parties) {
      if (a.partyId >= b.partyId) continue;
      let best: Trade | null = null;
      for (const p of instance.points)
        for (const q of instance.points) {
          if (p.id === q.id) continue;
          const atP = choice[p.id] ?? '';
          const atQ = choice[q.id] ?? '';
          // On p, the package follows B rather than A's ideal; on q, A rather than B's ideal.
          const aIdealP = idealOf(a, p.id);
          const bIdealQ = idealOf(b, q.id);
          const aGives = worth(a, p.id, aIdealP) - worth(a, p.id, atP);
          const bGains = worth(b, p.id, atP) - worth(b, p.id, aIdealP);
          const bGives = worth(b, q.id, bIdealQ) - worth(b, q.id, atQ);
          const aGains = worth(a, q.id, atQ) - worth(a, q.id, bIdealQ);
          if (aGives <= 0 || bGives <= 0 || bGains <= 0 || aGains <= 0) continue;
          const fromNet = aGains - aGives;
          const toNet = bGains - bGives;
          if (fromNet <= 0 || toNet <= 0) continue;
          if (!best || fromNet + toNet > best.fromNet + best.toNet)
            best = { from: a.partyId, point: p.id, to: b.partyId, inReturnOn: q.id, fromNet, toNet };
        }
      if (best) trades.push(best);
    }
  return trades.sort((x, y) => y.fromNet + y.toNet - (x.fromNet + x.toNet));
}

/** A trade in a diplomat's words: "A concedes on 6, B concedes on 21". */
export function describeTrade(t: Trade, name: (partyId: string) => string = (id) => id): string {
  return `${name(t.from)} concedes on ${t.point}, ${name(t.to)} concedes on ${t.inReturnOn}`;
}

export interface StabilityOptions {
  samples?: number;
  seed?: number;
  /** Largest relative change of each weight before renormalising to 100 (0.1 = ±10%). */
  spread?: number;
}

/** Share of weight perturbations under which a package stays the recommendation, with the sample count. */
export interface Stability {
  share: number;
  samples: number;
  kept: number;
}

/**
 * Stability by Monte Carlo sensitivity analysis: every party's weights are multiplied by independent
 * factors drawn uniformly in [1 − spread, 1 + spread] (seeded) and renormalised to 100; `recommend` is
 * run on each perturbed instance and the share of runs that return the same choice is reported.
 */
export function packageStability(
  instance: NegotiationInstance,
  choice: Record<string, string>,
  recommend: (perturbed: NegotiationInstance) => Record<string, string> | null,
  options: StabilityOptions = {},
): Stability {
  const samples = options.samples ?? 200;
  const spread = options.spread ?? 0.1;
  const random = seededRandom(options.seed ?? 1);
  const same = (other: Record<string, string> | null) =>
    other !== null && instance.points.every((p) => other[p.id] === choice[p.id]);
  let kept = 0;
  for (let s = 0; s < samples; s++) {
    const positions = instance.positions.map((position) => {
      const scaled = Object.entries(position.weights).map(
        ([pointId, w]) => [pointId, w * (1 - spread + 2 * spread * random())] as const,
      );
      const total = scaled.reduce((a, [, w]) => a + w, 0);
      return {
        ...position,
        weights: Object.fromEntries(
          scaled.map(([pointId, w]) => [pointId, total > 0 ? (w * 100) / total : 0]),
        ),
      };
    });
    if (same(recommend({ ...instance, positions }))) kept++;
  }
  return { share: samples === 0 ? 1 : kept / samples, samples, kept };
}
