import type { AnalysisPoint, PartyPreferences, PutPreferencesBody } from './api-types.ts';

/** The 100-point budget a party spreads over the points it holds. */
export const BUDGET = 100;

/**
 * The preference form as typed: numbers stay text until saved, so a field can be empty while
 * someone types, and an empty score can be told apart from a deliberate 0.
 */
export interface PreferencesDraft {
  weights: Record<string, string>;
  scores: Record<string, Record<string, string>>;
  /** pointId → the option ids the party cannot accept. */
  redLines: Record<string, string[]>;
  reservation: string;
  shared: boolean;
}

/** The form's starting state: the saved preferences, or an empty form over the points. */
export function draftFrom(points: AnalysisPoint[], saved: PartyPreferences | null): PreferencesDraft {
  const weights: Record<string, string> = {};
  const scores: Record<string, Record<string, string>> = {};
  const redLines: Record<string, string[]> = {};
  for (const point of points) {
    const weight = saved?.weights[point.pointId];
    weights[point.pointId] = weight === undefined ? '' : String(weight);
    if (point.good) continue;
    const row: Record<string, string> = {};
    for (const option of point.options) {
      const score = saved?.scores[point.pointId]?.[option.id];
      row[option.id] = score === undefined ? '' : String(score);
    }
    scores[point.pointId] = row;
    redLines[point.pointId] = point.options
      .filter((o) => saved?.redLines.some((r) => r.pointId === point.pointId && r.optionId === o.id))
      .map((o) => o.id);
  }
  return {
    weights,
    scores,
    redLines,
    reservation: saved === null ? '' : String(saved.reservation),
    shared: saved?.sharedWithMediator ?? false,
  };
}

/** How much of the budget the typed weights use, and how much is left (negative: over budget). */
export function budgetOf(draft: PreferencesDraft): { allocated: number; left: number } {
  let allocated = 0;
  for (const text of Object.values(draft.weights)) {
    const n = Number(text);
    if (text.trim() !== '' && Number.isFinite(n)) allocated += n;
  }
  // Weights may carry decimals; keep the counter free of float dust (33.300000000000004).
  allocated = Math.round(allocated * 100) / 100;
  return { allocated, left: Math.round((BUDGET - allocated) * 100) / 100 };
}

/** The budget in equal whole points, the remainder to the first points (3 points: 34, 33, 33). */
export function spreadEvenly(points: AnalysisPoint[]): Record<string, string> {
  const weights: Record<string, string> = {};
  const n = points.length;
  points.forEach((point, i) => {
    const base = Math.floor(BUDGET / n);
    weights[point.pointId] = String(base + (i < BUDGET - base * n ? 1 : 0));
  });
  return weights;
}

/** True when every option of a contested point is marked as a red line. */
export function everyOptionRedLined(point: AnalysisPoint, draft: PreferencesDraft): boolean {
  if (point.good || point.options.length === 0) return false;
  const lines = draft.redLines[point.pointId] ?? [];
  return point.options.every((o) => lines.includes(o.id));
}

/** "", "abc" and "1e999" are not numbers a person typed; the schema should not see NaN. */
function numberOf(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * The problems a schema cannot phrase well: empty fields. Keyed like the server's field errors
 * ("scores.<pointId>.<optionId>", "reservation").
 */
export function emptyFieldProblems(points: AnalysisPoint[], draft: PreferencesDraft): Map<string, string> {
  const problems = new Map<string, string>();
  for (const point of points) {
    if (point.good) continue;
    for (const option of point.options) {
      if (numberOf(draft.scores[point.pointId]?.[option.id]) === undefined)
        problems.set(
          `scores.${point.pointId}.${option.id}`,
          'Score missing: give a number from 0 to 100 (0 is fine for the worst option).',
        );
    }
  }
  if (numberOf(draft.reservation) === undefined)
    problems.set('reservation', 'Give your reservation level, a number from 0 to 100.');
  return problems;
}

/** The request body of PUT /plans/:planId/preferences/:partyId; an empty weight counts as 0. */
export function bodyOf(
  points: AnalysisPoint[],
  draft: PreferencesDraft,
  baseRevision: number | undefined,
): PutPreferencesBody {
  const weights: Record<string, number> = {};
  const scores: Record<string, Record<string, number>> = {};
  const redLines: PutPreferencesBody['redLines'] = [];
  for (const point of points) {
    weights[point.pointId] = numberOf(draft.weights[point.pointId]) ?? 0;
    if (point.good) continue;
    const row: Record<string, number> = {};
    for (const option of point.options) {
      const score = numberOf(draft.scores[point.pointId]?.[option.id]);
      if (score !== undefined) row[option.id] = score;
    }
    scores[point.pointId] = row;
    for (const optionId of draft.redLines[point.pointId] ?? [])
      redLines.push({ pointId: point.pointId, optionId });
  }
  return {
    weights,
    scores,
    redLines,
    reservation: numberOf(draft.reservation) ?? 0,
    sharedWithMediator: draft.shared,
    ...(baseRevision === undefined ? {} : { baseRevision }),
  };
}
