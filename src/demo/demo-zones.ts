import type { LineString, Polygon } from 'geojson';
import type { ZoneKind } from '../domain/monitoring/monitoring-model.ts';

/** A zone of Annex A of the demo truce, linked to the point (by key) that refers to it. */
export interface DemoZone {
  name: string;
  kind: ZoneKind;
  pointKey: string;
  geometry: LineString | Polygon;
}

/** The line of contact, north to south, as [longitude, latitude]. */
const LINE: [number, number][] = [
  [69.5, -49.05],
  [69.54, -49.16],
  [69.58, -49.26],
  [69.55, -49.34],
  [69.47, -49.43],
  [69.5, -49.52],
  [69.56, -49.62],
  [69.52, -49.7],
];

/** About 5 km in longitude at these latitudes (1° ≈ 73 km at 49° S). */
const FIVE_KM = 0.068;

/** The buffer zone: the line of contact widened 5 km to each side, as one closed ring. */
function bufferRing(): [number, number][] {
  const east = LINE.map(([lon, lat]) => [lon + FIVE_KM, lat] as [number, number]);
  const west = LINE.map(([lon, lat]) => [lon - FIVE_KM, lat] as [number, number]).reverse();
  const ring = [...east, ...west];
  return [...ring, ring[0] as [number, number]];
}

export const DEMO_ZONES: DemoZone[] = [
  {
    name: 'Line of contact (Annex A)',
    kind: 'line_of_contact',
    pointKey: 'truce-effect',
    geometry: { type: 'LineString', coordinates: LINE },
  },
  {
    name: 'Buffer zone, 5 km each side (Annex A, area 1)',
    kind: 'buffer_zone',
    pointKey: 'withdrawal',
    geometry: { type: 'Polygon', coordinates: [bufferRing()] },
  },
  {
    name: 'Sarn heights (Annex A, area 2)',
    kind: 'area_to_vacate',
    pointKey: 'sarn',
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [69.12, -49.14],
          [69.3, -49.13],
          [69.34, -49.22],
          [69.26, -49.29],
          [69.14, -49.26],
          [69.12, -49.14],
        ],
      ],
    },
  },
];
