import { ZONE_STYLES } from '../zones/zone-format.ts';
import type { BaseLevel } from './base-map.ts';
import type { ClusterSet } from './cluster-client.ts';
import { fromBase, type View, WORLD } from './map-view.ts';
import type { ZoneShape } from './zone-layer.ts';

const SEA = '#dfe7ee';
const LAND = '#f6f4ee';
const COAST = '#b9c3cc';
const BORDER = '#b9b3a6';
const LABEL = '#7a808c';

export interface MapScene {
  view: View;
  /** Device pixels per CSS pixel. */
  dpr: number;
  base: BaseLevel;
  zones: readonly ZoneShape[];
  clusters: ClusterSet | null;
  /** Colour of each category. */
  colours: readonly string[];
  /** Base coordinates of the event shown in the side panel. */
  selected: [number, number] | null;
  /** A cross at the centre, when the keyboard drives the map (Enter opens what is under it). */
  crosshair: boolean;
}

/** On-screen radius of a cluster of `count` events (a single event is a dot). */
export function markerRadius(count: number): number {
  return count <= 1 ? 5 : Math.min(34, 10 + 6 * Math.log10(count));
}

/** "7", "1.2k", "48k" */
export function countLabel(n: number): string {
  if (n < 1000) return String(n);
  if (n < 10_000) return `${(n / 1000).toFixed(1).replace(/\.0$/, '')}k`;
  return `${Math.round(n / 1000)}k`;
}

/** Draws one frame: sea, land, borders, names, zones, events, scale. Nothing here projects geometry. */
export function drawMap(ctx: CanvasRenderingContext2D, s: MapScene): void {
  const { view: v, dpr } = s;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = SEA;
  ctx.fillRect(0, 0, v.width, v.height);

  // Base coordinates: one transform for every path.
  ctx.setTransform(dpr * v.k, 0, 0, dpr * v.k, dpr * v.x, dpr * v.y);
  ctx.fillStyle = LAND;
  ctx.fill(s.base.land);
  ctx.lineJoin = 'round';
  ctx.lineWidth = 0.8 / v.k;
  ctx.strokeStyle = COAST;
  ctx.stroke(s.base.land);
  ctx.strokeStyle = BORDER;
  ctx.stroke(s.base.borders);
  drawZones(ctx, s);

  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  drawLabels(ctx, s);
  drawPointZones(ctx, s);
  drawClusters(ctx, s);
  if (s.selected !== null) {
    const [x, y] = s.selected;
    ctx.beginPath();
    ctx.arc(x * v.k + v.x, y * v.k + v.y, 10, 0, 2 * Math.PI);
    ctx.lineWidth = 3;
    ctx.strokeStyle = '#1d2330';
    ctx.stroke();
  }
  if (s.crosshair) drawCrosshair(ctx, v);
  drawScale(ctx, v);
}

function drawZones(ctx: CanvasRenderingContext2D, s: MapScene): void {
  const k = s.view.k;
  for (const z of s.zones) {
    if (z.isPoint) continue;
    const style = ZONE_STYLES[z.zone.kind];
    if (!z.isLine) {
      ctx.fillStyle = style.fill;
      ctx.fill(z.path, 'evenodd');
    }
    ctx.setLineDash(style.dash.map((d) => d / k));
    ctx.lineWidth = (z.isLine ? 3 : 2) / k;
    ctx.strokeStyle = style.stroke;
    ctx.stroke(z.path);
  }
  ctx.setLineDash([]);
}

function drawPointZones(ctx: CanvasRenderingContext2D, s: MapScene): void {
  const v = s.view;
  for (const z of s.zones) {
    if (!z.isPoint) continue;
    const x = ((z.box.minX + z.box.maxX) / 2) * v.k + v.x;
    const y = ((z.box.minY + z.box.maxY) / 2) * v.k + v.y;
    ctx.beginPath();
    ctx.moveTo(x, y - 7);
    ctx.lineTo(x + 7, y);
    ctx.lineTo(x, y + 7);
    ctx.lineTo(x - 7, y);
    ctx.closePath();
    ctx.fillStyle = ZONE_STYLES[z.zone.kind].stroke;
    ctx.fill();
  }
}

/** Country names large enough on screen for their name, without overlaps (a coarse grid of taken cells). */
function drawLabels(ctx: CanvasRenderingContext2D, s: MapScene): void {
  const v = s.view;
  const worldPx = WORLD * v.k;
  if (worldPx < 1400) return;
  // Steradians to square screen pixels near the equator.
  const pxPerSr = (worldPx / (2 * Math.PI)) ** 2;
  ctx.font = '11px system-ui, sans-serif';
  ctx.fillStyle = LABEL;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  const taken = new Set<string>();
  let drawn = 0;
  for (const l of s.base.labels) {
    if (l.area * pxPerSr < 9000) break;
    const x = l.x * v.k + v.x;
    const y = l.y * v.k + v.y;
    if (x < -50 || y < -20 || x > v.width + 50 || y > v.height + 20) continue;
    const cell = `${Math.floor(x / 120)}:${Math.floor(y / 28)}`;
    if (taken.has(cell)) continue;
    taken.add(cell);
    ctx.fillText(l.name, x, y);
    if (++drawn >= 60) break;
  }
}

function drawClusters(ctx: CanvasRenderingContext2D, s: MapScene): void {
  const c = s.clusters;
  if (c === null) return;
  const v = s.view;
  ctx.font = '600 11px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.lineWidth = 1.5;
  for (let n = 0; n < c.length; n++) {
    const x = (c.bx[n] as number) * v.k + v.x;
    const y = (c.by[n] as number) * v.k + v.y;
    const o = n * c.stride;
    const count = c.data[o + 2] as number;
    const r = markerRadius(count);
    if (x < -r || y < -r || x > v.width + r || y > v.height + r) continue;
    if (count <= 1) {
      let cat = 0;
      for (let j = 0; j < c.categories; j++) if ((c.data[o + 5 + j] as number) > 0) cat = j;
      ctx.beginPath();
      ctx.arc(x, y, r, 0, 2 * Math.PI);
      ctx.fillStyle = s.colours[cat] ?? '#888';
      ctx.fill();
      ctx.strokeStyle = '#ffffff';
      ctx.stroke();
      continue;
    }
    // A ring of slices, one per colour, in proportion to the events of each type.
    let angle = -Math.PI / 2;
    for (let j = 0; j < c.categories; j++) {
      const part = c.data[o + 5 + j] as number;
      if (part <= 0) continue;
      const next = angle + (2 * Math.PI * part) / count;
      ctx.beginPath();
      ctx.moveTo(x, y);
      ctx.arc(x, y, r, angle, next);
      ctx.closePath();
      ctx.fillStyle = s.colours[j] ?? '#888';
      ctx.fill();
      angle = next;
    }
    ctx.beginPath();
    ctx.arc(x, y, r * 0.62, 0, 2 * Math.PI);
    ctx.fillStyle = '#ffffff';
    ctx.fill();
    ctx.fillStyle = '#1d2330';
    ctx.fillText(countLabel(count), x, y + 0.5);
  }
}

function drawCrosshair(ctx: CanvasRenderingContext2D, v: View): void {
  const x = v.width / 2;
  const y = v.height / 2;
  ctx.strokeStyle = '#1d2330';
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  ctx.moveTo(x - 12, y);
  ctx.lineTo(x - 4, y);
  ctx.moveTo(x + 4, y);
  ctx.lineTo(x + 12, y);
  ctx.moveTo(x, y - 12);
  ctx.lineTo(x, y - 4);
  ctx.moveTo(x, y + 4);
  ctx.lineTo(x, y + 12);
  ctx.stroke();
}

const EARTH_KM = 40_075.017;

/** A scale bar for the centre's latitude: 1, 2 or 5 × 10ⁿ km, about a hundred pixels long. */
function drawScale(ctx: CanvasRenderingContext2D, v: View): void {
  const [, lat] = fromBase((v.width / 2 - v.x) / v.k, (v.height / 2 - v.y) / v.k);
  const kmPerPx = (EARTH_KM * Math.cos((lat * Math.PI) / 180)) / (WORLD * v.k);
  const target = kmPerPx * 110;
  const p = 10 ** Math.floor(Math.log10(target));
  const nice = [5, 2, 1].map((m) => m * p).find((d) => d <= target) ?? p;
  const px = nice / kmPerPx;
  const x = 12;
  const y = v.height - 16;
  ctx.fillStyle = 'rgba(255, 255, 255, 0.8)';
  ctx.fillRect(x - 6, y - 18, px + 12, 26);
  ctx.strokeStyle = '#1d2330';
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  ctx.moveTo(x, y - 4);
  ctx.lineTo(x, y);
  ctx.lineTo(x + px, y);
  ctx.lineTo(x + px, y - 4);
  ctx.stroke();
  ctx.font = '11px system-ui, sans-serif';
  ctx.fillStyle = '#1d2330';
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  ctx.fillText(nice >= 1 ? `${nice.toLocaleString()} km` : `${Math.round(nice * 1000)} m`, x, y - 7);
}
