// Test support: the same questions answered by enumerating every package, straight from the instance.
import type { NegotiationInstance } from './analytics-model.ts';

export interface EnumeratedPackage {
  choice: Record<string, string>;
  utilities: number[];
}

/** Every feasible package (red lines, constraints, reservations), by full enumeration. */
export function feasiblePackages(instance: NegotiationInstance): EnumeratedPackage[] {
  const partyIds = instance.parties.map((p) => p.id);
  const positions = partyIds.map((id) => instance.positions.find((p) => p.partyId === id));
  const optionsOf = instance.points.map((p) => (p.good ? partyIds : p.options.map((o) => o.id)));
  const result: EnumeratedPackage[] = [];
  const choice: Record<string, string> = {};
  const visit = (i: number) => {
    const point = instance.points[i];
    if (!point) {
      const redLined = positions.some((pos) => pos?.redLines.some((r) => choice[r.pointId] === r.optionId));
      const broken = instance.constraints.some((c) => {
        const picked = choice[c.option.pointId] === c.option.optionId;
        const otherPicked = choice[c.other.pointId] === c.other.optionId;
        return c.kind === 'requires' ? picked && !otherPicked : picked && otherPicked;
      });
      const utilities = positions.map((pos) => {
        let hundredths = 0;
        for (const pt of instance.points) {
          const chosen = choice[pt.id] ?? '';
          const score = pt.good ? (chosen === pos?.partyId ? 100 : 0) : (pos?.scores[pt.id]?.[chosen] ?? 0);
          hundredths += (pos?.weights[pt.id] ?? 0) * score;
        }
        return hundredths / 100;
      });
      const acceptable = utilities.every((u, a) => u >= (positions[a]?.reservation ?? 0));
      if (!redLined && !broken && acceptable) result.push({ choice: { ...choice }, utilities });
      return;
    }
    for (const optionId of optionsOf[i] ?? []) {
      choice[point.id] = optionId;
      visit(i + 1);
    }
  };
  visit(0);
  return result;
}

/** The distinct undominated utility vectors among the packages, as sorted strings (for set equality). */
export function frontierVectors(packages: readonly { utilities: number[] }[]): string[] {
  const dominatedOrDuplicate = (p: { utilities: number[] }, i: number) =>
    packages.some(
      (q, j) =>
        q.utilities.every((u, k) => u >= (p.utilities[k] ?? 0)) &&
        (q.utilities.some((u, k) => u > (p.utilities[k] ?? 0)) || j < i),
    );
  return packages
    .filter((p, i) => !dominatedOrDuplicate(p, i))
    .map((p) => vectorKey(p.utilities))
    .sort();
}

/** A utility vector as a string, rounded so that float noise cannot split equal vectors. */
export function vectorKey(utilities: readonly number[]): string {
  return utilities.map((u) => u.toFixed(6)).join('|');
}
