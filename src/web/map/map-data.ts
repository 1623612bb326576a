import type { EventStatus } from '../../domain/monitoring/monitoring-model.ts';
import { toBase } from './map-view.ts';

/** GET …/event-reports/map: id, lon, lat, index into `types`, epoch seconds, index into `statuses`. */
export interface MapResponse {
  types: string[];
  statuses: EventStatus[];
  events: [string, number, number, number, number, number][];
}

/** The located events as columns: typed arrays the worker and the hit test read without objects. */
export interface MapPoints {
  count: number;
  ids: string[];
  lon: Float64Array;
  lat: Float64Array;
  /** Base (Mercator) coordinates, for the fit and for drawing single points. */
  bx: Float64Array;
  by: Float64Array;
  type: Uint16Array;
  /** Epoch seconds. */
  time: Float64Array;
  status: Uint8Array;
  types: string[];
  statuses: EventStatus[];
  /** Epoch seconds of the earliest and latest event (0 and 0 when there are none). */
  minTime: number;
  maxTime: number;
}

/** Turns the compact rows into columns, once, when the data arrives. */
export function decodeMapEvents(res: MapResponse): MapPoints {
  const n = res.events.length;
  const points: MapPoints = {
    count: n,
    ids: new Array<string>(n),
    lon: new Float64Array(n),
    lat: new Float64Array(n),
    bx: new Float64Array(n),
    by: new Float64Array(n),
    type: new Uint16Array(n),
    time: new Float64Array(n),
    status: new Uint8Array(n),
    types: res.types,
    statuses: res.statuses,
    minTime: 0,
    maxTime: 0,
  };
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const row = res.events[i] as MapResponse['events'][number];
    const [id, lon, lat, type, time, status] = row;
    points.ids[i] = id;
    points.lon[i] = lon;
    points.lat[i] = lat;
    const [x, y] = toBase(lon, lat);
    points.bx[i] = x;
    points.by[i] = y;
    points.type[i] = type;
    points.time[i] = time;
    points.status[i] = status;
    if (time < min) min = time;
    if (time > max) max = time;
  }
  if (n > 0) {
    points.minTime = min;
    points.maxTime = max;
  }
  return points;
}

/**
 * The base-coordinate box the map fits to: around all events, or, with more than 50, around
 * the 2.5th to 97.5th percentile in each direction, so that a few mislocated or far-off reports do not
 * shrink the theatre to a dot. Null when there are none.
 */
export function pointsBox(p: MapPoints): { minX: number; minY: number; maxX: number; maxY: number } | null {
  if (p.count === 0) return null;
  const xs = Float64Array.from(p.bx).sort();
  const ys = Float64Array.from(p.by).sort();
  const cut = p.count > 50 ? Math.floor(p.count * 0.025) : 0;
  const at = (a: Float64Array, i: number) => a[Math.min(a.length - 1, Math.max(0, i))] as number;
  return {
    minX: at(xs, cut),
    maxX: at(xs, p.count - 1 - cut),
    minY: at(ys, cut),
    maxY: at(ys, p.count - 1 - cut),
  };
}
