import { AppError } from '../../../domain/shared/app-error.ts';
import { appendAudit } from '../../../store/audit/audit.repository.ts';
import type { Database } from '../../../store/database.ts';
import {
  listDependents,
  deleteCommitment as storeDeleteCommitment,
} from '../../../store/monitoring/commitments.repository.ts';
import type { Actor } from '../../access/sessions.ts';
import { loadWritableCommitment } from './commitment-access.ts';
import { publishCommitmentChanged } from './commitment-events.ts';

/**
 * Removes a commitment with its progress, scores and links (mediator team). A commitment whose
 * completion starts another's clock is kept until that other deadline is changed: removing it
 * would leave the other waiting for ever.
 */
export async function deleteCommitment(
  database: Database,
  actor: Actor,
  processId: string,
  commitmentId: string,
) {
  const deleted = await database.db.transaction().execute(async (tx) => {
    const { commitment, agreement, holders } = await loadWritableCommitment(
      tx,
      actor,
      processId,
      commitmentId,
      'agreement.manage',
    );
    const dependents = await listDependents(tx, commitmentId);
    if (dependents.length > 0)
      throw new AppError(
        'conflict',
        `commitment #${commitment.position} starts the clock of ${dependents.length === 1 ? 'another commitment' : `${dependents.length} others`}: change their deadlines first`,
        { extra: { dependentIds: dependents.map((d) => d.id) } },
      );
    await storeDeleteCommitment(tx, commitmentId);
    await appendAudit(tx, {
      processId,
      actorId: actor.user.id,
      action: 'commitment.delete',
      subjectType: 'commitment',
      subjectId: commitmentId,
      detail: { agreementId: agreement.id },
    });
    return { agreementId: agreement.id, holders };
  });
  await publishCommitmentChanged(database, {
    processId,
    agreementId: deleted.agreementId,
    commitmentId,
    holders: deleted.holders,
  });
}
