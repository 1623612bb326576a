import { geoBounds, geoPath } from 'd3-geo';
import type { Zone } from '../zones/zone-types.ts';
import { baseProjection } from './base-map.ts';
import { toBase } from './map-view.ts';

/** A zone projected once to a path in base coordinates, with its box for the fit. */
export interface ZoneShape {
  zone: Zone;
  path: Path2D;
  /** Lines (of contact) are stroked only; polygons are filled too. */
  isLine: boolean;
  isPoint: boolean;
  box: { minX: number; minY: number; maxX: number; maxY: number };
}

/** Projects zones to paths; zones whose geometry cannot be drawn are left out. */
export function zoneShapes(zones: readonly Zone[]): ZoneShape[] {
  return zones.flatMap((zone) => {
    const g = zone.geometry;
    try {
      const path = new Path2D();
      const isPoint = g.type === 'Point' || g.type === 'MultiPoint';
      geoPath(baseProjection(), path as unknown as CanvasRenderingContext2D).pointRadius(0.01)(g);
      const [[w, s], [e, n]] = geoBounds(g);
      const [minX, maxY] = toBase(w, s);
      const [maxX, minY] = toBase(e, n);
      return [
        {
          zone,
          path,
          isLine: g.type === 'LineString' || g.type === 'MultiLineString',
          isPoint,
          box: { minX, minY, maxX, maxY },
        },
      ];
    } catch {
      return [];
    }
  });
}

/** The box around all zones, or null. */
export function zonesBox(shapes: readonly ZoneShape[]): ZoneShape['box'] | null {
  if (shapes.length === 0) return null;
  return shapes.reduce(
    (b, s) => ({
      minX: Math.min(b.minX, s.box.minX),
      minY: Math.min(b.minY, s.box.minY),
      maxX: Math.max(b.maxX, s.box.maxX),
      maxY: Math.max(b.maxY, s.box.maxY),
    }),
    { ...(shapes[0] as ZoneShape).box },
  );
}
