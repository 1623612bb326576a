import { geoArea, geoCentroid, geoMercator, geoPath } from 'd3-geo';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries50 from 'world-atlas/countries-50m.json';
// Natural Earth through the world-atlas package: bundled into the map's own chunk, so the map
// works with no network beyond the app itself.
import countries110 from 'world-atlas/countries-110m.json';
import { toBase, WORLD } from './map-view.ts';

/** One level of detail of the base map, in base coordinates (see map-view.ts). */
export interface BaseLevel {
  land: Path2D;
  borders: Path2D;
  /** Country names and where to write them. */
  labels: { name: string; x: number; y: number; area: number }[];
}

/** d3's Mercator set to base coordinates: the same numbers as toBase(). */
export function baseProjection() {
  return geoMercator()
    .scale(WORLD / (2 * Math.PI))
    .translate([WORLD / 2, WORLD / 2])
    .precision(0.05);
}

function largestPart(f: Feature<Polygon | MultiPolygon>): Feature<Polygon> | Feature<MultiPolygon> {
  if (f.geometry.type !== 'MultiPolygon') return f as Feature<Polygon>;
  let best: Feature<Polygon> | null = null;
  let bestArea = -1;
  for (const coordinates of f.geometry.coordinates) {
    const part: Feature<Polygon> = {
      type: 'Feature',
      properties: {},
      geometry: { type: 'Polygon', coordinates },
    };
    const a = geoArea(part);
    if (a > bestArea) {
      bestArea = a;
      best = part;
    }
  }
  return best ?? (f as Feature<MultiPolygon>);
}

/** Projects a topology's land, borders and country names into paths, once. */
function buildLevel(topology: Topology): BaseLevel {
  const objects = topology.objects as { countries: GeometryCollection; land: GeometryCollection };
  const path = (p: Path2D) => geoPath(baseProjection(), p as unknown as CanvasRenderingContext2D);
  const land = new Path2D();
  path(land)(feature(topology, objects.land));
  const borders = new Path2D();
  path(borders)(mesh(topology, objects.countries, (a, b) => a !== b));
  const countries = feature(topology, objects.countries) as unknown as {
    features: Feature<Polygon | MultiPolygon, { name?: string }>[];
  };
  const labels = countries.features.flatMap((f) => {
    const name = f.properties?.name;
    if (!name || f.geometry === null) return [];
    const part = largestPart(f);
    const [lon, lat] = geoCentroid(part);
    const [x, y] = toBase(lon, lat);
    return [{ name, x, y, area: geoArea(part) }];
  });
  labels.sort((a, b) => b.area - a.area);
  return { land, borders, labels };
}

/**
 * The base map at two levels of detail: 1:110m for the world and continents, 1:50m from a
 * country's size down. The finer one is built after the first frame, when the page is idle.
 */
export class BaseMap {
  private coarse: BaseLevel | null = null;
  private fine: BaseLevel | null = null;
  private fineRequested = false;

  /** The level to draw at a scale; asks for the finer one (and calls `onReady`) the first time it is wanted. */
  level(k: number, onReady: () => void): BaseLevel {
    if (this.coarse === null) this.coarse = buildLevel(countries110);
    if (WORLD * k < 2500) return this.coarse;
    if (this.fine !== null) return this.fine;
    this.requestFine(onReady);
    return this.coarse;
  }

  /** Builds the finer level ahead of need, when the browser has nothing else to do. */
  requestFine(onReady: () => void): void {
    if (this.fineRequested) return;
    this.fineRequested = true;
    const build = () => {
      this.fine = buildLevel(countries50);
      onReady();
    };
    if ('requestIdleCallback' in window) window.requestIdleCallback(build, { timeout: 1500 });
    else setTimeout(build, 50);
  }

  get fineReady(): boolean {
    return this.fine !== null;
  }
}
