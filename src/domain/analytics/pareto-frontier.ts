import type { Package } from './analytics-model.ts';
import { breaksConstraint, toPackage, type UtilityTable } from './utility-table.ts';

/** The Pareto frontier of feasible packages, or the best part of it found within the work limit. */
export interface ParetoFrontier {
  partyIds: string[];
  /** Reservation levels (0–100), in the order of `partyIds`. */
  reservations: number[];
  packages: Package[];
  /** False when the work limit cut the search: `packages` are feasible and mutually undominated, maybe not Pareto-optimal. */
  exact: boolean;
  work: { peakPartials: number; limitHitAtPoint: string | null };
}

export interface FrontierOptions {
  /** Bound on the partial packages kept after each point; beyond it the search is truncated (`exact: false`). */
  maxPartials?: number;
}

interface Partial {
  options: number[]; // option index per point, in processing order
  u: number[]; // hundredths, per party
  sum: number;
}

const DEFAULT_MAX_PARTIALS = 1_000;

/**
 * Exact Pareto frontier of feasible packages by Pareto dynamic programming with dominance pruning
 * (cf. the multi-objective knapsack DP of Klamroth & Wiecek 2000): points are added one at a time and
 * a partial package is dropped when another with the same constraint-relevant choices is at least as
 * good for every party, or when even the best remaining options cannot lift a party to its reservation.
 */
export function paretoFrontier(table: UtilityTable, options: FrontierOptions = {}): ParetoFrontier {
  const maxPartials = options.maxPartials ?? DEFAULT_MAX_PARTIALS;
  const parties = table.partyIds.length;
  const order = processingOrder(table);
  const position = new Map(order.map((point, k) => [point, k]));
  // Constraints are checked when their later point (in processing order) is chosen.
  const checksAt = order.map((_, k) =>
    table.constraints.filter(
      (c) => Math.max(position.get(c.point) ?? 0, position.get(c.otherPoint) ?? 0) === k,
    ),
  );
  // After step k, the choices that a later constraint still needs to see make up the dominance key.
  const openAfter = order.map((_, k) =>
    order
      .slice(0, k + 1)
      .flatMap((point, j) =>
        table.constraints.some(
          (c) =>
            (c.point === point && (position.get(c.otherPoint) ?? 0) > k) ||
            (c.otherPoint === point && (position.get(c.point) ?? 0) > k),
        )
          ? [j]
          : [],
      ),
  );
  const best = order.map((point) =>
    Array.from({ length: parties }, (_, i) =>
      Math.max(-Infinity, ...(table.allowed[point] ?? []).map((o) => table.value[point]?.[o]?.[i] ?? 0)),
    ),
  );
  // stillAvailable[k][i]: the most party i can still gain from steps k.. onward.
  const stillAvailable: number[][] = Array.from({ length: order.length + 1 }, () =>
    new Array(parties).fill(0),
  );
  for (let k = order.length - 1; k >= 0; k--)
    for (let i = 0; i < parties; i++)
      (stillAvailable[k] as number[])[i] = (stillAvailable[k + 1]?.[i] ?? 0) + (best[k]?.[i] ?? 0);

  let partials: Partial[] = [{ options: [], u: new Array(parties).fill(0), sum: 0 }];
  let exact = true;
  let peakPartials = 1;
  let limitHitAtPoint: string | null = null;
  order.forEach((point, k) => {
    const groups = new Map<string, Partial[]>();
    const rest = stillAvailable[k + 1] ?? [];
    for (const partial of partials)
      for (const option of table.allowed[point] ?? []) {
        const chosenAt = (pt: number) =>
          pt === point ? option : (partial.options[position.get(pt) ?? 0] ?? -1);
        if (checksAt[k]?.some((c) => breaksConstraint(c, chosenAt(c.point), chosenAt(c.otherPoint))))
          continue;
        const gain = table.value[point]?.[option] ?? [];
        const u = partial.u.map((x, i) => x + (gain[i] ?? 0));
        if (u.some((x, i) => x + (rest[i] ?? 0) < (table.reservation[i] ?? 0))) continue;
        const options = [...partial.options, option];
        const key = (openAfter[k] ?? []).map((j) => options[j]).join(',');
        const group = groups.get(key) ?? [];
        group.push({ options, u, sum: u.reduce((a, b) => a + b, 0) });
        groups.set(key, group);
      }
    partials = [...groups.values()].flatMap(undominated);
    peakPartials = Math.max(peakPartials, partials.length);
    if (partials.length > maxPartials) {
      exact = false;
      limitHitAtPoint ??= table.pointIds[point] ?? null;
      partials = truncate(partials, maxPartials, parties);
    }
  });
  const finals = undominated(partials.filter((p) => p.u.every((x, i) => x >= (table.reservation[i] ?? 0))));
  return {
    partyIds: table.partyIds,
    reservations: table.reservation.map((r) => r / 100),
    packages: finals.map((p) => {
      const byPoint = new Array<number>(order.length);
      order.forEach((point, k) => {
        byPoint[point] = p.options[k] ?? -1;
      });
      return toPackage(table, byPoint, p.u);
    }),
    exact,
    work: { peakPartials, limitHitAtPoint },
  };
}

/** Constrained points first, so the constraint key is short-lived and groups merge again early. */
function processingOrder(table: UtilityTable): number[] {
  const constrained = [...new Set(table.constraints.flatMap((c) => [c.point, c.otherPoint]))];
  const free = table.pointIds.map((_, i) => i).filter((i) => !constrained.includes(i));
  return [...constrained, ...free];
}

/** Keep one partial per undominated utility vector; sorting by sum means only earlier ones can dominate. */
function undominated(partials: Partial[]): Partial[] {
  const sorted = [...partials].sort((a, b) => b.sum - a.sum);
  const kept: Partial[] = [];
  // Plain loops: this is the hot spot of the whole search.
  for (const candidate of sorted) {
    const c = candidate.u;
    let dominated = false;
    for (let k = 0; k < kept.length && !dominated; k++) {
      const u = (kept[k] as Partial).u;
      let i = 0;
      while (i < c.length && (u[i] as number) >= (c[i] as number)) i++;
      dominated = i === c.length;
    }
    if (!dominated) kept.push(candidate);
  }
  return kept;
}

/** Keep each party's best partial (so the ideal point survives) and then the largest sums. */
function truncate(partials: Partial[], limit: number, parties: number): Partial[] {
  const chosen = new Set<Partial>();
  for (let i = 0; i < parties; i++) {
    const top = partials.reduce((a, b) => ((b.u[i] ?? 0) > (a.u[i] ?? 0) ? b : a));
    chosen.add(top);
  }
  for (const p of [...partials].sort((a, b) => b.sum - a.sum)) {
    if (chosen.size >= limit) break;
    chosen.add(p);
  }
  return [...chosen];
}
