import { BaseMap } from './base-map.ts';
import { ClusterClient } from './cluster-client.ts';
import type { ClusterFilter } from './cluster-protocol.ts';
import { drawMap, markerRadius } from './draw-map.ts';
import { type MapPoints, pointsBox } from './map-data.ts';
import { attachMapInput } from './map-input.ts';
import {
  CLUSTER_MAX_ZOOM,
  clampView,
  clusterZoom,
  fitBox,
  fromBase,
  type LonLatBox,
  panBy,
  resize,
  scaleForZoom,
  screenToBase,
  toBase,
  type View,
  visibleBox,
  worldView,
  zoomAt,
} from './map-view.ts';
import type { ZoneShape } from './zone-layer.ts';
import { zonesBox } from './zone-layer.ts';

export type MapSelection =
  | { kind: 'event'; index: number }
  | { kind: 'events'; indexes: number[]; count: number; lon: number; lat: number };

export interface MapCallbacks {
  onSelect: (selection: MapSelection | null) => void;
  /** When given, a click picks a place instead (the report form's coordinate picker). */
  onPick?: (lon: number, lat: number) => void;
  /** The worker finished clustering (or started again): events matched, and whether it is still busy. */
  onClusters: (matched: number | null, busy: boolean) => void;
}

const ANIMATION_MS = 280;
const LEAVES_SHOWN = 50;

/**
 * The map's engine, outside React: it owns the canvas, the view and the clustering worker, and
 * draws at most once per animation frame however many inputs arrive (pointer moves, wheel
 * ticks, slider steps). React hands it data and filters; it hands back selections.
 */
export class MapController {
  private readonly ctx: CanvasRenderingContext2D;
  private readonly base = new BaseMap();
  private readonly clusters: ClusterClient;
  private view: View;
  private points: MapPoints | null = null;
  private zones: readonly ZoneShape[] = [];
  private colours: readonly string[] = [];
  private selected: number | null = null;
  private marker: [number, number] | null = null;
  private frame = 0;
  private lastQuery: { zoom: number; box: LonLatBox } | null = null;
  private animation: { from: View; to: View; start: number } | null = null;
  private crosshair = false;
  private readonly cleanup: (() => void)[] = [];

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly callbacks: MapCallbacks,
  ) {
    const ctx = canvas.getContext('2d', { alpha: false });
    if (ctx === null) throw new Error('no 2D canvas');
    this.ctx = ctx;
    const { width, height } = this.cssSize();
    this.view = worldView(width, height);
    this.clusters = new ClusterClient(() => {
      this.callbacks.onClusters(this.clusters.matched, this.clusters.busy);
      // For tests and the benchmark: whether clustering is settled, and what the last rebuild cost.
      canvas.dataset.busy = String(this.clusters.busy);
      canvas.dataset.clusterMs = this.clusters.lastBuildMs.toFixed(0);
      this.invalidate();
    });
    this.listen();
    this.resize();
  }

  setData(points: MapPoints, categoryOfType: Uint8Array, colours: readonly string[]): void {
    const first = this.points === null;
    this.points = points;
    this.colours = colours;
    this.clusters.load(points, categoryOfType, colours.length);
    this.lastQuery = null;
    // Fitted when the data first arrives; a live update keeps the reader's view.
    if (first) this.fit(false);
  }

  setFilter(filter: ClusterFilter): void {
    this.clusters.setFilter(filter);
    this.canvas.dataset.busy = 'true';
  }

  setZones(zones: readonly ZoneShape[]): void {
    const hadNone = this.zones.length === 0;
    this.zones = zones;
    // With no events to fit, zones give the map its place.
    if (hadNone && (this.points === null || this.points.count === 0)) this.fit(false);
    this.invalidate();
  }

  setSelected(index: number | null): void {
    this.selected = index;
    this.invalidate();
  }

  /** A picked place, marked on the map and centred on when `centre` is set. */
  setMarker(lon: number | null, lat: number | null, centre = false): void {
    this.marker = lon === null || lat === null ? null : toBase(lon, lat);
    if (centre && lon !== null && lat !== null) this.lookAt(lon, lat);
    this.invalidate();
  }

  /** Centres on a place, at about a region's scale (a few hundred kilometres across). */
  lookAt(lon: number, lat: number): void {
    const k = Math.max(this.view.k, scaleForZoom(7));
    const [x, y] = toBase(lon, lat);
    this.view = clampView({
      ...this.view,
      k,
      x: this.view.width / 2 - x * k,
      y: this.view.height / 2 - y * k,
    });
    this.invalidate();
  }

  /** Centres on one event, close enough to see it apart from its neighbours. */
  focusEvent(index: number): void {
    const p = this.points;
    if (p === null || index < 0 || index >= p.count) return;
    const k = Math.max(this.view.k, scaleForZoom(9));
    const x = p.bx[index] as number;
    const y = p.by[index] as number;
    this.animateTo({ ...this.view, k, x: this.view.width / 2 - x * k, y: this.view.height / 2 - y * k });
    this.setSelected(index);
  }

  /** Fits the view to the events (else the zones, else the world). */
  fit(animate = true): void {
    const { width, height } = this.view;
    const box = (this.points && pointsBox(this.points)) ?? zonesBox(this.zones);
    const target = box === null ? worldView(width, height) : fitBox(box, width, height, 48);
    if (animate) this.animateTo(target);
    else {
      this.view = target;
      this.invalidate();
    }
  }

  zoomBy(factor: number): void {
    this.animateTo(zoomAt(this.view, factor, this.view.width / 2, this.view.height / 2));
  }

  dispose(): void {
    cancelAnimationFrame(this.frame);
    for (const c of this.cleanup) c();
    this.clusters.dispose();
  }

  /** Schedules one draw for the next animation frame; calling it again before then costs nothing. */
  invalidate(): void {
    if (this.frame !== 0) return;
    this.frame = requestAnimationFrame((t) => {
      this.frame = 0;
      this.draw(t);
    });
  }

  private draw(now: number): void {
    if (this.animation !== null) {
      const { from, to, start } = this.animation;
      const t = Math.min(1, (now - start) / ANIMATION_MS);
      const e = t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2;
      // Scale moves geometrically, so a big zoom does not rush through the first levels.
      const k = from.k * (to.k / from.k) ** e;
      const cx = lerp((from.width / 2 - from.x) / from.k, (to.width / 2 - to.x) / to.k, e);
      const cy = lerp((from.height / 2 - from.y) / from.k, (to.height / 2 - to.y) / to.k, e);
      this.view = { ...to, k, x: to.width / 2 - cx * k, y: to.height / 2 - cy * k };
      if (t >= 1) {
        this.view = to;
        this.animation = null;
      } else this.invalidate();
    }
    this.requestClusters();
    const p = this.points;
    const dpr = Math.min(2, window.devicePixelRatio || 1);
    drawMap(this.ctx, {
      view: this.view,
      dpr,
      base: this.base.level(this.view.k, () => this.invalidate()),
      zones: this.zones,
      clusters: this.clusters.current,
      colours: this.colours,
      selected:
        this.selected !== null && p !== null
          ? [p.bx[this.selected] as number, p.by[this.selected] as number]
          : this.marker,
      crosshair: this.crosshair,
    });
    // The finer base map is built while the reader looks at the first frame, before they zoom.
    this.base.requestFine(() => this.invalidate());
    if (this.clusters.current !== null && this.base.fineReady) this.canvas.dataset.state = 'ready';
  }

  /** Asks the worker for clusters when the zoom level changed or the view left the area last fetched. */
  private requestClusters(): void {
    if (this.points === null) return;
    const zoom = clusterZoom(this.view.k);
    const [w, s, e, n] = visibleBox(this.view, 0);
    const q = this.lastQuery;
    if (q !== null && q.zoom === zoom && w >= q.box[0] && s >= q.box[1] && e <= q.box[2] && n <= q.box[3])
      return;
    const box = visibleBox(this.view, 0.5);
    this.lastQuery = { zoom, box };
    this.clusters.query(box, zoom);
  }

  private animateTo(to: View): void {
    this.animation = { from: this.view, to, start: performance.now() };
    this.invalidate();
  }

  private setView(v: View): void {
    this.animation = null;
    this.view = v;
    this.invalidate();
  }

  private cssSize(): { width: number; height: number } {
    const r = this.canvas.getBoundingClientRect();
    return { width: Math.max(1, Math.round(r.width)), height: Math.max(1, Math.round(r.height)) };
  }

  private resize(): void {
    const { width, height } = this.cssSize();
    const dpr = Math.min(2, window.devicePixelRatio || 1);
    this.canvas.width = Math.round(width * dpr);
    this.canvas.height = Math.round(height * dpr);
    this.view = resize(this.view, width, height);
    this.invalidate();
  }

  /** The cluster or event drawn under a screen point, the top-most first. */
  private hit(sx: number, sy: number, slack = 3): number | null {
    const c = this.clusters.current;
    if (c === null) return null;
    const v = this.view;
    for (let n = c.length - 1; n >= 0; n--) {
      const x = (c.bx[n] as number) * v.k + v.x;
      const y = (c.by[n] as number) * v.k + v.y;
      const r = markerRadius(c.data[n * c.stride + 2] as number) + slack;
      if ((x - sx) ** 2 + (y - sy) ** 2 <= r * r) return n;
    }
    return null;
  }

  private activate(sx: number, sy: number, slack = 3): void {
    if (this.callbacks.onPick !== undefined) {
      const [lon, lat] = fromBase(...screenToBase(this.view, sx, sy));
      this.callbacks.onPick(lon, lat);
      return;
    }
    const c = this.clusters.current;
    const n = this.hit(sx, sy, slack);
    if (c === null || n === null) {
      this.callbacks.onSelect(null);
      return;
    }
    const o = n * c.stride;
    const id = c.data[o + 3] as number;
    if (c.data[o + 4] !== 1) {
      this.callbacks.onSelect({ kind: 'event', index: id });
      return;
    }
    const lon = c.data[o] as number;
    const lat = c.data[o + 1] as number;
    const count = c.data[o + 2] as number;
    const bx = c.bx[n] as number;
    const by = c.by[n] as number;
    void this.clusters.expansionZoom(id).then((zoom) => {
      if (zoom > CLUSTER_MAX_ZOOM || clusterZoom(this.view.k) >= CLUSTER_MAX_ZOOM) {
        // Events at one place (or too close to split): list them instead.
        void this.clusters
          .leaves(id, LEAVES_SHOWN)
          .then((indexes) => this.callbacks.onSelect({ kind: 'events', indexes, count, lon, lat }));
        return;
      }
      const k = Math.max(this.view.k * 1.5, scaleForZoom(zoom));
      this.animateTo({ ...this.view, k, x: this.view.width / 2 - bx * k, y: this.view.height / 2 - by * k });
    });
  }

  private listen(): void {
    this.cleanup.push(
      attachMapInput(this.canvas, {
        pan: (dx, dy) => this.setView(panBy(this.view, dx, dy)),
        zoomAround: (factor, x, y, animate) => {
          const to = zoomAt(this.view, factor, x, y);
          if (animate) this.animateTo(to);
          else this.setView(to);
        },
        zoomBy: (factor) => this.zoomBy(factor),
        fit: () => this.fit(),
        activate: (x, y, slack) => this.activate(x, y, slack),
        isOverItem: (x, y) => this.hit(x, y) !== null,
        setCrosshair: (on) => {
          this.crosshair = on;
          this.invalidate();
        },
        centre: () => [this.view.width / 2, this.view.height / 2],
      }),
    );
    const observer = new ResizeObserver(() => this.resize());
    observer.observe(this.canvas);
    this.cleanup.push(() => observer.disconnect());
  }
}

const lerp = (a: number, b: number, t: number) => a + (b - a) * t;
