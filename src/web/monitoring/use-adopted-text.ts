import type { Point } from '../../domain/plans/plan.ts';
import type { VersionResponse } from '../api/types.ts';
import { useResource } from '../api/use-resource.ts';
import type { Agreement } from './monitoring-types.ts';

export interface AdoptedPoint {
  point: Point;
  area: string | null;
}

/** The points of the agreement's adopted version, with their area titles; null until loaded. */
export function useAdoptedText(agreement: Pick<Agreement, 'planId' | 'versionId'> | undefined) {
  const res = useResource<VersionResponse>(
    agreement === undefined ? null : `/plans/${agreement.planId}/versions/${agreement.versionId}`,
  );
  if (res.state !== 'ready') return { points: null, error: res.error };
  const areas = new Map(res.data.content.areas.map((a) => [a.id, a.title]));
  const points: AdoptedPoint[] = res.data.content.points.map((point) => ({
    point,
    area: point.areaId === null ? null : (areas.get(point.areaId) ?? null),
  }));
  return { points, error: undefined };
}

/** "7 · Release of all hostages within 72 hours…": a point as a picker shows it. */
export function pointChoiceLabel(p: Point, max = 80): string {
  const text = p.text
    .replace(/[*_`#>]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return `${p.number} · ${text.length > max ? `${text.slice(0, max - 1)}…` : text}`;
}
