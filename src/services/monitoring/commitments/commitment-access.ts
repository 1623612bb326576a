import { can, type Viewer } from '../../../domain/access/policies.ts';
import { AppError } from '../../../domain/shared/app-error.ts';
import {
  type AgreementSummaryRow,
  findAgreement,
  holdersOfAgreements,
} from '../../../store/monitoring/agreements.repository.ts';
import { type CommitmentRow, findCommitment } from '../../../store/monitoring/commitments.repository.ts';
import type { Tx } from '../../../store/transaction.ts';
import { authorize } from '../../access/authorize.ts';
import type { Actor } from '../../access/sessions.ts';
import { loadProcessViewer } from '../../meetings/meeting-access.ts';

/** The same answer for a commitment that does not exist and one of an agreement the reader may not read. */
export const commitmentNotFound = (id: string) =>
  new AppError('commitment.not_found', `commitment ${id} does not exist or is not shared with you`);

export interface ReadableCommitment {
  viewer: Viewer;
  commitment: CommitmentRow;
  agreement: AgreementSummaryRow;
  holders: string[];
}

/**
 * Loads a commitment the actor may read: one of an agreement on a version their party holds (any,
 * for the mediator team). Any other is "not found", like one that does not exist.
 */
export async function loadReadableCommitment(
  tx: Tx,
  actor: Actor,
  processId: string,
  commitmentId: string,
): Promise<ReadableCommitment> {
  const { viewer } = await loadProcessViewer(tx, actor, processId);
  const commitment = await findCommitment(tx, processId, commitmentId);
  if (!commitment) throw commitmentNotFound(commitmentId);
  const agreement = await findAgreement(tx, processId, commitment.agreement_id);
  if (!agreement) throw commitmentNotFound(commitmentId);
  const holders = (await holdersOfAgreements(tx, [agreement.id])).get(agreement.id) ?? [];
  if (!can(viewer, 'monitoring.read', { releasedTo: holders })) throw commitmentNotFound(commitmentId);
  return { viewer, commitment, agreement, holders };
}

/**
 * Loads a commitment for a write: `agreement.manage` to change its terms (mediator team),
 * `commitment.record` to record progress and scores (monitors and the mediator team).
 */
export async function loadWritableCommitment(
  tx: Tx,
  actor: Actor,
  processId: string,
  commitmentId: string,
  action: 'agreement.manage' | 'commitment.record',
): Promise<ReadableCommitment> {
  const loaded = await loadReadableCommitment(tx, actor, processId, commitmentId);
  authorize(loaded.viewer, action, () => commitmentNotFound(commitmentId));
  return loaded;
}
