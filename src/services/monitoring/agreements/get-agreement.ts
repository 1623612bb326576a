import type { Database } from '../../../store/database.ts';
import type { Actor } from '../../access/sessions.ts';
import { loadReadableAgreement } from './agreement-access.ts';
import { presentAgreement } from './agreement-presenter.ts';

/** One agreement, if the actor's party holds its adopted version (or the actor is on the mediator team). */
export async function getAgreement(database: Database, actor: Actor, processId: string, agreementId: string) {
  const { agreement } = await loadReadableAgreement(database.db, actor, processId, agreementId);
  return presentAgreement(database.db, agreement);
}
