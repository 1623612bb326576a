import { can } from '../../../domain/access/policies.ts';
import type { Database } from '../../../store/database.ts';
import { listZones as storeListZones } from '../../../store/monitoring/zones.repository.ts';
import type { Actor } from '../../access/sessions.ts';
import { loadReadableAgreement } from '../agreements/agreement-access.ts';
import { presentZone } from './zone-presenter.ts';

/** The zones of an agreement, for everyone who may read the agreement. */
export async function listZones(database: Database, actor: Actor, processId: string, agreementId: string) {
  const { viewer } = await loadReadableAgreement(database.db, actor, processId, agreementId);
  const rows = await storeListZones(database.db, agreementId);
  return { items: rows.map(presentZone), canImport: can(viewer, 'monitoring.import') };
}
