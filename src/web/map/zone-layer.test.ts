import { geoArea } from 'd3-geo';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { windForD3 } from './zone-layer.ts';

const square = (ccw: boolean): Polygon => {
  const ring = [
    [25.7, 46.85],
    [25.9, 46.85],
    [25.9, 46.98],
    [25.7, 46.98],
    [25.7, 46.85],
  ];
  return { type: 'Polygon', coordinates: [ccw ? ring : [...ring].reverse()] };
};

describe('zone polygons for d3-geo', () => {
  it('turns an RFC 7946 (counter-clockwise) ring into the small area it encloses', () => {
    expect(geoArea(square(true))).toBeGreaterThan(2 * Math.PI);
    const wound = windForD3(square(true));
    expect(geoArea(wound)).toBeLessThan(1e-4);
  });

  it('leaves a ring already wound for d3 as it is', () => {
    const g = square(false);
    expect(windForD3(g)).toEqual(g);
  });
});
