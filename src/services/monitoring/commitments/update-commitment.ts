import { appendAudit } from '../../../store/audit/audit.repository.ts';
import type { Database } from '../../../store/database.ts';
import { replaceCommitmentParties } from '../../../store/monitoring/commitment-parties.repository.ts';
import { updateCommitment as storeCommitmentChanges } from '../../../store/monitoring/commitments.repository.ts';
import type { Actor } from '../../access/sessions.ts';
import { changedMeanwhile } from '../agreements/update-agreement.ts';
import { loadAdoptedText } from './adopted-text.ts';
import type { CommitmentChanges } from './commitment.schema.ts';
import { checkCommitmentLinks, loadCommitmentContext } from './commitment-inputs.ts';
import { writeCommitment } from './write-commitment.ts';

/**
 * Changes a commitment's terms (mediator team), if it is still at the revision the change was
 * based on. Its progress and scores are kept; its status follows from the new terms when read.
 */
export async function updateCommitment(
  database: Database,
  actor: Actor,
  processId: string,
  commitmentId: string,
  changes: CommitmentChanges,
) {
  return writeCommitment(database, actor, processId, commitmentId, {
    action: 'agreement.manage',
    done: 'changed',
    apply: async (tx, { commitment, agreement }) => {
      const revision = Number(commitment.revision);
      if (changes.revision !== revision) throw changedMeanwhile('commitment', revision);
      const text = await loadAdoptedText(tx, agreement.version_id);
      const context = await loadCommitmentContext(tx, processId, agreement.id, text);
      const { deadline } = checkCommitmentLinks(
        context,
        commitmentId,
        { pointId: commitment.point_id, subItem: commitment.sub_item, position: commitment.position },
        changes,
      );
      const keep = <T>(value: T | undefined, current: T) => (value === undefined ? current : value);
      const stored = await storeCommitmentChanges(tx, commitmentId, revision, {
        title: keep(changes.title, commitment.title),
        description: keep(changes.description, commitment.description),
        point_id: keep(changes.pointId, commitment.point_id),
        sub_item: keep(changes.subItem, commitment.sub_item),
        phase_id: keep(changes.phaseId, commitment.phase_id),
        ...(deadline ?? {}),
        target_quantity: keep(changes.targetQuantity, commitment.target_quantity),
        target_unit: keep(changes.targetUnit, commitment.target_unit),
        verification_method: keep(changes.verificationMethod, commitment.verification_method),
        updated_at: new Date().toISOString(),
      });
      if (!stored) throw changedMeanwhile('commitment', revision + 1);
      if (changes.partyIds) await replaceCommitmentParties(tx, commitmentId, changes.partyIds);
      await appendAudit(tx, {
        processId,
        actorId: actor.user.id,
        action: 'commitment.update',
        subjectType: 'commitment',
        subjectId: commitmentId,
        detail: {
          agreementId: agreement.id,
          fields: Object.keys(changes).filter(
            (k) => k !== 'revision' && changes[k as keyof CommitmentChanges] !== undefined,
          ),
          revision: revision + 1,
          ...(changes.deadline ? { kind: changes.deadline.kind } : {}),
          ...(changes.partyIds ? { partyIds: changes.partyIds } : {}),
        },
      });
    },
  });
}
