import type { ClusterFilter, ClusterRequest, ClusterResponse } from './cluster-protocol.ts';
import { STRIDE } from './cluster-protocol.ts';
import type { MapPoints } from './map-data.ts';
import { type LonLatBox, toBase } from './map-view.ts';

/** The clusters for one view, with their base coordinates worked out once. */
export interface ClusterSet {
  zoom: number;
  box: LonLatBox;
  /** The worker's flat array (see STRIDE). */
  data: Float64Array;
  stride: number;
  categories: number;
  bx: Float64Array;
  by: Float64Array;
  length: number;
}

/**
 * Talks to the clustering worker. A filter change while the index is still being rebuilt waits
 * and only the newest is sent (dragging the time slider gives dozens a second); answers to
 * queries older than one already shown are dropped.
 */
export class ClusterClient {
  private readonly worker: Worker;
  private seq = 0;
  private filterInFlight = false;
  private pendingFilter: ClusterFilter | null = null;
  private lastQuery: { box: LonLatBox; zoom: number } | null = null;
  private shownSeq = 0;
  private categories = 1;
  private waiters = new Map<number, (m: ClusterResponse) => void>();
  current: ClusterSet | null = null;
  /** Events that pass the current filter, once the worker has counted them. */
  matched: number | null = null;
  /** True while the worker rebuilds the index for a new filter. */
  busy = false;
  /** How long the last rebuild took in the worker, in milliseconds. */
  lastBuildMs = 0;

  constructor(private readonly onChange: () => void) {
    this.worker = new Worker(new URL('./cluster.worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (e: MessageEvent<ClusterResponse>) => this.receive(e.data);
  }

  load(points: MapPoints, categoryOfType: Uint8Array, categories: number): void {
    this.categories = categories;
    const message: ClusterRequest = {
      kind: 'load',
      lon: points.lon,
      lat: points.lat,
      type: points.type,
      time: points.time,
      status: points.status,
      categoryOfType,
      categories,
    };
    this.worker.postMessage(message);
  }

  setFilter(filter: ClusterFilter): void {
    if (this.filterInFlight) {
      this.pendingFilter = filter;
      return;
    }
    this.filterInFlight = true;
    this.busy = true;
    this.worker.postMessage({ kind: 'filter', seq: ++this.seq, filter } satisfies ClusterRequest);
  }

  query(box: LonLatBox, zoom: number): void {
    this.lastQuery = { box, zoom };
    this.worker.postMessage({ kind: 'query', seq: ++this.seq, box, zoom } satisfies ClusterRequest);
  }

  /** The zoom level at which a cluster falls apart. */
  expansionZoom(clusterId: number): Promise<number> {
    return this.ask({ kind: 'expand', seq: ++this.seq, clusterId }).then((m) =>
      m.kind === 'expanded' ? m.zoom : 0,
    );
  }

  /** Up to `limit` of a cluster's events (their indexes in the map data). */
  leaves(clusterId: number, limit: number): Promise<number[]> {
    return this.ask({ kind: 'leaves', seq: ++this.seq, clusterId, limit }).then((m) =>
      m.kind === 'leaves' ? m.indexes : [],
    );
  }

  dispose(): void {
    this.worker.terminate();
    this.waiters.clear();
  }

  private ask(message: Extract<ClusterRequest, { seq: number }>): Promise<ClusterResponse> {
    return new Promise((resolve) => {
      this.waiters.set(message.seq, resolve);
      this.worker.postMessage(message);
    });
  }

  private receive(m: ClusterResponse): void {
    const waiter = this.waiters.get(m.seq);
    if (waiter !== undefined) {
      this.waiters.delete(m.seq);
      waiter(m);
      return;
    }
    if (m.kind === 'filtered') {
      this.matched = m.matched;
      this.lastBuildMs = m.ms;
      this.filterInFlight = false;
      const next = this.pendingFilter;
      this.pendingFilter = null;
      if (next !== null) this.setFilter(next);
      else this.busy = false;
      // The clusters on screen belong to the old filter: ask again for the same view.
      if (this.lastQuery !== null) this.query(this.lastQuery.box, this.lastQuery.zoom);
      this.onChange();
      return;
    }
    if (m.kind === 'clusters') {
      if (m.seq < this.shownSeq) return;
      this.shownSeq = m.seq;
      this.current = withBase(m.data, m.zoom, m.box, this.categories);
      this.onChange();
    }
  }
}

function withBase(data: Float64Array, zoom: number, box: LonLatBox, categories: number): ClusterSet {
  const stride = STRIDE + categories;
  const length = Math.floor(data.length / stride);
  const bx = new Float64Array(length);
  const by = new Float64Array(length);
  for (let n = 0; n < length; n++) {
    const [x, y] = toBase(data[n * stride] as number, data[n * stride + 1] as number);
    bx[n] = x;
    by[n] = y;
  }
  return { zoom, box, data, stride, categories, bx, by, length };
}
