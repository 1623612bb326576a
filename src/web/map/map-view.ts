/**
 * The map's view: Web Mercator "base" coordinates, in which the whole world is a square WORLD
 * units wide (x east from the antimeridian, y south from 85.05° N), scaled by `k` and shifted by
 * (x, y) to screen pixels. Geometry is projected to base coordinates once; panning and zooming
 * only change this transform, so a frame never re-projects anything.
 */
export const WORLD = 1024;

/** Mercator's latitude limit: the square world of web maps. */
const MAX_LAT = 85.051129;

export interface View {
  /** Screen pixels per base unit. */
  k: number;
  /** Screen position of base (0, 0). */
  x: number;
  y: number;
  width: number;
  height: number;
}

/** [west, south, east, north] in degrees. */
export type LonLatBox = [number, number, number, number];

/** A longitude and latitude in base coordinates (spherical Mercator, EPSG:3857 up to scale). */
export function toBase(lon: number, lat: number): [number, number] {
  const phi = (Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI) / 180;
  return [
    (WORLD * (lon + 180)) / 360,
    (WORLD * (1 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / Math.PI)) / 2,
  ];
}

/** Base coordinates back to longitude and latitude. */
export function fromBase(x: number, y: number): [number, number] {
  const lon = (x / WORLD) * 360 - 180;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / WORLD))) * 180) / Math.PI;
  return [lon, lat];
}

/** Closest zoom-in: about a town's width across a laptop screen. */
const MAX_K = 2 ** 20 / WORLD;

/** The smallest scale at which the world still fills the width or height of the screen. */
export function minScale(width: number, height: number): number {
  return Math.min(width, height) / WORLD / 1.5;
}

/** Keeps the scale in range and some of the world on screen. */
export function clampView(v: View): View {
  const k = Math.max(minScale(v.width, v.height), Math.min(MAX_K, v.k));
  const size = WORLD * k;
  const margin = Math.min(v.width, v.height) / 4;
  const x = Math.min(v.width - margin, Math.max(margin - size, v.x));
  const y = Math.min(v.height - margin, Math.max(margin - size, v.y));
  return { ...v, k, x, y };
}

/**
 * The view that shows a base-coordinate box with `pad` pixels around it, no closer than
 * `maxK` (a single event should not fill the screen).
 */
export function fitBox(
  box: { minX: number; minY: number; maxX: number; maxY: number },
  width: number,
  height: number,
  pad = 40,
  maxK = 2 ** 18 / WORLD,
): View {
  const w = Math.max(box.maxX - box.minX, 1e-9);
  const h = Math.max(box.maxY - box.minY, 1e-9);
  const k = Math.min(maxK, (width - 2 * pad) / w, (height - 2 * pad) / h);
  const cx = (box.minX + box.maxX) / 2;
  const cy = (box.minY + box.maxY) / 2;
  return clampView({ k, x: width / 2 - cx * k, y: height / 2 - cy * k, width, height });
}

/** The whole world, centred. */
export function worldView(width: number, height: number): View {
  return fitBox({ minX: 0, minY: WORLD * 0.1, maxX: WORLD, maxY: WORLD * 0.85 }, width, height, 10);
}

/** Zooms by `factor` keeping the point under (px, py) where it is. */
export function zoomAt(v: View, factor: number, px: number, py: number): View {
  const k = Math.max(minScale(v.width, v.height), Math.min(MAX_K, v.k * factor));
  const f = k / v.k;
  return clampView({ ...v, k, x: px - (px - v.x) * f, y: py - (py - v.y) * f });
}

export function panBy(v: View, dx: number, dy: number): View {
  return clampView({ ...v, x: v.x + dx, y: v.y + dy });
}

/** A new size, keeping the centre where it was. */
export function resize(v: View, width: number, height: number): View {
  return clampView({ ...v, x: v.x + (width - v.width) / 2, y: v.y + (height - v.height) / 2, width, height });
}

export function screenToBase(v: View, sx: number, sy: number): [number, number] {
  return [(sx - v.x) / v.k, (sy - v.y) / v.k];
}

/**
 * The longitudes and latitudes on screen, widened by `grow` of its size on each side so that a
 * pan shows clusters already fetched.
 */
export function visibleBox(v: View, grow = 0): LonLatBox {
  const gx = v.width * grow;
  const gy = v.height * grow;
  const [x0, y0] = screenToBase(v, -gx, -gy);
  const [x1, y1] = screenToBase(v, v.width + gx, v.height + gy);
  const [west, north] = fromBase(Math.max(0, x0), Math.max(0, y0));
  const [east, south] = fromBase(Math.min(WORLD, x1), Math.min(WORLD, y1));
  return [west, south, east, north];
}

/** Cluster radius in tile pixels, at supercluster's 512-pixel tiles. */
export const CLUSTER_RADIUS = 48;
export const CLUSTER_EXTENT = 512;
export const CLUSTER_MAX_ZOOM = 16;

/**
 * The supercluster zoom level whose clusters suit this scale: at zoom z the world is
 * 512·2^z tile pixels, so the level nearest the screen's world width keeps clusters about
 * CLUSTER_RADIUS pixels apart on screen (between 0.7 and 1.4 times that).
 */
export function clusterZoom(k: number): number {
  const z = Math.round(Math.log2((WORLD * k) / CLUSTER_EXTENT));
  return Math.max(0, Math.min(CLUSTER_MAX_ZOOM + 1, z));
}

/** The scale at which a cluster zoom level is drawn, the inverse of clusterZoom. */
export function scaleForZoom(z: number): number {
  return (CLUSTER_EXTENT * 2 ** z) / WORLD;
}
