import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_ZONE_FEATURES, parseZones } from './parse-zones.ts';
import { MAX_FEATURE_POSITIONS } from './zone-geometry.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../../test/fixtures/zones/${name}`, import.meta.url), 'utf8');
const square = [
  [10, 10],
  [11, 10],
  [11, 11],
  [10, 11],
  [10, 10],
];
const feature = (geometry: unknown, properties: unknown = {}) => ({ type: 'Feature', properties, geometry });
const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });
const messages = (input: unknown) => parseZones(input).problems.map((p) => `${p.feature}: ${p.message}`);

describe('parseZones', () => {
  it('reads names, kinds and point numbers from a FeatureCollection', () => {
    const result = parseZones(fixture('agreement-zones.geojson'));
    expect(result.ok).toBe(true);
    expect(result.items.map((z) => [z.name, z.kind, z.pointNumber, z.geometry.type])).toEqual([
      ['Demilitarised strip around the plant', 'buffer_zone', '7', 'Polygon'],
      ['Line of contact, southern sector', 'line_of_contact', '3', 'LineString'],
      ['Areas to vacate', 'area_to_vacate', '12a', 'MultiPolygon'],
      ['Zone 4', 'other', null, 'MultiLineString'],
    ]);
  });

  it('accepts a single Feature and a bare geometry, with the caller’s default kind', () => {
    expect(
      parseZones(feature({ type: 'Polygon', coordinates: [square] }, { title: 'North' }), {
        kind: 'buffer_zone',
      }).items,
    ).toMatchObject([{ name: 'North', kind: 'buffer_zone' }]);
    expect(
      parseZones({
        type: 'MultiLineString',
        coordinates: [
          [
            [0, 0],
            [1, 1],
          ],
        ],
      }).items,
    ).toMatchObject([{ name: 'Zone 1', kind: 'other' }]);
  });

  it('drops foreign members and keeps only type and coordinates', () => {
    const [zone] = parseZones({
      type: 'Polygon',
      coordinates: [square],
      bbox: [10, 10, 11, 11],
      crs: 'x',
    }).items;
    expect(zone?.geometry).toEqual({ type: 'Polygon', coordinates: [square] });
  });

  it('refuses a self-intersecting bow-tie with its feature number and the crossing, accepting nothing', () => {
    const result = parseZones(fixture('bow-tie.geojson'));
    expect(result).toEqual({
      ok: false,
      items: [],
      problems: [
        {
          feature: 1,
          message:
            'features[1].geometry.coordinates[0]: ring intersects itself at 1.0000, 1.0000 (longitude, latitude)',
        },
      ],
    });
  });

  it('names the ring and position that are wrong', () => {
    const open = square.slice(0, 4);
    const short = [
      [0, 0],
      [1, 1],
      [0, 0],
    ];
    expect(
      messages(
        collection(
          feature({ type: 'Polygon', coordinates: [square] }),
          feature({ type: 'Polygon', coordinates: [open] }),
          feature({ type: 'Polygon', coordinates: [square, short] }),
          feature({
            type: 'MultiPolygon',
            coordinates: [
              [square],
              [
                [
                  [0, 0],
                  [1, 0],
                  [1, 'x'],
                  [0, 0],
                ],
              ],
            ],
          }),
          feature({
            type: 'LineString',
            coordinates: [
              [30, 47],
              [100, 95],
            ],
          }),
          feature({
            type: 'LineString',
            coordinates: [
              [47.5, 35],
              [47.6, 120],
            ],
          }),
          feature({
            type: 'LineString',
            coordinates: [
              [1, 1],
              [1, 1],
            ],
          }),
        ),
      ),
    ).toEqual([
      '1: features[1].geometry.coordinates[0]: ring is not closed (its last position must repeat the first)',
      '2: features[2].geometry.coordinates[1]: has 3 positions; at least 4 are needed',
      '3: features[3].geometry.coordinates[1][0][2]: a position is [longitude, latitude] in numbers',
      '4: features[4].geometry.coordinates[1]: [100, 95] is outside longitude −180…180, latitude −90…90',
      '5: features[5].geometry.coordinates[1]: [47.6, 120] is outside longitude −180…180, latitude −90…90 (GeoJSON puts longitude first: are they swapped?)',
      '6: features[6].geometry.coordinates: line has no length (all positions are the same)',
    ]);
  });

  it('refuses holes that cross or touch the shell, or lie outside it', () => {
    const crossing = [
      [10.5, 10.5],
      [11.5, 10.5],
      [11.5, 10.7],
      [10.5, 10.7],
      [10.5, 10.5],
    ];
    const outside = [
      [20, 20],
      [21, 20],
      [21, 21],
      [20, 20],
    ];
    expect(messages({ type: 'Polygon', coordinates: [square, crossing] })).toEqual([
      '0: coordinates[1]: ring touches or crosses ring 0 at 11.0000, 10.7000 (longitude, latitude)',
    ]);
    expect(messages({ type: 'Polygon', coordinates: [square, outside] })).toEqual([
      '0: coordinates[1]: hole lies outside the outer ring',
    ]);
  });

  it('refuses geometries that are not zones, and shapes that are not GeoJSON', () => {
    expect(messages(feature({ type: 'Point', coordinates: [1, 2] }))).toEqual([
      '0: geometry.type: "Point" is not a zone geometry; use Polygon, MultiPolygon, LineString or MultiLineString (a zone is an area or a line)',
    ]);
    expect(messages(collection(feature(null)))[0]).toBe(
      '0: features[0].geometry: missing; a zone needs a Polygon, MultiPolygon, LineString or MultiLineString',
    );
    expect(
      messages(
        collection({
          type: 'Feature',
          properties: {},
          geometry: { type: 'GeometryCollection', geometries: [] },
        }),
      )[0],
    ).toContain('"GeometryCollection" is not a zone geometry');
    expect(messages(collection({ type: 'Polygon', coordinates: [square] }))).toEqual([
      '0: features[0]: expected an object with "type": "Feature"',
    ]);
    expect(messages([1, 2])).toEqual([
      'null: expected a GeoJSON object: a FeatureCollection, a Feature or a geometry',
    ]);
    expect(messages({ type: 'FeatureCollection' })).toEqual([
      'null: features: a FeatureCollection needs an array of features',
    ]);
    expect(messages(collection())).toEqual(['null: features: the FeatureCollection has no features']);
    expect(messages('{"type": "Feature",')[0]).toMatch(/^null: not JSON: /);
    expect(messages({ coordinates: [] })).toEqual([
      'null: type: missing; expected FeatureCollection, Feature or a geometry type',
    ]);
  });

  it('checks the properties it uses', () => {
    expect(
      messages(
        feature(
          { type: 'Polygon', coordinates: [square] },
          { kind: 'no-go area', point: { n: 1 }, name: 'x'.repeat(301) },
        ),
      ),
    ).toEqual([
      '0: feature.properties.name: is 301 characters long; at most 300 fit',
      '0: feature.properties.kind: "no-go area" is not one of line_of_contact, buffer_zone, area_to_vacate, other',
      '0: feature.properties.point: give the point\'s number, such as 12 or "7bis"',
    ]);
  });

  it('limits the size of what it checks', () => {
    const ring = Array.from({ length: MAX_FEATURE_POSITIONS + 1 }, (_, i) => {
      const a = (i / MAX_FEATURE_POSITIONS) * 2 * Math.PI;
      return [30 + Math.cos(a), 48 + Math.sin(a)];
    });
    expect(messages({ type: 'Polygon', coordinates: [ring] })[0]).toContain(
      '10001 positions; at most 10,000 per feature',
    );
    const many = collection(
      ...Array.from({ length: MAX_ZONE_FEATURES + 1 }, () =>
        feature({ type: 'Polygon', coordinates: [square] }),
      ),
    );
    expect(messages(many)).toEqual([
      `null: features: ${MAX_ZONE_FEATURES + 1} features; at most ${MAX_ZONE_FEATURES} per import`,
    ]);
  });
});
