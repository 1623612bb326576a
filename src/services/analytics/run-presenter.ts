import type { Package } from '../../domain/analytics/analytics-model.ts';
import type { AnalysedSolution, Analysis } from '../../domain/analytics/analyze-instance.ts';
import { describeTrade } from '../../domain/analytics/package-explanation.ts';
import type { AnalysisView } from './analysis-access.ts';
import type { BuiltInstance } from './build-instance.ts';
import type { Explanation } from './run-analysis.ts';

export const CONCEPTS = ['nash', 'kalaiSmorodinsky', 'leximin', 'utilitarian'] as const;
export type Concept = (typeof CONCEPTS)[number];

/** At most this many frontier packages go into one answer; `frontierSize` counts them all. */
const MAX_FRONTIER_SHOWN = 2_000;

const round = (x: number) => Math.round(x * 1e4) / 1e4;

interface RunInput {
  view: AnalysisView;
  parties: { id: string; name: string; code: string; colour: string }[];
  built: BuiltInstance;
  analysis: Analysis;
  explanations: Partial<Record<Concept, Explanation>>;
  /** Parties whose preferences the mediator may see. */
  shared: ReadonlySet<string>;
}

/**
 * The mediator's view of a run. Privacy (issue 5, item 4): a party that does not share its
 * preferences is sealed — its utility is null everywhere, its ledger entries and the trades it
 * takes part in are left out, and Adjusted Winner's totals are withheld altogether (they are equal
 * by construction, so one side's total would give away the other's). The packages themselves,
 * their labels and properties are shown.
 */
export function presentRun({ view, parties, built, analysis, explanations, shared }: RunInput) {
  const partyIds = analysis.partyIds;
  const isShared = (id: string) => shared.has(id);
  const utility = (p: Package) =>
    Object.fromEntries(partyIds.map((id, i) => [id, isShared(id) ? round(p.utilities[i] ?? 0) : null]));
  const pkg = (p: Package) => ({ choice: p.choice, utility: utility(p) });
  const solution = (s: AnalysedSolution) =>
    s.package
      ? { ...pkg(s.package), properties: [...s.properties], exact: s.exact, bound: s.bound ?? null }
      : null;

  const byId = new Map(parties.map((p) => [p.id, p]));
  const pointById = new Map(view.points.map((p) => [p.row.point_id, p]));
  const numberOf = (pointId: string) => pointById.get(pointId)?.point.number ?? pointId;
  const nameOf = (partyId: string) => byId.get(partyId)?.name ?? partyId;

  const aw = analysis.adjustedWinner;
  const awOpen = aw?.parties.every(isShared) === true;
  const presentedExplanations: Record<string, unknown> = {};
  for (const concept of CONCEPTS) {
    const e = explanations[concept];
    if (!e) continue;
    presentedExplanations[concept] = {
      ledger: e.ledger.map((line) => ({
        pointId: line.pointId,
        optionId: line.optionId,
        entries: line.entries
          .filter((entry) => isShared(entry.partyId))
          .map((entry) => ({
            partyId: entry.partyId,
            idealOptionId: entry.idealOptionId,
            concession: round(entry.concession),
            value: round(entry.value),
          })),
      })),
      trades: e.trades
        .filter((t) => isShared(t.from) && isShared(t.to))
        .map((t) =>
          describeTrade({ ...t, point: numberOf(t.point), inReturnOn: numberOf(t.inReturnOn) }, nameOf),
        ),
      stability: e.stability,
    };
  }

  return {
    exact: analysis.exact,
    missing: built.missing,
    parties: partyIds.map((id) => {
      const p = byId.get(id);
      return { id, name: p?.name ?? id, code: p?.code ?? '', colour: p?.colour ?? '', shared: isShared(id) };
    }),
    points: built.instance.points.map((p) => ({
      pointId: p.id,
      number: numberOf(p.id),
      good: p.good,
      options: p.options.map((o) => ({ id: o.id, label: o.label ?? o.id })),
    })),
    frontier: analysis.frontier.packages.slice(0, MAX_FRONTIER_SHOWN).map(pkg),
    frontierSize: analysis.frontier.packages.length,
    frontierTruncated: !analysis.frontier.exact,
    solutions: Object.fromEntries(CONCEPTS.map((c) => [c, solution(analysis[c])])) as Record<
      Concept,
      ReturnType<typeof solution>
    >,
    adjustedWinner: aw
      ? {
          allocation: Object.fromEntries(
            Object.entries(aw.allocation).map(([pointId, [x, y]]) => [
              pointId,
              { [aw.parties[0]]: round(x), [aw.parties[1]]: round(y) },
            ]),
          ),
          utility: {
            [aw.parties[0]]: awOpen ? round(aw.totals[0]) : null,
            [aw.parties[1]]: awOpen ? round(aw.totals[1]) : null,
          },
          split: aw.split?.goodId ?? null,
        }
      : null,
    explanations: presentedExplanations,
  };
}
