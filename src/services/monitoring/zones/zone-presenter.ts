import type { ZoneRow } from '../../../store/monitoring/zones.repository.ts';

/** A zone as the API shows it, its geometry as GeoJSON. */
export function presentZone(z: ZoneRow) {
  return {
    id: z.id,
    agreementId: z.agreement_id,
    name: z.name,
    kind: z.kind,
    pointId: z.point_id,
    geometry: JSON.parse(z.geometry) as unknown,
    areaKm2: z.area_km2,
    lengthKm: z.length_km,
    createdAt: z.created_at,
  };
}
