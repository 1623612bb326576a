/** Response shapes of the zones API, as the zones page and the map read them. */
import type { Geometry } from 'geojson';
import type { ZoneKind } from '../../domain/monitoring/monitoring-model.ts';

export type { ZoneKind };

export interface Zone {
  id: string;
  name: string;
  kind: ZoneKind;
  /** The point of the adopted text the zone belongs to. */
  pointId: string | null;
  geometry: Geometry;
  areaKm2: number | null;
  lengthKm: number | null;
}

export interface ZoneList {
  items: Zone[];
}

export interface ZoneProblem {
  /** 1-based feature number in the file; 0 for the file as a whole. */
  feature: number;
  message: string;
}

export interface ZoneImportResult {
  ok: boolean;
  items: Zone[];
  problems: ZoneProblem[];
}
