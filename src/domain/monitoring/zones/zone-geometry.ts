import { area } from '@turf/area';
import { kinks } from '@turf/kinks';
import type { LineString, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';

/** The geometries a zone can have: areas (buffer zones, areas to vacate) and lines (of contact). */
export type ZoneGeometry = Polygon | MultiPolygon | LineString | MultiLineString;

/**
 * Most positions one feature may have. @turf/kinks compares every pair of segments, so the
 * self-intersection check grows with the square: 10,000 positions take about a second.
 */
export const MAX_FEATURE_POSITIONS = 10_000;

const ZONE_TYPES = new Set(['Polygon', 'MultiPolygon', 'LineString', 'MultiLineString']);

type Problems = string[];

const fmt = (x: number) => x.toFixed(4);

function isPosition(value: unknown, at: string, problems: Problems): value is Position {
  if (
    !Array.isArray(value) ||
    value.length < 2 ||
    !value.every((x) => typeof x === 'number' && Number.isFinite(x))
  ) {
    problems.push(`${at}: a position is [longitude, latitude] in numbers`);
    return false;
  }
  const [lon, lat] = value as number[];
  if (lon === undefined || lat === undefined) return false;
  if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
    const swapped = Math.abs(lat) > 90 && Math.abs(lat) <= 180 && Math.abs(lon) <= 90;
    problems.push(
      `${at}: [${lon}, ${lat}] is outside longitude −180…180, latitude −90…90${swapped ? ' (GeoJSON puts longitude first: are they swapped?)' : ''}`,
    );
    return false;
  }
  return true;
}

function positions(value: unknown, at: string, min: number, problems: Problems): value is Position[] {
  if (!Array.isArray(value)) {
    problems.push(`${at}: expected an array of positions`);
    return false;
  }
  if (value.length < min) {
    problems.push(`${at}: has ${value.length} positions; at least ${min} are needed`);
    return false;
  }
  let ok = true;
  value.forEach((p, i) => {
    if (ok && !isPosition(p, `${at}[${i}]`, problems)) ok = false;
  });
  return ok;
}

const samePosition = (a: Position | undefined, b: Position | undefined) =>
  a !== undefined && b !== undefined && a[0] === b[0] && a[1] === b[1];

/** Ray casting (W. R. Franklin's PNPOLY) in longitude/latitude: enough to place a hole. */
function insideRing(point: Position, ring: Position[]): boolean {
  const [x, y] = point as [number, number];
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function checkRing(ring: unknown, at: string, problems: Problems): ring is Position[] {
  if (!positions(ring, at, 4, problems)) return false;
  if (!samePosition(ring[0], ring[ring.length - 1])) {
    problems.push(`${at}: ring is not closed (its last position must repeat the first)`);
    return false;
  }
  const crossings = kinks({ type: 'Polygon', coordinates: [ring] }).features;
  const first = crossings[0]?.geometry.coordinates;
  if (first) {
    problems.push(
      `${at}: ring intersects itself at ${fmt(first[0] ?? 0)}, ${fmt(first[1] ?? 0)} (longitude, latitude)`,
    );
    return false;
  }
  if (area({ type: 'Polygon', coordinates: [ring] }) === 0) {
    problems.push(`${at}: ring encloses no area`);
    return false;
  }
  return true;
}

/** Rings each valid on their own: holes must not touch or cross the shell or each other, and lie inside it. */
function checkPolygon(rings: unknown, at: string, problems: Problems): void {
  if (!Array.isArray(rings) || rings.length === 0) {
    problems.push(`${at}: a polygon is an array of rings, the outer one first`);
    return;
  }
  const valid = rings.map((ring, i) => checkRing(ring, `${at}[${i}]`, problems));
  if (!valid.every(Boolean)) return;
  const checked = rings as Position[][];
  for (let i = 0; i < checked.length; i++) {
    for (let j = i + 1; j < checked.length; j++) {
      const a = checked[i] as Position[];
      const b = checked[j] as Position[];
      const touch = kinks({ type: 'MultiLineString', coordinates: [a, b] }).features[0]?.geometry.coordinates;
      if (touch) {
        problems.push(
          `${at}[${j}]: ring touches or crosses ring ${i} at ${fmt(touch[0] ?? 0)}, ${fmt(touch[1] ?? 0)} (longitude, latitude)`,
        );
        return;
      }
    }
  }
  // With no crossings a hole is wholly inside or wholly outside the shell: one vertex tells.
  const shell = checked[0] as Position[];
  checked.slice(1).forEach((hole, k) => {
    if (!insideRing(hole[0] as Position, shell))
      problems.push(`${at}[${k + 1}]: hole lies outside the outer ring`);
  });
}

function checkLine(line: unknown, at: string, problems: Problems): void {
  if (!positions(line, at, 2, problems)) return;
  if (line.every((p) => samePosition(p, line[0])))
    problems.push(`${at}: line has no length (all positions are the same)`);
}

function countPositions(value: unknown): number {
  if (!Array.isArray(value)) return 0;
  if (typeof value[0] === 'number') return 1;
  return value.reduce((n: number, v) => n + countPositions(v), 0);
}

/**
 * Checks a zone geometry; `at` is its path in the document ("features[3].geometry"). Returns
 * the problems, each starting with the path of the offending part; none means it is usable.
 */
export function checkZoneGeometry(
  geometry: unknown,
  at: string,
): { geometry: ZoneGeometry | null; problems: string[] } {
  const problems: Problems = [];
  const prefix = at === '' ? '' : `${at}.`;
  if (geometry === null || typeof geometry !== 'object') {
    return {
      geometry: null,
      problems: [
        `${at || 'geometry'}: missing; a zone needs a Polygon, MultiPolygon, LineString or MultiLineString`,
      ],
    };
  }
  const { type, coordinates } = geometry as { type?: unknown; coordinates?: unknown };
  if (typeof type !== 'string' || !ZONE_TYPES.has(type)) {
    const what = typeof type === 'string' ? `"${type}"` : 'no type';
    return {
      geometry: null,
      problems: [
        `${prefix}type: ${what} is not a zone geometry; use Polygon, MultiPolygon, LineString or MultiLineString (a zone is an area or a line)`,
      ],
    };
  }
  const path = `${prefix}coordinates`;
  const count = countPositions(coordinates);
  if (count > MAX_FEATURE_POSITIONS) {
    return {
      geometry: null,
      problems: [
        `${path}: ${count} positions; at most ${MAX_FEATURE_POSITIONS.toLocaleString('en')} per feature (simplify the shape, e.g. with mapshaper -simplify)`,
      ],
    };
  }
  const list = Array.isArray(coordinates) ? coordinates : null;
  if (list === null) problems.push(`${path}: expected an array`);
  else if (type === 'Polygon') checkPolygon(list, path, problems);
  else if (type === 'LineString') checkLine(list, path, problems);
  else if (list.length === 0) problems.push(`${path}: is empty`);
  else {
    const checkPart = type === 'MultiPolygon' ? checkPolygon : checkLine;
    for (const [i, part] of list.entries()) checkPart(part, `${path}[${i}]`, problems);
  }
  return problems.length > 0
    ? { geometry: null, problems }
    : { geometry: { type, coordinates } as ZoneGeometry, problems };
}
