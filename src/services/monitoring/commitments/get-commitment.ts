import { can } from '../../../domain/access/policies.ts';
import type { Database } from '../../../store/database.ts';
import type { Actor } from '../../access/sessions.ts';
import { loadReadableCommitment } from './commitment-access.ts';
import { presentCommitmentDetail } from './commitment-presenter.ts';

/** One commitment in full, if the actor may read its agreement, with what they may do to it. */
export async function getCommitment(
  database: Database,
  actor: Actor,
  processId: string,
  commitmentId: string,
) {
  const { viewer, commitment, agreement } = await loadReadableCommitment(
    database.db,
    actor,
    processId,
    commitmentId,
  );
  return {
    commitment: await presentCommitmentDetail(database.db, viewer, agreement, commitment),
    canManage: can(viewer, 'agreement.manage'),
    canRecord: can(viewer, 'commitment.record'),
  };
}
