import { parseZones, type ZoneProblem } from '../../../domain/monitoring/zones/parse-zones.ts';
import { invalid } from '../../../domain/shared/app-error.ts';
import { newId } from '../../../domain/shared/ids.ts';
import { appendAudit } from '../../../store/audit/audit.repository.ts';
import type { Database } from '../../../store/database.ts';
import { insertZones, listZones, type ZoneRow } from '../../../store/monitoring/zones.repository.ts';
import { authorize } from '../../access/authorize.ts';
import type { Actor } from '../../access/sessions.ts';
import { agreementNotFound, loadReadableAgreement } from '../agreements/agreement-access.ts';
import { loadAdoptedText } from '../commitments/adopted-text.ts';
import { publishCommitmentChanged } from '../commitments/commitment-events.ts';
import type { ZoneImport } from './zone.schema.ts';
import { presentZone } from './zone-presenter.ts';

/**
 * Imports zones for an agreement from GeoJSON: every feature is checked (a closed ring, no
 * self-intersection, coordinates on the globe; parse-zones.ts) and measured, then all are
 * written in one transaction, or none when any feature has a problem, each problem naming its
 * feature. A feature's point (its number in the adopted text) ties it to that point.
 */
export async function importZones(
  database: Database,
  actor: Actor,
  processId: string,
  agreementId: string,
  input: ZoneImport,
): Promise<{ ok: boolean; items: ReturnType<typeof presentZone>[]; problems: ZoneProblem[] }> {
  const done = await database.db.transaction().execute(async (tx) => {
    const { viewer, agreement, holders } = await loadReadableAgreement(tx, actor, processId, agreementId);
    authorize(viewer, 'monitoring.import', () => agreementNotFound(agreementId));
    const text = await loadAdoptedText(tx, agreement.version_id);
    if (input.pointId !== undefined && !text.points.some((p) => p.id === input.pointId))
      throw invalid('body.pointId', 'is not a point of the adopted text');
    const parsed = parseZones(input.geojson, { kind: input.kind });
    const byNumber = new Map(text.points.map((p) => [p.number.trim().toLowerCase(), p.id]));
    const problems = [...parsed.problems];
    const rows: ZoneRow[] = [];
    const now = new Date().toISOString();
    // Ordered ids: the zones of one import are listed back in the order of the file's features.
    const batch = newId('zon');
    parsed.items.forEach((item, feature) => {
      const pointId =
        item.pointNumber === null ? (input.pointId ?? null) : byNumber.get(item.pointNumber.toLowerCase());
      if (pointId === undefined) {
        problems.push({
          feature,
          message: `features[${feature}].properties.point: the adopted text has no point ${item.pointNumber}`,
        });
        return;
      }
      rows.push({
        id: `${batch}-${String(feature).padStart(4, '0')}`,
        process_id: processId,
        agreement_id: agreementId,
        point_id: pointId,
        name: item.name,
        kind: item.kind,
        geometry: JSON.stringify(item.geometry),
        area_km2: item.areaKm2,
        length_km: item.lengthKm,
        created_by: actor.user.id,
        created_at: now,
      });
    });
    if (problems.length > 0) return { ok: false, items: [], problems, holders };
    await insertZones(tx, rows);
    await appendAudit(tx, {
      processId,
      actorId: actor.user.id,
      action: 'zone.import',
      subjectType: 'agreement',
      subjectId: agreementId,
      detail: { added: rows.length },
    });
    const ids = new Set(rows.map((r) => r.id));
    const stored = (await listZones(tx, agreementId)).filter((z) => ids.has(z.id));
    return { ok: true, items: stored.map(presentZone), problems: [], holders };
  });
  if (done.ok)
    await publishCommitmentChanged(database, {
      processId,
      agreementId,
      commitmentId: null,
      holders: done.holders,
    });
  return { ok: done.ok, items: done.items, problems: done.problems };
}
