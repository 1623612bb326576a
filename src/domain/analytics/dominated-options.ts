import type { UtilityTable } from './utility-table.ts';

/**
 * Drop every option that another allowed option of the same point weakly dominates (no party gains
 * less; among equal options the first is kept), on points that no remaining constraint mentions.
 * All our objectives are non-decreasing in every gain and the replacement keeps every red line and
 * reservation, so each optimum keeps its value (dominance reduction, as in the multiple-choice
 * knapsack: Sinha & Zoltners 1979). Option indices are unchanged: only `allowed` shrinks.
 */
export function withoutDominatedOptions(table: UtilityTable): UtilityTable {
  const constrained = new Set(table.constraints.flatMap((c) => [c.point, c.otherPoint]));
  const allowed = table.allowed.map((options, p) => {
    if (constrained.has(p)) return options;
    const value = table.value[p] ?? [];
    const dominates = (a: number, b: number) => {
      const va = value[a] ?? [];
      const vb = value[b] ?? [];
      let strict = false;
      for (let i = 0; i < va.length; i++) {
        if ((va[i] ?? 0) < (vb[i] ?? 0)) return false;
        if ((va[i] ?? 0) > (vb[i] ?? 0)) strict = true;
      }
      return strict || a < b;
    };
    return options.filter((o) => !options.some((q) => q !== o && dominates(q, o)));
  });
  return { ...table, allowed };
}
