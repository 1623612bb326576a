import { can } from '../../../domain/access/policies.ts';
import { AppError } from '../../../domain/shared/app-error.ts';
import { appendAudit } from '../../../store/audit/audit.repository.ts';
import type { Database } from '../../../store/database.ts';
import { holdersOfAgreements } from '../../../store/monitoring/agreements.repository.ts';
import { findZone, deleteZone as storeDeleteZone } from '../../../store/monitoring/zones.repository.ts';
import { authorize } from '../../access/authorize.ts';
import type { Actor } from '../../access/sessions.ts';
import { loadProcessViewer } from '../../meetings/meeting-access.ts';
import { publishCommitmentChanged } from '../commitments/commitment-events.ts';

/** The same answer for a zone that does not exist and one of an agreement the reader may not read. */
export const zoneNotFound = (id: string) =>
  new AppError('zone.not_found', `zone ${id} does not exist or is not shared with you`);

/** Deletes a zone (the mission, which imports them). */
export async function deleteZone(database: Database, actor: Actor, processId: string, zoneId: string) {
  const deleted = await database.db.transaction().execute(async (tx) => {
    const { viewer } = await loadProcessViewer(tx, actor, processId);
    const zone = await findZone(tx, processId, zoneId);
    if (!zone) throw zoneNotFound(zoneId);
    const holders = (await holdersOfAgreements(tx, [zone.agreement_id])).get(zone.agreement_id) ?? [];
    if (!can(viewer, 'monitoring.read', { releasedTo: holders })) throw zoneNotFound(zoneId);
    authorize(viewer, 'monitoring.import', () => zoneNotFound(zoneId));
    await storeDeleteZone(tx, zoneId);
    await appendAudit(tx, {
      processId,
      actorId: actor.user.id,
      action: 'zone.delete',
      subjectType: 'zone',
      subjectId: zoneId,
      detail: { kind: zone.kind, agreementId: zone.agreement_id },
    });
    return { agreementId: zone.agreement_id, holders };
  });
  await publishCommitmentChanged(database, { processId, commitmentId: null, ...deleted });
}
