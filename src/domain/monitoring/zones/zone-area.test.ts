import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseZones } from './parse-zones.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../../test/fixtures/zones/${name}`, import.meta.url), 'utf8');

/** Mean Earth radius (IUGG), the sphere @turf/area and @turf/length use. */
const R = 6371.0088;
const rad = (deg: number) => (deg * Math.PI) / 180;
/** Area of a latitude–longitude box on the sphere: R² · Δλ · (sin φ2 − sin φ1). */
const boxKm2 = (w: number, s: number, e: number, n: number) =>
  R * R * rad(e - w) * (Math.sin(rad(n)) - Math.sin(rad(s)));
const box = (w: number, s: number, e: number, n: number) => [
  [w, s],
  [e, s],
  [e, n],
  [w, n],
  [w, s],
];

function onlyZone(geojson: unknown) {
  const result = parseZones(geojson);
  expect(result.problems).toEqual([]);
  const [zone] = result.items;
  if (!zone) throw new Error('expected one zone');
  return zone;
}

describe('zone areas and lengths', () => {
  it('measures a 1° × 1° cell at the equator as about 12,364 km²', () => {
    const zone = onlyZone({ type: 'Polygon', coordinates: [box(0, 0, 1, 1)] });
    expect(boxKm2(0, 0, 1, 1)).toBeCloseTo(12_363.7, 1);
    expect(zone.areaKm2).toBeCloseTo(boxKm2(0, 0, 1, 1), 6);
    expect(zone.lengthKm).toBeNull();
  });

  it('subtracts a hole, whichever way its rings wind', () => {
    const [strip] = parseZones(fixture('agreement-zones.geojson')).items;
    expect(strip?.areaKm2).toBeCloseTo(boxKm2(35, 47, 37, 48) - boxKm2(35.5, 47.25, 36.5, 47.75), 6);
    const clockwiseShell = onlyZone({
      type: 'Polygon',
      coordinates: [box(35, 47, 37, 48).reverse(), box(35.5, 47.25, 36.5, 47.75)],
    });
    expect(clockwiseShell.areaKm2).toBeCloseTo(strip?.areaKm2 ?? 0, 6);
  });

  it('adds up the parts of a MultiPolygon', () => {
    const zones = parseZones(fixture('agreement-zones.geojson')).items;
    expect(zones[2]?.areaKm2).toBeCloseTo(2 * boxKm2(38, 48, 38.5, 48.5), 6);
  });

  it('measures Wyoming within 0.5% of its documented area', () => {
    // Wyoming is bounded by 41°N, 45°N and the meridians 104°03′W and 111°03′W (the 27th and 34th
    // west of Washington in its Admission Act of 1890). The U.S. Census Bureau's 2010 State Area
    // Measurements give 97,914 sq mi = 253,600 km² of total area; the rest of the gap is the sphere
    // against the ellipsoid and the 19th-century survey's departures from the parallels.
    const zone = onlyZone(JSON.parse(fixture('wyoming.geojson')));
    expect(zone.areaKm2).toBeCloseTo(boxKm2(-111.05, 41, -104.05, 45), 4);
    expect(Math.abs((zone.areaKm2 ?? 0) / 253_600 - 1)).toBeLessThan(0.005);
  });

  it('measures lines along great circles: a degree of the equator or a meridian is 111.195 km', () => {
    const zones = parseZones(fixture('agreement-zones.geojson')).items;
    expect(zones[3]?.lengthKm).toBeCloseTo(2 * R * rad(1), 6);
    expect(zones[3]?.areaKm2).toBeNull();
    const line = onlyZone({
      type: 'LineString',
      coordinates: [
        [30, 10],
        [30, 11],
      ],
    });
    expect(line.lengthKm).toBeCloseTo(111.195, 3);
  });
});
