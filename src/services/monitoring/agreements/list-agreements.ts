import { can } from '../../../domain/access/policies.ts';
import type { Database } from '../../../store/database.ts';
import type { Actor } from '../../access/sessions.ts';
import { loadProcessViewer } from '../../meetings/meeting-access.ts';
import { readableAgreements } from './agreement-access.ts';
import { presentAgreements } from './agreement-presenter.ts';

/**
 * The agreements of a process the actor may read (those on versions their party holds; all of
 * them for the mediator team), with whether they may adopt more.
 */
export async function listAgreements(database: Database, actor: Actor, processId: string) {
  const { viewer } = await loadProcessViewer(database.db, actor, processId);
  const rows = await readableAgreements(database.db, viewer, processId);
  return { items: await presentAgreements(database.db, rows), canManage: can(viewer, 'agreement.manage') };
}
