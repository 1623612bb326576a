/**
 * The demo analysis (src/demo/demo-analytics.ts) as an engine instance, built the way the app builds
 * it: the demo loader's rows (src/services/demo/load-demo-analytics.ts), in memory with stable ids,
 * through the same pure `buildInstance` (src/services/analytics/build-instance.ts). No database.
 */

import { demoAnalysisPoints, demoConstraint, demoPreferences } from '../../src/demo/demo-analytics.ts';
import type { NegotiationInstance } from '../../src/domain/analytics/analytics-model.ts';
import { buildInstance, type StoredAnalysis } from '../../src/services/analytics/build-instance.ts';

const PARTY_NAMES: Record<string, string> = {
  veloria: 'Republic of Veloria',
  karst: 'Karst Republican Forces',
  bcc: 'Basin Cooperation Council',
};

/** The demo instance with every party that has preferences, or only the listed party keys. */
export function demoInstance(partyKeys?: readonly string[]): NegotiationInstance {
  const at = '2026-01-01T00:00:00.000Z';
  const scope = { process_id: 'demo-process', plan_id: 'demo-plan' };
  const pointId = (n: string) => `point-${n}`;
  const optionId = (n: string, key: string) => `${n}/${key}`;
  const goods = new Set(demoAnalysisPoints.filter((p) => p.good).map((p) => p.pointNumber));
  const chosen = demoPreferences.filter((p) => !partyKeys || partyKeys.includes(p.partyKey));
  const stored: StoredAnalysis = {
    parties: chosen.map((p) => ({ id: p.partyKey, name: PARTY_NAMES[p.partyKey] ?? p.partyKey })),
    points: demoAnalysisPoints.map((p) => ({
      ...scope,
      id: `anp-${p.pointNumber}`,
      point_id: pointId(p.pointNumber),
      good: p.good ? 1 : 0,
      created_at: at,
      updated_at: at,
    })),
    options: demoAnalysisPoints.flatMap((p) =>
      p.options.map((o, position) => ({
        ...scope,
        id: optionId(p.pointNumber, o.key),
        point_id: pointId(p.pointNumber),
        label: o.label,
        text: o.text,
        position,
        created_by: 'envoy',
        created_at: at,
        updated_at: at,
      })),
    ),
    constraints: [
      {
        ...scope,
        id: 'ocn-1',
        kind: demoConstraint.kind,
        point_id: pointId(demoConstraint.option.pointNumber),
        option_id: optionId(demoConstraint.option.pointNumber, demoConstraint.option.optionKey),
        other_point_id: pointId(demoConstraint.other.pointNumber),
        other_option_id: optionId(demoConstraint.other.pointNumber, demoConstraint.other.optionKey),
        created_at: at,
      },
    ],
    preferences: chosen.map((p) => ({
      ...scope,
      id: `ppf-${p.partyKey}`,
      party_id: p.partyKey,
      weights: JSON.stringify(Object.fromEntries(Object.entries(p.weights).map(([n, w]) => [pointId(n), w]))),
      scores: JSON.stringify(
        Object.fromEntries(
          Object.entries(p.scores).map(([n, byKey]) => [
            pointId(n),
            Object.fromEntries(Object.entries(byKey).map(([key, s]) => [optionId(n, key), s])),
          ]),
        ),
      ),
      red_lines: JSON.stringify(
        p.redLines.map(([n, key]) => [pointId(n), goods.has(n) ? key : optionId(n, key)]),
      ),
      reservation: p.reservation,
      shared_with_mediator: p.shared ? 1 : 0,
      updated_by: p.authorEmail,
      updated_at: at,
      revision: 1,
    })),
  };
  return buildInstance(stored).instance;
}
