import { AppError, type FieldProblem } from '../../../domain/shared/app-error.ts';
import { newId } from '../../../domain/shared/ids.ts';
import { appendAudit } from '../../../store/audit/audit.repository.ts';
import type { Database } from '../../../store/database.ts';
import {
  type AgreementPhaseRow,
  deletePhases,
  insertPhases,
  listPhases,
  updatePhase,
} from '../../../store/monitoring/agreement-phases.repository.ts';
import { replaceSignatures } from '../../../store/monitoring/agreement-signatures.repository.ts';
import {
  findAgreement,
  updateAgreement as storeAgreementChanges,
} from '../../../store/monitoring/agreements.repository.ts';
import type { Actor } from '../../access/sessions.ts';
import { publishCommitmentChanged } from '../commitments/commitment-events.ts';
import type { AgreementChanges } from './agreement.schema.ts';
import { loadManageableAgreement } from './agreement-access.ts';
import { readEntryIntoForce, signatureRows, throwProblems } from './agreement-inputs.ts';
import { presentAgreement } from './agreement-presenter.ts';

/** The answer to a write based on a revision someone else has moved on from. */
export function changedMeanwhile(what: string, currentRevision: number): AppError {
  return new AppError(
    'conflict',
    `this ${what} was changed by someone else since you loaded it (now revision ${currentRevision}); reload and apply your change again`,
    { extra: { currentRevision } },
  );
}

/**
 * Changes an agreement (mediator team), if it is still at the revision the change was based on.
 * The adopted version never changes: adopting another version is a new agreement. A new entry
 * into force moves every deadline counted from it, for those are computed when read.
 */
export async function updateAgreement(
  database: Database,
  actor: Actor,
  processId: string,
  agreementId: string,
  changes: AgreementChanges,
) {
  const updated = await database.db.transaction().execute(async (tx) => {
    const { agreement, holders } = await loadManageableAgreement(tx, actor, processId, agreementId);
    if (changes.revision !== Number(agreement.revision))
      throw changedMeanwhile('agreement', Number(agreement.revision));
    const problems: FieldProblem[] = [];
    const entry =
      changes.entryIntoForce === undefined || changes.entryIntoForce === null
        ? changes.entryIntoForce
        : readEntryIntoForce(changes.entryIntoForce, 'body.entryIntoForce', problems);
    const signatures =
      changes.signatures === undefined
        ? undefined
        : await signatureRows(tx, processId, agreementId, changes.signatures, problems);
    const existingPhases = await listPhases(tx, [agreementId]);
    const phasePlan =
      changes.phases === undefined
        ? undefined
        : planPhases(agreementId, changes.phases, existingPhases, problems);
    throwProblems(problems);
    const now = new Date().toISOString();
    const stored = await storeAgreementChanges(tx, agreementId, Number(agreement.revision), {
      title: changes.title ?? agreement.title,
      adopted_on: changes.adoptedOn ?? agreement.adopted_on,
      ...(entry === undefined
        ? {}
        : {
            entry_into_force_local: entry?.local ?? null,
            entry_into_force_zone: entry?.zone ?? null,
            entry_into_force_at: entry?.at ?? null,
          }),
      updated_at: now,
    });
    if (!stored) throw changedMeanwhile('agreement', Number(agreement.revision) + 1);
    if (signatures) await replaceSignatures(tx, agreementId, signatures);
    if (phasePlan) {
      await deletePhases(tx, phasePlan.removed);
      for (const p of phasePlan.kept)
        await updatePhase(tx, p.id, { position: p.position, name: p.name, description: p.description });
      await insertPhases(tx, phasePlan.added);
    }
    await appendAudit(tx, {
      processId,
      actorId: actor.user.id,
      action: 'agreement.update',
      subjectType: 'agreement',
      subjectId: agreementId,
      detail: {
        versionId: agreement.version_id,
        label: agreement.version_label,
        fields: Object.keys(changes).filter(
          (k) => k !== 'revision' && changes[k as keyof AgreementChanges] !== undefined,
        ),
        revision: Number(agreement.revision) + 1,
        ...(entry ? { entryIntoForceAt: entry.at } : {}),
      },
    });
    const row = await findAgreement(tx, processId, agreementId);
    if (!row) throw new Error('the agreement just changed is missing');
    return { agreement: await presentAgreement(tx, row), holders };
  });
  await publishCommitmentChanged(database, {
    processId,
    agreementId,
    commitmentId: null,
    holders: updated.holders,
  });
  return updated.agreement;
}

/** Which phases a new list keeps (by id), adds and removes; an id not of this agreement is a problem. */
function planPhases(
  agreementId: string,
  phases: NonNullable<AgreementChanges['phases']>,
  existing: readonly AgreementPhaseRow[],
  problems: FieldProblem[],
) {
  const known = new Set(existing.map((p) => p.id));
  const seen = new Set<string>();
  const kept: AgreementPhaseRow[] = [];
  const added: AgreementPhaseRow[] = [];
  phases.forEach((p, i) => {
    const row = { agreement_id: agreementId, position: i + 1, name: p.name, description: p.description };
    if (p.id === undefined) {
      added.push({ id: newId('phs'), ...row });
      return;
    }
    if (!known.has(p.id))
      problems.push({ field: `body.phases.${i}.id`, reason: 'is not a phase of this agreement' });
    else if (seen.has(p.id)) problems.push({ field: `body.phases.${i}.id`, reason: 'is listed twice' });
    else kept.push({ id: p.id, ...row });
    seen.add(p.id);
  });
  return { kept, added, removed: existing.filter((p) => !seen.has(p.id)).map((p) => p.id) };
}
