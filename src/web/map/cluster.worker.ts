import Supercluster, { type ClusterProperties, type PointFeature } from 'supercluster';
import type { ClusterFilter, ClusterRequest, ClusterResponse } from './cluster-protocol.ts';
import { STRIDE } from './cluster-protocol.ts';
import { CLUSTER_EXTENT, CLUSTER_MAX_ZOOM, CLUSTER_RADIUS } from './map-view.ts';

/**
 * Clusters the map's events off the main thread (supercluster: a k-d tree of greedy clusters per
 * zoom level). Rebuilding the index for 50,000 events when the time slider moves takes a few
 * hundred milliseconds; here that never delays a frame.
 */

interface PointProps {
  i: number;
  c: number;
}
interface ClusterProps {
  /** Events per colour category. */
  a: number[];
}

type Data = Extract<ClusterRequest, { kind: 'load' }>;

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<ClusterRequest>) => void) | null;
  postMessage(message: ClusterResponse, transfer?: Transferable[]): void;
};

let data: Data | null = null;
let index: Supercluster<PointProps, ClusterProps> | null = null;
let filterSeq = 0;

function build(filter: ClusterFilter): number {
  if (data === null) return 0;
  const d = data;
  const k = d.categories;
  const features: PointFeature<PointProps>[] = [];
  for (let i = 0; i < d.lon.length; i++) {
    const t = d.time[i] as number;
    if (t < filter.from || t > filter.to) continue;
    const type = d.type[i] as number;
    if (filter.types[type] !== 1 || filter.statuses[d.status[i] as number] !== 1) continue;
    features.push({
      type: 'Feature',
      properties: { i, c: d.categoryOfType[type] as number },
      geometry: { type: 'Point', coordinates: [d.lon[i] as number, d.lat[i] as number] },
    });
  }
  index = new Supercluster<PointProps, ClusterProps>({
    radius: CLUSTER_RADIUS,
    extent: CLUSTER_EXTENT,
    maxZoom: CLUSTER_MAX_ZOOM,
    map: (p) => {
      const a = new Array<number>(k).fill(0);
      a[p.c] = 1;
      return { a };
    },
    reduce: (acc, p) => {
      for (let j = 0; j < k; j++) (acc.a[j] as number) += p.a[j] as number;
    },
  });
  index.load(features);
  return features.length;
}

function clusters(box: [number, number, number, number], zoom: number): Float64Array {
  if (index === null || data === null) return new Float64Array(0);
  const k = data.categories;
  const found = index.getClusters(box, zoom);
  const out = new Float64Array(found.length * (STRIDE + k));
  found.forEach((f, n) => {
    const o = n * (STRIDE + k);
    const [lon, lat] = f.geometry.coordinates as [number, number];
    out[o] = lon;
    out[o + 1] = lat;
    const p = f.properties as Partial<ClusterProperties> & Partial<PointProps> & Partial<ClusterProps>;
    if (p.cluster) {
      out[o + 2] = p.point_count ?? 0;
      out[o + 3] = p.cluster_id ?? 0;
      out[o + 4] = 1;
      for (let j = 0; j < k; j++) out[o + STRIDE + j] = p.a?.[j] ?? 0;
    } else {
      out[o + 2] = 1;
      out[o + 3] = p.i ?? 0;
      out[o + 4] = 0;
      out[o + STRIDE + (p.c ?? 0)] = 1;
    }
  });
  return out;
}

scope.onmessage = (e) => {
  const m = e.data;
  switch (m.kind) {
    case 'load':
      data = m;
      index = null;
      return;
    case 'filter': {
      const t0 = performance.now();
      const matched = build(m.filter);
      filterSeq = m.seq;
      scope.postMessage({ kind: 'filtered', seq: m.seq, matched, ms: performance.now() - t0 });
      return;
    }
    case 'query': {
      const out = clusters(m.box, m.zoom);
      scope.postMessage({ kind: 'clusters', seq: m.seq, filterSeq, zoom: m.zoom, box: m.box, data: out }, [
        out.buffer,
      ]);
      return;
    }
    case 'expand': {
      let zoom = CLUSTER_MAX_ZOOM + 1;
      try {
        zoom = index?.getClusterExpansionZoom(m.clusterId) ?? zoom;
      } catch {
        // A cluster of an index rebuilt meanwhile: zoom in one step instead.
      }
      scope.postMessage({ kind: 'expanded', seq: m.seq, zoom });
      return;
    }
    case 'leaves': {
      let indexes: number[] = [];
      try {
        const leaves = index?.getLeaves(m.clusterId, m.limit) ?? [];
        indexes = leaves.map((l) => (l.properties as PointProps).i);
      } catch {
        // Gone with a rebuild; the panel says nothing was found.
      }
      scope.postMessage({ kind: 'leaves', seq: m.seq, indexes });
      return;
    }
  }
};
