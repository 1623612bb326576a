import { buildMonitoringSnapshot } from '../../../domain/monitoring/build-monitoring-snapshot.ts';
import type { MonitoringSnapshot } from '../../../domain/monitoring/monitoring-snapshot.ts';
import type { Database } from '../../../store/database.ts';
import type { Actor } from '../../access/sessions.ts';
import { loadReadableAgreement } from '../agreements/agreement-access.ts';
import { loadMonitoringInput } from './load-monitoring-snapshot.ts';
import type { StatusQuery } from './status.schema.ts';

/** The dashboard of an agreement as of a moment (default now), for a reader who may read it. */
export async function getMonitoringStatus(
  database: Database,
  actor: Actor,
  processId: string,
  agreementId: string,
  query: StatusQuery,
): Promise<MonitoringSnapshot> {
  const { agreement } = await loadReadableAgreement(database.db, actor, processId, agreementId);
  const asOf = query.asOf ?? new Date().toISOString();
  return buildMonitoringSnapshot(
    await loadMonitoringInput(database.db, agreement, asOf, { dueWithinHours: query.dueWithinHours }),
  );
}
