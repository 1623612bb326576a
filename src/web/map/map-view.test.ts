import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeMapEvents, pointsBox } from './map-data.ts';
import {
  clusterZoom,
  fitBox,
  fromBase,
  panBy,
  scaleForZoom,
  toBase,
  visibleBox,
  WORLD,
  zoomAt,
} from './map-view.ts';

const lon = fc.double({ min: -180, max: 180, noNaN: true });
const lat = fc.double({ min: -85, max: 85, noNaN: true });

describe('the map view', () => {
  it('projects to base coordinates and back (spherical Mercator)', () => {
    fc.assert(
      fc.property(lon, lat, (lo, la) => {
        const [x, y] = toBase(lo, la);
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(WORLD);
        const [lo2, la2] = fromBase(x, y);
        expect(lo2).toBeCloseTo(lo, 6);
        expect(la2).toBeCloseTo(la, 6);
      }),
    );
  });

  it('keeps the point under the pointer where it is when zooming', () => {
    const v = fitBox({ minX: 500, minY: 300, maxX: 520, maxY: 310 }, 1000, 600);
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 2, noNaN: true }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 600 }),
        (f, px, py) => {
          const z = zoomAt(v, f, px, py);
          const before = [(px - v.x) / v.k, (py - v.y) / v.k];
          const after = [(px - z.x) / z.k, (py - z.y) / z.k];
          expect(after[0]).toBeCloseTo(before[0] as number, 6);
          expect(after[1]).toBeCloseTo(before[1] as number, 6);
        },
      ),
    );
  });

  it('fits a box inside the screen, centred', () => {
    const v = fitBox({ minX: 600, minY: 350, maxX: 610, maxY: 352 }, 1000, 600, 40);
    expect(600 * v.k + v.x).toBeGreaterThanOrEqual(40 - 1e-6);
    expect(610 * v.k + v.x).toBeLessThanOrEqual(960 + 1e-6);
    expect(((600 + 610) / 2) * v.k + v.x).toBeCloseTo(500, 6);
  });

  it('shows what was fetched around the screen', () => {
    const v = panBy(fitBox({ minX: 600, minY: 350, maxX: 610, maxY: 352 }, 1000, 600), 10, 0);
    const [w, s, e, n] = visibleBox(v, 0);
    const [w2, s2, e2, n2] = visibleBox(v, 0.5);
    expect(w2).toBeLessThan(w);
    expect(s2).toBeLessThan(s);
    expect(e2).toBeGreaterThan(e);
    expect(n2).toBeGreaterThan(n);
  });

  it('picks the cluster level whose spacing suits the scale', () => {
    for (let z = 0; z <= 16; z++) expect(clusterZoom(scaleForZoom(z))).toBe(z);
  });

  it('fits to the bulk of the events, not to one far-off report', () => {
    const events = Array.from(
      { length: 200 },
      (_, i) =>
        [`e${i}`, 70 + (i % 10) * 0.01, -49 - (i % 7) * 0.01, 0, 0, 0] as [
          string,
          number,
          number,
          number,
          number,
          number,
        ],
    );
    events.push(['far', -120, 40, 0, 0, 0]);
    const box = pointsBox(decodeMapEvents({ types: ['T'], statuses: ['received'], events }));
    const [farX] = toBase(-120, 40);
    expect(box?.minX).toBeGreaterThan(farX);
  });
});
