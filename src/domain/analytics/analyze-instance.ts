import { type AdjustedWinnerResult, adjustedWinnerForInstance } from './adjusted-winner.ts';
import type { NegotiationInstance, Package } from './analytics-model.ts';
import { bargainingSolutions } from './bargaining-solutions.ts';
import { type SearchedSolution, searchSolutions } from './exact-solutions.ts';
import { type ParetoFrontier, paretoFrontier } from './pareto-frontier.ts';
import { buildUtilityTable } from './utility-table.ts';

/** Work limits of one analysis; the defaults keep 30 × 5 × 6 interactive (DESIGN.md: 200 ms). */
export interface AnalysisOptions {
  /** Partial packages kept per point by the frontier DP. */
  maxPartials?: number;
  /** Nodes per branch-and-bound run. */
  maxNodes?: number;
}

/** A solution with where it came from: the exact frontier, or branch and bound (with its bound). */
export interface AnalysedSolution {
  package: Package | null;
  exact: boolean;
  properties: readonly string[];
  via: 'frontier' | 'branch-and-bound';
  /** When not exact: the proven bound and what it bounds. */
  bound: { on: string; value: number } | null;
}

export interface Analysis {
  partyIds: string[];
  frontier: ParetoFrontier;
  nash: AnalysedSolution;
  kalaiSmorodinsky: AnalysedSolution;
  leximin: AnalysedSolution;
  utilitarian: AnalysedSolution;
  adjustedWinner: AdjustedWinnerResult | null;
  /** Everything above is proven: the frontier is complete and every solution optimal. */
  exact: boolean;
}

const FRONTIER_PARTIALS_FEW_PARTIES = 20_000;
const FRONTIER_PARTIALS_MANY_PARTIES = 2_000;
const DEFAULT_MAX_NODES = 50_000;

/**
 * Run the whole engine on an instance. The frontier DP is exact for two or three parties of usual
 * size; with more parties the frontier can have millions of points, so it is truncated (and says so)
 * and the four solutions come from branch and bound, which needs no frontier.
 */
export function analyzeInstance(instance: NegotiationInstance, options: AnalysisOptions = {}): Analysis {
  const table = buildUtilityTable(instance);
  const parties = table.partyIds.length;
  const frontier = paretoFrontier(table, {
    maxPartials:
      options.maxPartials ?? (parties <= 3 ? FRONTIER_PARTIALS_FEW_PARTIES : FRONTIER_PARTIALS_MANY_PARTIES),
  });
  let solutions: Record<'nash' | 'kalaiSmorodinsky' | 'leximin' | 'utilitarian', AnalysedSolution>;
  if (frontier.exact) {
    const [nash, ks, leximin, utilitarian] = bargainingSolutions(frontier).map(
      (s): AnalysedSolution => ({
        package: s.package,
        exact: true,
        properties: s.properties,
        via: 'frontier',
        bound: null,
      }),
    );
    solutions = { nash: nash!, kalaiSmorodinsky: ks!, leximin: leximin!, utilitarian: utilitarian! };
  } else {
    const searched = searchSolutions(table, { maxNodes: options.maxNodes ?? DEFAULT_MAX_NODES });
    const from = (s: SearchedSolution): AnalysedSolution => ({
      package: s.package,
      exact: s.exact,
      properties: s.properties,
      via: 'branch-and-bound',
      bound: s.exact || s.bound === null ? null : { on: s.boundOn, value: s.bound },
    });
    solutions = {
      nash: from(searched.nash),
      kalaiSmorodinsky: from(searched.kalaiSmorodinsky),
      leximin: from(searched.leximin),
      utilitarian: from(searched.utilitarian),
    };
  }
  // Adjusted Winner applies to two parties dividing goods: every point must be a good.
  const aw =
    parties === 2 && instance.points.every((p) => p.good) ? adjustedWinnerForInstance(instance) : null;
  const adjustedWinner = aw?.ok ? aw.result : null;
  const exact = frontier.exact && Object.values(solutions).every((s) => s.exact);
  return { partyIds: table.partyIds, frontier, ...solutions, adjustedWinner, exact };
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** A package as the CLI prints it: `{choice, utility: {partyId: 0–100}}`. */
function packageJson(partyIds: string[], p: Package | null) {
  if (!p) return null;
  return {
    choice: p.choice,
    utility: Object.fromEntries(partyIds.map((id, i) => [id, round(p.utilities[i] ?? 0)])),
  };
}

/** The `--json` shape of issue 5. */
export function analysisJson(a: Analysis) {
  const aw = a.adjustedWinner;
  return {
    exact: a.exact,
    frontierSize: a.frontier.packages.length,
    pareto: a.frontier.packages.map((p) => packageJson(a.partyIds, p)),
    nash: packageJson(a.partyIds, a.nash.package),
    kalaiSmorodinsky: packageJson(a.partyIds, a.kalaiSmorodinsky.package),
    leximin: packageJson(a.partyIds, a.leximin.package),
    utilitarian: packageJson(a.partyIds, a.utilitarian.package),
    adjustedWinner: aw
      ? {
          allocation: Object.fromEntries(
            Object.entries(aw.allocation).map(([pointId, [x, y]]) => [
              pointId,
              { [aw.parties[0]]: round(x), [aw.parties[1]]: round(y) },
            ]),
          ),
          utility: { [aw.parties[0]]: round(aw.totals[0]), [aw.parties[1]]: round(aw.totals[1]) },
          split: aw.split?.goodId ?? null,
        }
      : null,
  };
}
