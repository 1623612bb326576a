import { z } from 'zod';
import { ZONE_KINDS } from '../../../domain/monitoring/monitoring-model.ts';

const id = z.string().min(1).max(64);

/** Largest GeoJSON body: a detailed line of contact runs to a few megabytes. */
export const ZONE_BODY_LIMIT = 20 * 1024 * 1024;

/**
 * Zones to import for an agreement: a GeoJSON FeatureCollection, Feature or geometry (as an
 * object, or as the text of a .geojson file). Features may give name, kind and point (the plan
 * point's number) in their properties; `kind` and `pointId` apply to those that do not.
 */
export const zoneImportSchema = z.strictObject({
  geojson: z
    .union([z.string().min(1).max(ZONE_BODY_LIMIT), z.record(z.string(), z.unknown())], {
      message: 'must be a GeoJSON object, or the text of a GeoJSON file',
    })
    .describe('GeoJSON (RFC 7946): Polygon, MultiPolygon, LineString or MultiLineString features'),
  kind: z.enum(ZONE_KINDS).optional().describe('the kind of features whose properties give none'),
  pointId: id.optional().describe('the point of the adopted text the zones belong to'),
});

export type ZoneImport = z.output<typeof zoneImportSchema>;

export const zoneParams = z.strictObject({ processId: id, zoneId: id });
