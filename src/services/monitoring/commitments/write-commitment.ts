import type { Database } from '../../../store/database.ts';
import { findCommitment } from '../../../store/monitoring/commitments.repository.ts';
import type { Tx } from '../../../store/transaction.ts';
import type { Actor } from '../../access/sessions.ts';
import { loadWritableCommitment, type ReadableCommitment } from './commitment-access.ts';
import { publishCommitmentChanged } from './commitment-events.ts';
import { type CommitmentDetail, presentCommitmentDetail } from './commitment-presenter.ts';

/**
 * Runs one write on a commitment in a transaction and answers with the commitment as it now reads;
 * those who may read it are told only once the write is committed, so nobody reloads too early.
 * `done` names the write for the (should-not-happen) error when the row is gone afterwards.
 */
export async function writeCommitment(
  database: Database,
  actor: Actor,
  processId: string,
  commitmentId: string,
  write: {
    action: 'agreement.manage' | 'commitment.record';
    done: string;
    apply: (tx: Tx, loaded: ReadableCommitment) => Promise<void>;
  },
): Promise<CommitmentDetail> {
  const written = await database.db.transaction().execute(async (tx) => {
    const loaded = await loadWritableCommitment(tx, actor, processId, commitmentId, write.action);
    await write.apply(tx, loaded);
    const row = await findCommitment(tx, processId, commitmentId);
    if (!row) throw new Error(`the commitment just ${write.done} is missing`);
    return {
      commitment: await presentCommitmentDetail(tx, loaded.viewer, loaded.agreement, row),
      holders: loaded.holders,
      agreementId: loaded.agreement.id,
    };
  });
  await publishCommitmentChanged(database, {
    processId,
    agreementId: written.agreementId,
    commitmentId,
    holders: written.holders,
  });
  return written.commitment;
}
