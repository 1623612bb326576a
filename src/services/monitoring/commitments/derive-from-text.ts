import { absoluteDeadlineUtc, deadlineProblems } from '../../../domain/monitoring/deadline.ts';
import {
  type CommitmentDraft,
  deriveCommitments as draftsFromText,
} from '../../../domain/monitoring/derive-commitments.ts';
import { newId } from '../../../domain/shared/ids.ts';
import { appendAudit } from '../../../store/audit/audit.repository.ts';
import type { Database } from '../../../store/database.ts';
import { insertCommitmentParties } from '../../../store/monitoring/commitment-parties.repository.ts';
import {
  type CommitmentRow,
  deadlineColumns,
  insertCommitments,
  listCommitments,
  nextPosition,
} from '../../../store/monitoring/commitments.repository.ts';
import { listParties } from '../../../store/processes/processes.repository.ts';
import type { Actor } from '../../access/sessions.ts';
import { loadManageableAgreement } from '../agreements/agreement-access.ts';
import { loadAdoptedText } from './adopted-text.ts';
import { publishCommitmentChanged } from './commitment-events.ts';
import { presentCommitmentList } from './commitment-presenter.ts';

const MAX_QUANTITY = 1_000_000_000;

/**
 * One click: a draft commitment per point (or per sub-item) of the adopted text, with deadline,
 * quantity, parties and verification method guessed from the wording, for the mediator to edit.
 * Points (and sub-items) that already have a commitment are left alone, so a second click adds
 * only what the first did not cover. All drafts are written in one transaction with one audit entry.
 */
export async function deriveCommitments(
  database: Database,
  actor: Actor,
  processId: string,
  agreementId: string,
  input: { granularity: 'points' | 'sub_items' },
) {
  const derived = await database.db.transaction().execute(async (tx) => {
    const { agreement, holders } = await loadManageableAgreement(tx, actor, processId, agreementId);
    const [text, parties, existing] = await Promise.all([
      loadAdoptedText(tx, agreement.version_id),
      listParties(tx, processId),
      listCommitments(tx, agreementId),
    ]);
    const covered = new Set(existing.map((c) => `${c.point_id}:${c.sub_item}`));
    const drafts = draftsFromText(text, {
      granularity: input.granularity,
      parties: parties.filter((p) => p.kind !== 'mediator'),
      zone: agreement.entry_into_force_zone ?? 'UTC',
    }).filter((d) => !covered.has(`${d.pointId}:${d.subItem}`));
    const first = await nextPosition(tx, agreementId);
    const now = new Date().toISOString();
    const rows = drafts.map(
      (d, i): CommitmentRow => ({
        id: newId('cmt'),
        process_id: processId,
        agreement_id: agreementId,
        point_id: d.pointId,
        sub_item: d.subItem,
        position: first + i,
        title: d.title.slice(0, 300) || `Point ${d.pointId}`,
        description: d.description.slice(0, 20_000),
        phase_id: null,
        ...storedDeadline(d),
        target_quantity:
          d.targetQuantity !== null && Number.isInteger(d.targetQuantity) && d.targetQuantity >= 1
            ? Math.min(d.targetQuantity, MAX_QUANTITY)
            : null,
        target_unit: d.targetUnit === null ? null : d.targetUnit.slice(0, 120),
        verification_method: d.verificationMethod.slice(0, 5000),
        created_by: actor.user.id,
        created_at: now,
        updated_at: now,
        revision: 1,
      }),
    );
    await insertCommitments(tx, rows);
    await insertCommitmentParties(
      tx,
      rows.flatMap((r, i) =>
        (drafts[i]?.partyIds ?? []).map((party_id) => ({ commitment_id: r.id, party_id })),
      ),
    );
    await appendAudit(tx, {
      processId,
      actorId: actor.user.id,
      action: 'commitment.derive',
      subjectType: 'agreement',
      subjectId: agreementId,
      detail: {
        agreementId,
        versionId: agreement.version_id,
        label: agreement.version_label,
        kind: input.granularity,
        added: rows.length,
      },
    });
    const sequencing = new Map(rows.map((r, i) => [r.id, drafts[i]?.sequencing ?? null]));
    const list = await presentCommitmentList(tx, agreement, now);
    const items = list.items
      .filter((item) => sequencing.has(item.id))
      .map((item) => ({ ...item, sequencing: sequencing.get(item.id) ?? null }));
    return { items, holders };
  });
  if (derived.items.length > 0)
    await publishCommitmentChanged(database, {
      processId,
      agreementId,
      commitmentId: null,
      holders: derived.holders,
    });
  return { items: derived.items };
}

/** A guessed deadline as stored; one the checks would refuse (a guess gone wrong) is left out. */
function storedDeadline(draft: CommitmentDraft) {
  const spec = draft.deadline;
  if (spec.kind === 'after_commitment' || deadlineProblems(spec).length > 0)
    return deadlineColumns({ kind: 'none' }, null);
  return deadlineColumns(spec, spec.kind === 'absolute' ? absoluteDeadlineUtc(spec.local, spec.zone) : null);
}
