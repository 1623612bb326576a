import { newId } from '../../../src/domain/shared/ids.ts';
import { insertZones } from '../../../src/store/monitoring/zones.repository.ts';
import { type MatrixFixture, next, type Sample, userIdOf } from '../authorization-cases.ts';
import { matrixAgreement } from './agreements.ts';

/** A square of 0.1° around a point of the matrix's region, named afresh at each request. */
export function matrixZoneGeoJson() {
  const n = next();
  return {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { name: `Matrix buffer ${n}`, kind: 'buffer_zone' },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [37.0, 48.0],
              [37.1, 48.0],
              [37.1, 48.1],
              [37.0, 48.1],
              [37.0, 48.0],
            ],
          ],
        },
      },
    ],
  };
}

/**
 * Zones are imported and deleted by the mission whatever the version (monitoring.import): those
 * samples use the agreement on Draft 2, which the monitors' party holds; reading them follows the
 * agreement, on both versions.
 */
const released = { version: 'released' } as const;

async function writeZone(fx: MatrixFixture): Promise<string> {
  const id = newId('zon');
  await insertZones(fx.ctx.database.db, [
    {
      id,
      process_id: fx.processId,
      agreement_id: await matrixAgreement(fx, released),
      point_id: null,
      name: `Matrix zone ${next()}`,
      kind: 'other',
      geometry: JSON.stringify(matrixZoneGeoJson().features[0]?.geometry),
      area_km2: 82.7,
      length_km: null,
      created_by: await userIdOf(fx, 'envoy@envoy.example'),
      created_at: new Date().toISOString(),
    },
  ]);
  return id;
}

export const ZONES_SAMPLES: Record<string, Sample> = {
  'GET /api/v1/processes/:processId/agreements/:agreementId/zones': async (fx, c) => ({
    method: 'GET',
    url: `/api/v1/processes/${fx.processId}/agreements/${await matrixAgreement(fx, c)}/zones`,
  }),
  'POST /api/v1/processes/:processId/agreements/:agreementId/zones': async (fx) => ({
    method: 'POST',
    url: `/api/v1/processes/${fx.processId}/agreements/${await matrixAgreement(fx, released)}/zones`,
    payload: { geojson: matrixZoneGeoJson() },
  }),
  'DELETE /api/v1/processes/:processId/zones/:zoneId': async (fx) => ({
    method: 'DELETE',
    url: `/api/v1/processes/${fx.processId}/zones/${await writeZone(fx)}`,
  }),
};
