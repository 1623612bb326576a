import {
  type NegotiationInstance,
  negotiationInstanceSchema,
} from '../../domain/analytics/analytics-model.ts';
import type { AnalysisPointRow, PointOptionRow } from '../../store/analytics/analysis-points.repository.ts';
import type { OptionConstraintRow } from '../../store/analytics/option-constraints.repository.ts';
import type { PartyPreferencesRow } from '../../store/analytics/party-preferences.repository.ts';

export interface StoredAnalysis {
  parties: { id: string; name: string }[];
  points: AnalysisPointRow[];
  options: PointOptionRow[];
  constraints: OptionConstraintRow[];
  preferences: PartyPreferencesRow[];
}

/** The instance the engine runs on, and the parties left out for want of (usable) preferences. */
export interface BuiltInstance {
  instance: NegotiationInstance;
  missing: string[];
}

/**
 * Builds the engine's instance from stored rows. Preferences were checked against the analysis as
 * it stood when saved; the mediator may have changed it since, so they are read leniently: weights
 * on points no longer analysed are dropped and the rest rescaled to 100, options added since score
 * 0, red lines on removed options are ignored. A party whose weights come to nothing is missing.
 * A party without preferences is left out, and a good can then only go to the parties that remain.
 */
export function buildInstance(stored: StoredAnalysis): BuiltInstance {
  const withPreferences = new Map(stored.preferences.map((p) => [p.party_id, p]));
  const optionsOf = new Map<string, string[]>();
  for (const point of stored.points) optionsOf.set(point.point_id, []);
  for (const o of stored.options) optionsOf.get(o.point_id)?.push(o.id);

  const positions: NegotiationInstance['positions'] = [];
  const missing: string[] = [];
  for (const party of stored.parties) {
    const row = withPreferences.get(party.id);
    const position = row ? positionFrom(row, stored.points, optionsOf) : null;
    if (position) positions.push(position);
    else missing.push(party.id);
  }
  const inRun = new Set(positions.map((p) => p.partyId));
  const parties = stored.parties.filter((p) => inRun.has(p.id));
  // A red line on a good names a party that would receive it; only parties in the run can.
  for (const position of positions)
    position.redLines = position.redLines.filter((r) => {
      const point = stored.points.find((p) => p.point_id === r.pointId);
      return point?.good !== 1 || inRun.has(r.optionId);
    });
  const labelOf = new Map(stored.options.map((o) => [o.id, o.label]));
  const instance = negotiationInstanceSchema.parse({
    parties,
    points: stored.points.map((p) => ({
      id: p.point_id,
      good: p.good === 1,
      options:
        p.good === 1 ? [] : (optionsOf.get(p.point_id) ?? []).map((id) => ({ id, label: labelOf.get(id) })),
    })),
    positions,
    constraints: stored.constraints
      .filter((c) => validRef(c.point_id, c.option_id) && validRef(c.other_point_id, c.other_option_id))
      .map((c) => ({
        kind: c.kind,
        option: { pointId: c.point_id, optionId: c.option_id },
        other: { pointId: c.other_point_id, optionId: c.other_option_id },
      })),
  });
  return { instance, missing };

  function validRef(pointId: string, optionId: string): boolean {
    const point = stored.points.find((p) => p.point_id === pointId);
    if (!point) return false;
    return point.good === 1 ? inRun.has(optionId) : (optionsOf.get(pointId) ?? []).includes(optionId);
  }
}

function positionFrom(
  row: PartyPreferencesRow,
  points: readonly AnalysisPointRow[],
  optionsOf: ReadonlyMap<string, string[]>,
): NegotiationInstance['positions'][number] | null {
  const storedWeights = JSON.parse(row.weights) as Record<string, number>;
  const storedScores = JSON.parse(row.scores) as Record<string, Record<string, number>>;
  const storedRedLines = JSON.parse(row.red_lines) as [string, string][];
  const weights: Record<string, number> = {};
  let total = 0;
  for (const point of points) {
    const w = storedWeights[point.point_id] ?? 0;
    if (w > 0) {
      weights[point.point_id] = w;
      total += w;
    }
  }
  if (total <= 0) return null;
  for (const pointId of Object.keys(weights)) weights[pointId] = ((weights[pointId] ?? 0) * 100) / total;
  const scores: Record<string, Record<string, number>> = {};
  for (const point of points) {
    if (point.good === 1) continue;
    scores[point.point_id] = Object.fromEntries(
      (optionsOf.get(point.point_id) ?? []).map((o) => [o, storedScores[point.point_id]?.[o] ?? 0]),
    );
  }
  const redLines = storedRedLines
    .filter(([pointId, optionId]) => {
      const point = points.find((p) => p.point_id === pointId);
      return point !== undefined && (point.good === 1 || (optionsOf.get(pointId) ?? []).includes(optionId));
    })
    .map(([pointId, optionId]) => ({ pointId, optionId }));
  return { partyId: row.party_id, weights, scores, redLines, reservation: Number(row.reservation) };
}
