import type { NegotiationInstance } from './analytics-model.ts';

/** A good and the points each of the two parties allocated to it. */
export interface AdjustedWinnerGood {
  id: string;
  points: readonly [number, number];
}

/** The Adjusted Winner settlement: fractions of each good per party, the one split good, equal totals. */
export interface AdjustedWinnerResult {
  parties: readonly [string, string];
  /** goodId → [fraction to the first party, fraction to the second]. */
  allocation: Record<string, [number, number]>;
  /** The good that is shared, or null when whole goods already equalise the totals. */
  split: { goodId: string; fractions: [number, number] } | null;
  /** Each party's points for its own share; equal by construction. */
  totals: [number, number];
}

/**
 * Adjusted Winner (Brams & Taylor 1996, "Fair Division: From Cake-Cutting to Dispute Resolution", ch. 4):
 * each good goes first to the party valuing it more; the leader then hands goods to the other party in
 * increasing order of the ratio of its points to theirs, splitting the one good that equalises the totals.
 * The result is envy-free, equitable and efficient.
 */
export function adjustedWinner(
  parties: readonly [string, string],
  goods: readonly AdjustedWinnerGood[],
): AdjustedWinnerResult {
  // share[g] = fraction of good g held by the first party
  const share: number[] = goods.map((g) => (g.points[0] >= g.points[1] ? 1 : 0)); // ties start with the first party
  const total = (who: 0 | 1) =>
    goods.reduce((sum, g, i) => sum + g.points[who] * (who === 0 ? (share[i] ?? 0) : 1 - (share[i] ?? 0)), 0);
  const leader: 0 | 1 = total(0) >= total(1) ? 0 : 1;
  const other: 0 | 1 = leader === 0 ? 1 : 0;
  const held = (i: number) => (leader === 0 ? share[i] === 1 : share[i] === 0);
  // Increasing leader/other ratio, compared by cross-multiplication so zero points need no special case.
  // A good worth nothing to either side never needs moving, and would compare "equal" to every
  // other good, which breaks the order's transitivity: it stays where it is.
  const order = goods
    .map((_, i) => i)
    .filter((i) => held(i) && (goods[i]?.points[0] ?? 0) + (goods[i]?.points[1] ?? 0) > 0)
    .sort((a, b) => {
      const ga = goods[a] as AdjustedWinnerGood;
      const gb = goods[b] as AdjustedWinnerGood;
      return ga.points[leader] * gb.points[other] - gb.points[leader] * ga.points[other];
    });
  let split: AdjustedWinnerResult['split'] = null;
  for (const i of order) {
    const good = goods[i] as AdjustedWinnerGood;
    const lead = total(leader);
    const trail = total(other);
    if (lead <= trail) break;
    const toOther = good.points[leader] + good.points[other];
    if (lead - good.points[leader] >= trail + good.points[other]) {
      share[i] = leader === 0 ? 0 : 1;
      continue;
    }
    // Leader keeps p of the good: lead − (1−p)·v_leader = trail + (1−p)·v_other.
    const given = (lead - trail) / toOther;
    share[i] = leader === 0 ? 1 - given : given;
    split = { goodId: good.id, fractions: [share[i] ?? 0, 1 - (share[i] ?? 0)] };
    break;
  }
  const allocation: Record<string, [number, number]> = {};
  goods.forEach((g, i) => {
    allocation[g.id] = [share[i] ?? 0, 1 - (share[i] ?? 0)];
  });
  return { parties, allocation, split, totals: [total(0), total(1)] };
}

/** Adjusted Winner over the goods of a two-party instance, using each party's weights as its points. */
export function adjustedWinnerForInstance(
  instance: NegotiationInstance,
): { ok: true; result: AdjustedWinnerResult } | { ok: false; problems: { path: string; message: string }[] } {
  const [first, second, ...more] = instance.parties;
  if (!first || !second || more.length > 0)
    return {
      ok: false,
      problems: [{ path: 'parties', message: 'Adjusted Winner needs exactly two parties' }],
    };
  const goodPoints = instance.points.filter((p) => p.good);
  if (goodPoints.length === 0)
    return { ok: false, problems: [{ path: 'points', message: 'Adjusted Winner needs at least one good' }] };
  const weightsOf = (partyId: string) => instance.positions.find((p) => p.partyId === partyId)?.weights ?? {};
  const a = weightsOf(first.id);
  const b = weightsOf(second.id);
  const goods = goodPoints.map((p) => ({ id: p.id, points: [a[p.id] ?? 0, b[p.id] ?? 0] as const }));
  return { ok: true, result: adjustedWinner([first.id, second.id], goods) };
}
