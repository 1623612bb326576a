import { newId } from '../../../domain/shared/ids.ts';
import { appendAudit } from '../../../store/audit/audit.repository.ts';
import type { Database } from '../../../store/database.ts';
import { replaceCommitmentParties } from '../../../store/monitoring/commitment-parties.repository.ts';
import {
  deadlineColumns,
  findCommitment,
  insertCommitments,
  nextPosition,
} from '../../../store/monitoring/commitments.repository.ts';
import type { Actor } from '../../access/sessions.ts';
import { loadManageableAgreement } from '../agreements/agreement-access.ts';
import { loadAdoptedText } from './adopted-text.ts';
import type { NewCommitment } from './commitment.schema.ts';
import { publishCommitmentChanged } from './commitment-events.ts';
import { checkCommitmentLinks, loadCommitmentContext } from './commitment-inputs.ts';
import { presentCommitmentDetail } from './commitment-presenter.ts';

/**
 * Adds a commitment to an agreement (mediator team), at the end of its list. Its point and
 * sub-item must be of the adopted version, its phase of the agreement, its parties of the process,
 * and an anchor another commitment of the agreement whose chain of anchors does not come back.
 */
export async function createCommitment(
  database: Database,
  actor: Actor,
  processId: string,
  agreementId: string,
  input: NewCommitment,
) {
  const created = await database.db.transaction().execute(async (tx) => {
    const { viewer, agreement, holders } = await loadManageableAgreement(tx, actor, processId, agreementId);
    const text = await loadAdoptedText(tx, agreement.version_id);
    const context = await loadCommitmentContext(tx, processId, agreementId, text);
    const id = newId('cmt');
    const position = await nextPosition(tx, agreementId);
    const { deadline } = checkCommitmentLinks(
      context,
      id,
      { pointId: input.pointId ?? null, subItem: input.subItem ?? null, position },
      { ...input, deadline: input.deadline },
    );
    const now = new Date().toISOString();
    await insertCommitments(tx, [
      {
        id,
        process_id: processId,
        agreement_id: agreementId,
        point_id: input.pointId ?? null,
        sub_item: input.subItem ?? null,
        position,
        title: input.title,
        description: input.description,
        phase_id: input.phaseId ?? null,
        ...(deadline ?? deadlineColumns({ kind: 'none' }, null)),
        target_quantity: input.targetQuantity ?? null,
        target_unit: input.targetUnit ?? null,
        verification_method: input.verificationMethod,
        created_by: actor.user.id,
        created_at: now,
        updated_at: now,
        revision: 1,
      },
    ]);
    await replaceCommitmentParties(tx, id, input.partyIds);
    await appendAudit(tx, {
      processId,
      actorId: actor.user.id,
      action: 'commitment.create',
      subjectType: 'commitment',
      subjectId: id,
      detail: { agreementId, kind: input.deadline.kind, partyIds: input.partyIds },
    });
    const row = await findCommitment(tx, processId, id);
    if (!row) throw new Error('the commitment just added is missing');
    return { commitment: await presentCommitmentDetail(tx, viewer, agreement, row), holders };
  });
  await publishCommitmentChanged(database, {
    processId,
    agreementId,
    commitmentId: created.commitment.id,
    holders: created.holders,
  });
  return created.commitment;
}
