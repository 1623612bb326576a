import type { LonLatBox } from './map-view.ts';

/** Messages to the clustering worker. */
export type ClusterRequest =
  | {
      kind: 'load';
      lon: Float64Array;
      lat: Float64Array;
      type: Uint16Array;
      time: Float64Array;
      status: Uint8Array;
      /** Colour category of each type, and how many categories there are. */
      categoryOfType: Uint8Array;
      categories: number;
    }
  | { kind: 'filter'; seq: number; filter: ClusterFilter }
  | { kind: 'query'; seq: number; box: LonLatBox; zoom: number }
  | { kind: 'expand'; seq: number; clusterId: number }
  | { kind: 'leaves'; seq: number; clusterId: number; limit: number };

/** Which events are clustered: a time window and the types and statuses switched on. */
export interface ClusterFilter {
  /** Epoch seconds, inclusive. */
  from: number;
  to: number;
  /** 1 for each type index (status index) shown. */
  types: Uint8Array;
  statuses: Uint8Array;
}

/**
 * Clusters and single events in one flat array, STRIDE + categories numbers each: longitude,
 * latitude, count, cluster id (or event index), 1 for a cluster, then the count per colour category.
 */
export const STRIDE = 5;

export type ClusterResponse =
  | { kind: 'filtered'; seq: number; matched: number; ms: number }
  | { kind: 'clusters'; seq: number; filterSeq: number; zoom: number; box: LonLatBox; data: Float64Array }
  | { kind: 'expanded'; seq: number; zoom: number }
  | { kind: 'leaves'; seq: number; indexes: number[] };
