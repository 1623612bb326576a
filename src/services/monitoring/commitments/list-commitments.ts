import { can } from '../../../domain/access/policies.ts';
import type { Database } from '../../../store/database.ts';
import type { Actor } from '../../access/sessions.ts';
import { loadReadableAgreement } from '../agreements/agreement-access.ts';
import { presentCommitmentList } from './commitment-presenter.ts';

/** The commitments of an agreement with their state as of a moment (default now), for a reader of it. */
export async function listCommitments(
  database: Database,
  actor: Actor,
  processId: string,
  agreementId: string,
  asOf: string | undefined,
) {
  const { viewer, agreement } = await loadReadableAgreement(database.db, actor, processId, agreementId);
  const list = await presentCommitmentList(database.db, agreement, asOf ?? new Date().toISOString());
  return { ...list, canManage: can(viewer, 'agreement.manage'), canRecord: can(viewer, 'commitment.record') };
}
