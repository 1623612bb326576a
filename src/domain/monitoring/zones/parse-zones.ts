import { area } from '@turf/area';
import { length } from '@turf/length';
import { ZONE_KINDS, type ZoneKind } from '../monitoring-model.ts';
import { checkZoneGeometry, type ZoneGeometry } from './zone-geometry.ts';

/** Most features one import may hold. */
export const MAX_ZONE_FEATURES = 5_000;
/** Longest zone name (zones.name is varchar(300)); point numbers are short labels ("12", "7bis"). */
const NAME_LIMIT = 300;
const POINT_LIMIT = 20;

/** One accepted zone, measured. */
export interface ZoneItem {
  name: string;
  kind: ZoneKind;
  /** The plan point the feature names in `properties.point` ("12"), for the caller to resolve; null if none. */
  pointNumber: string | null;
  geometry: ZoneGeometry;
  /** Polygons: spherical area in km² (@turf/area, R = 6371.0088 km); null for lines. */
  areaKm2: number | null;
  /** Lines: great-circle length in km (@turf/length); null for polygons. */
  lengthKm: number | null;
}

/** `feature` is the 0-based index as in the message's path (features[3]); null for the document as a whole. */
export interface ZoneProblem {
  feature: number | null;
  message: string;
}

export interface ParsedZones {
  ok: boolean;
  items: ZoneItem[];
  problems: ZoneProblem[];
}

export interface ParseZonesOptions {
  /** The kind of features that do not give one (default "other"). */
  kind?: ZoneKind;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

function readKind(value: unknown, fallback: ZoneKind, at: string, problems: string[]): ZoneKind {
  if (value === undefined || value === null || value === '') return fallback;
  const kind =
    typeof value === 'string'
      ? value
          .trim()
          .toLowerCase()
          .replace(/[\s-]+/g, '_')
      : '';
  if ((ZONE_KINDS as readonly string[]).includes(kind)) return kind as ZoneKind;
  problems.push(`${at}.kind: ${JSON.stringify(value)} is not one of ${ZONE_KINDS.join(', ')}`);
  return fallback;
}

function readPoint(value: unknown, at: string, problems: string[]): string | null {
  if (value === undefined || value === null || value === '') return null;
  const text =
    typeof value === 'number' && Number.isInteger(value)
      ? String(value)
      : typeof value === 'string'
        ? value.trim()
        : null;
  if (text === null || text.length > POINT_LIMIT) {
    problems.push(`${at}.point: give the point's number, such as 12 or "7bis"`);
    return null;
  }
  return text;
}

function readName(props: Record<string, unknown>, index: number, at: string, problems: string[]): string {
  const raw = props.name ?? props.title;
  if (raw === undefined || raw === null || raw === '') return `Zone ${index + 1}`;
  if (typeof raw !== 'string') {
    problems.push(`${at}.name: must be text`);
    return '';
  }
  const name = raw.trim();
  if (name.length > NAME_LIMIT)
    problems.push(`${at}.name: is ${name.length} characters long; at most ${NAME_LIMIT} fit`);
  return name;
}

function measure(geometry: ZoneGeometry): { areaKm2: number | null; lengthKm: number | null } {
  if (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon')
    return { areaKm2: area(geometry) / 1e6, lengthKm: null };
  return {
    areaKm2: null,
    lengthKm: length({ type: 'Feature', properties: {}, geometry }, { units: 'kilometers' }),
  };
}

/** The features of the document, each with its path; or why the document is not GeoJSON we take. */
function featuresOf(doc: unknown): { feature: unknown; at: string; geometryAt: string }[] | string {
  if (!isObject(doc)) return 'expected a GeoJSON object: a FeatureCollection, a Feature or a geometry';
  if (doc.type === 'FeatureCollection') {
    if (!Array.isArray(doc.features)) return 'features: a FeatureCollection needs an array of features';
    if (doc.features.length === 0) return 'features: the FeatureCollection has no features';
    if (doc.features.length > MAX_ZONE_FEATURES)
      return `features: ${doc.features.length} features; at most ${MAX_ZONE_FEATURES} per import`;
    return doc.features.map((feature, i) => ({
      feature,
      at: `features[${i}]`,
      geometryAt: `features[${i}].geometry`,
    }));
  }
  if (doc.type === 'Feature') return [{ feature: doc, at: 'feature', geometryAt: 'geometry' }];
  if (typeof doc.type !== 'string')
    return 'type: missing; expected FeatureCollection, Feature or a geometry type';
  return [{ feature: { type: 'Feature', properties: {}, geometry: doc }, at: 'geometry', geometryAt: '' }];
}

/**
 * Reads zones from GeoJSON (RFC 7946): a FeatureCollection, a Feature or a bare geometry, with
 * Polygon, MultiPolygon, LineString or MultiLineString geometries. Properties may give name,
 * kind (a ZoneKind) and point (the plan point's number). Each problem names the feature and the
 * path; when there is any, no zone is accepted.
 */
export function parseZones(input: unknown, options: ParseZonesOptions = {}): ParsedZones {
  let doc = input;
  if (typeof input === 'string') {
    try {
      doc = JSON.parse(input);
    } catch (error) {
      return {
        ok: false,
        items: [],
        problems: [{ feature: null, message: `not JSON: ${(error as Error).message}` }],
      };
    }
  }
  const features = featuresOf(doc);
  if (typeof features === 'string')
    return { ok: false, items: [], problems: [{ feature: null, message: features }] };
  const items: ZoneItem[] = [];
  const problems: ZoneProblem[] = [];
  features.forEach(({ feature, at, geometryAt }, index) => {
    const found: string[] = [];
    if (!isObject(feature) || feature.type !== 'Feature') {
      problems.push({ feature: index, message: `${at}: expected an object with "type": "Feature"` });
      return;
    }
    const props = isObject(feature.properties) ? feature.properties : {};
    const propsAt = `${at}.properties`;
    const name = readName(props, index, propsAt, found);
    const kind = readKind(props.kind, options.kind ?? 'other', propsAt, found);
    const pointNumber = readPoint(props.point, propsAt, found);
    const checked = checkZoneGeometry(feature.geometry, geometryAt);
    found.push(...checked.problems);
    for (const message of found) problems.push({ feature: index, message });
    if (found.length === 0 && checked.geometry) {
      items.push({ name, kind, pointNumber, geometry: checked.geometry, ...measure(checked.geometry) });
    }
  });
  return problems.length > 0 ? { ok: false, items: [], problems } : { ok: true, items, problems };
}
