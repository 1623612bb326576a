import type { AnalysisRun, RunPackage, RunParty, SolutionConcept } from './api-types.ts';

/** The four bargaining solutions in the order the page shows them. */
export const CONCEPTS: readonly SolutionConcept[] = ['nash', 'kalaiSmorodinsky', 'leximin', 'utilitarian'];

/** The name a diplomat reads for each concept. */
export const CONCEPT_LABELS: Record<SolutionConcept, string> = {
  nash: 'Nash bargaining',
  kalaiSmorodinsky: 'Kalai–Smorodinsky',
  leximin: 'Leximin (max-min)',
  utilitarian: 'Utilitarian (largest total)',
};

/** A short tag for chart labels. */
export const CONCEPT_SHORT: Record<SolutionConcept, string> = {
  nash: 'Nash',
  kalaiSmorodinsky: 'K–S',
  leximin: 'Leximin',
  utilitarian: 'Utilitarian',
};

/** What each concept asks for, in one line. */
export const CONCEPT_HINTS: Record<SolutionConcept, string> = {
  nash: 'the largest product of every side’s gain over walking away',
  kalaiSmorodinsky: 'gains in equal proportion to what each side could hope for at best',
  leximin: 'the worst-off side as well off as possible, then the next',
  utilitarian: 'the largest sum of utilities, however it is shared',
};

/** Utilities to one decimal, "sealed" for a party that keeps its preferences to itself. */
export function formatUtility(value: number | null | undefined): string {
  if (value === null || value === undefined) return 'sealed';
  return value.toFixed(1);
}

/** Stable key of a package, to match frontier packages with the solutions. */
export function packageKey(choice: Record<string, string>): string {
  return Object.keys(choice)
    .sort()
    .map((k) => `${k}=${choice[k]}`)
    .join('|');
}

/** Concepts whose package is this one. */
export function conceptsOf(run: AnalysisRun, pkg: RunPackage): SolutionConcept[] {
  const key = packageKey(pkg.choice);
  return CONCEPTS.filter((c) => {
    const s = run.solutions[c];
    return s !== null && packageKey(s.choice) === key;
  });
}

/** The label of the option a package chose on a point (a good: the receiving party). */
export function choiceLabel(run: AnalysisRun, pointId: string, choice: string | undefined): string {
  if (choice === undefined) return '—';
  const point = run.points.find((p) => p.pointId === pointId);
  if (point?.good) {
    const party = run.parties.find((p) => p.id === choice);
    return party ? `to ${party.code}` : 'awarded';
  }
  return point?.options.find((o) => o.id === choice)?.label ?? choice;
}

/** A package's utilities in words, sealed parties named as such. */
export function describeUtilities(parties: RunParty[], pkg: RunPackage): string {
  return parties.map((p) => `${p.code} ${formatUtility(pkg.utility[p.id])}`).join(', ');
}

/** The run with its points (and ledger lines) in the order of the analysis setup, i.e. the draft's. */
export function inSetupOrder(run: AnalysisRun, pointIds: string[]): AnalysisRun {
  const rank = (id: string) => {
    const i = pointIds.indexOf(id);
    return i === -1 ? pointIds.length : i;
  };
  const byRank = <T extends { pointId: string }>(xs: T[]) =>
    [...xs].sort((a, b) => rank(a.pointId) - rank(b.pointId));
  const explanations = Object.fromEntries(
    Object.entries(run.explanations).map(([k, e]) => [k, { ...e, ledger: byRank(e.ledger) }]),
  ) as AnalysisRun['explanations'];
  return { ...run, points: byRank(run.points), explanations };
}
