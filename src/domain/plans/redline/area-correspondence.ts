/** Which area of the new plan continues each area of the old one, so that moving between areas is visible. */

import type { Area } from '../plan.ts';

/**
 * For each old area id: the new area with the same id (identity alignment only, where ids are shared),
 * else the one with the same title, else the area most of its paired points went to. So a retitled or
 * re-imported heading does not make all its points "moved", while a point leaving its area does.
 */
export function areaCorrespondence(
  oldAreas: readonly Area[],
  newAreas: readonly Area[],
  pairedAreas: readonly [string | null, string | null][],
  byIdentity: boolean,
): Map<string | null, string | null> {
  const newIds = new Set(newAreas.map((a) => a.id));
  const byTitle = new Map(newAreas.map((a) => [a.title, a.id]));
  const votes = new Map<string | null, Map<string | null, number>>();
  for (const [from, to] of pairedAreas) {
    const tally = votes.get(from) ?? new Map<string | null, number>();
    tally.set(to, (tally.get(to) ?? 0) + 1);
    votes.set(from, tally);
  }
  const result = new Map<string | null, string | null>([[null, null]]);
  for (const area of oldAreas) {
    if (byIdentity && newIds.has(area.id)) result.set(area.id, area.id);
    else if (byTitle.has(area.title)) result.set(area.id, byTitle.get(area.title)!);
    else result.set(area.id, majority(votes.get(area.id)));
  }
  return result;
}

function majority(tally: Map<string | null, number> | undefined): string | null {
  let best: string | null = null;
  let most = 0;
  for (const [to, n] of tally ?? []) {
    if (n > most) {
      best = to;
      most = n;
    }
  }
  return best;
}
