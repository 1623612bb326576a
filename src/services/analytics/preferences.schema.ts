import { z } from 'zod';

// One schema for the API, OpenAPI and the web preference form. Its shape is fixed; what it checks
// against (the analysis points a party holds and their options) comes from the setup, so the full
// check is `preferencesSchemaFor(points)`; the route parses the shape with `preferencesBodySchema`.

const id = z.string().min(1).max(64);
const scale = z.number().min(0, 'must be 0 to 100').max(100, 'must be 0 to 100');

/** A point of the analysis as the preference form sees it (AnalysisPoint of the setup suffices). */
export interface PreferencePoint {
  pointId: string;
  number?: string;
  good: boolean;
  options: { id: string }[];
}

/** The shape of a party's preferences: weights, option scores, red lines, reservation, sharing. */
export const preferencesBodySchema = z.strictObject({
  /** pointId → weight; a 100-point budget over the analysis points the party holds. */
  weights: z.record(id, scale),
  /** pointId → optionId → score; goods are not scored (100 when received, implied). */
  scores: z.record(id, z.record(id, scale)).default({}),
  /** Options the party cannot accept. */
  redLines: z
    .array(z.strictObject({ pointId: id, optionId: id }))
    .max(500)
    .default([]),
  /** The value of no agreement on the same 0–100 scale as a package's utility. */
  reservation: scale,
  sharedWithMediator: z.boolean().default(false),
  /** The revision the form was loaded from; a stale one is refused (409). */
  baseRevision: z.number().int().min(0).optional(),
});

export type PreferencesInput = z.input<typeof preferencesBodySchema>;
export type Preferences = z.output<typeof preferencesBodySchema>;

const SUM_TOLERANCE = 1e-6;

/**
 * The full check against the points the party holds: weights over exactly those points summing to
 * 100, every option of every non-good point scored, no score for a good, red lines on existing
 * options, and no point left without an acceptable option. Issue paths are relative to the body
 * (`weights`, `scores.<pointId>.<optionId>`, `redLines.<i>.optionId`).
 */
export function preferencesSchemaFor(points: readonly PreferencePoint[], partyIds: readonly string[] = []) {
  return preferencesBodySchema.superRefine((value, ctx) => {
    const problem = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: 'custom', path, message });
    const byId = new Map(points.map((p) => [p.pointId, p]));
    const name = (p: PreferencePoint) => (p.number ? `point ${p.number}` : `point ${p.pointId}`);

    let total = 0;
    for (const [pointId, weight] of Object.entries(value.weights)) {
      if (!byId.has(pointId))
        problem(['weights', pointId], 'is not a point of the analysis your party holds');
      total += weight;
    }
    for (const p of points)
      if (value.weights[p.pointId] === undefined)
        problem(['weights', p.pointId], `needs a weight (${name(p)})`);
    if (Math.abs(total - 100) > SUM_TOLERANCE)
      problem(['weights'], `must sum to 100, not ${Math.round(total * 1000) / 1000}`);

    for (const [pointId, scores] of Object.entries(value.scores)) {
      const point = byId.get(pointId);
      if (!point) {
        problem(['scores', pointId], 'is not a point of the analysis your party holds');
        continue;
      }
      if (point.good) {
        problem(
          ['scores', pointId],
          'is a good: it counts 100 for the party that receives it, not scored by hand',
        );
        continue;
      }
      const known = new Set(point.options.map((o) => o.id));
      for (const optionId of Object.keys(scores))
        if (!known.has(optionId))
          problem(['scores', pointId, optionId], `is not an option of ${name(point)}`);
    }
    for (const p of points)
      if (!p.good)
        for (const o of p.options)
          if (value.scores[p.pointId]?.[o.id] === undefined)
            problem(['scores', p.pointId, o.id], 'needs a score from 0 to 100');

    const ruledOut = new Map<string, Set<string>>();
    value.redLines.forEach((r, i) => {
      const point = byId.get(r.pointId);
      if (!point) {
        problem(['redLines', i, 'pointId'], 'is not a point of the analysis your party holds');
        return;
      }
      const options = point.good ? partyIds : point.options.map((o) => o.id);
      // For a good the "options" are the parties; without the party list, any id is taken as given.
      if (!(point.good && partyIds.length === 0) && !options.includes(r.optionId)) {
        problem(['redLines', i, 'optionId'], `is not an option of ${name(point)}`);
        return;
      }
      const set = ruledOut.get(r.pointId) ?? new Set<string>();
      set.add(r.optionId);
      ruledOut.set(r.pointId, set);
    });
    for (const [pointId, set] of ruledOut) {
      const point = byId.get(pointId);
      if (!point) continue;
      const all = point.good ? partyIds : point.options.map((o) => o.id);
      if (all.length > 0 && all.every((o) => set.has(o)))
        problem(
          ['redLines', pointId],
          `leave ${name(point)} with no acceptable option: an agreement would be impossible`,
        );
    }
  });
}
