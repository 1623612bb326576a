import { geoArea, geoBounds, geoPath } from 'd3-geo';
import type { Geometry, Position } from 'geojson';
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

/**
 * The geometry with its polygons wound as d3-geo wants them. GeoJSON (RFC 7946) winds exterior
 * rings counter-clockwise, d3's spherical polygons clockwise; a ring the wrong way round is read
 * as everything outside it. A polygon covering more than a hemisphere is taken to be reversed,
 * the usual test (no zone of an agreement is that large).
 */
export function windForD3(g: Geometry): Geometry {
  const fix = (rings: Position[][]) => {
    const area = geoArea({ type: 'Polygon', coordinates: rings });
    return area > 2 * Math.PI ? rings.map((r) => [...r].reverse()) : rings;
  };
  if (g.type === 'Polygon') return { ...g, coordinates: fix(g.coordinates) };
  if (g.type === 'MultiPolygon') return { ...g, coordinates: g.coordinates.map(fix) };
  return g;
}

/** Projects zones to paths; zones whose geometry cannot be drawn are left out. */
export function zoneShapes(zones: readonly Zone[]): ZoneShape[] {
  return zones.flatMap((zone) => {
    const g = windForD3(zone.geometry);
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
