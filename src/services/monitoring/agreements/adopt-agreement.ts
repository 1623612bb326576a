import { AppError, type FieldProblem } from '../../../domain/shared/app-error.ts';
import { newId } from '../../../domain/shared/ids.ts';
import { appendAudit } from '../../../store/audit/audit.repository.ts';
import type { Database } from '../../../store/database.ts';
import { findVersionsInProcess } from '../../../store/meetings/meeting-versions.repository.ts';
import { insertPhases } from '../../../store/monitoring/agreement-phases.repository.ts';
import { replaceSignatures } from '../../../store/monitoring/agreement-signatures.repository.ts';
import {
  findAgreement,
  findAgreementOnVersion,
  insertAgreement,
} from '../../../store/monitoring/agreements.repository.ts';
import { partiesHoldingVersion } from '../../../store/releases/releases.repository.ts';
import { isUniqueViolation } from '../../../store/unique-violation.ts';
import { authorize } from '../../access/authorize.ts';
import type { Actor } from '../../access/sessions.ts';
import { loadProcessViewer } from '../../meetings/meeting-access.ts';
import { processNotFound } from '../../processes/add-party.ts';
import { publishCommitmentChanged } from '../commitments/commitment-events.ts';
import type { NewAgreement } from './agreement.schema.ts';
import { readEntryIntoForce, signatureRows, throwProblems } from './agreement-inputs.ts';
import { presentAgreement } from './agreement-presenter.ts';

const adoptedAlready = (label: string) =>
  new AppError('conflict', `${label} is already adopted as an agreement; change that agreement instead`, {
    problems: [{ field: 'body.versionId', reason: 'is already adopted' }],
  });

/**
 * Marks a version as adopted (mediator team), with the signatures, the entry into force and the
 * phases. The version must be one of a plan of this process, and a version is adopted once: the
 * commitments then always point at the text that was signed.
 */
export async function adoptAgreement(
  database: Database,
  actor: Actor,
  processId: string,
  input: NewAgreement,
) {
  const adopted = await database.db
    .transaction()
    .execute(async (tx) => {
      const { viewer } = await loadProcessViewer(tx, actor, processId);
      authorize(viewer, 'agreement.manage', () => processNotFound(processId));
      const problems: FieldProblem[] = [];
      const [version] = await findVersionsInProcess(tx, processId, [input.versionId]);
      if (!version)
        problems.push({ field: 'body.versionId', reason: 'is not a version of a plan in this process' });
      const id = newId('agr');
      const entry = input.entryIntoForce
        ? readEntryIntoForce(input.entryIntoForce, 'body.entryIntoForce', problems)
        : null;
      const signatures = await signatureRows(tx, processId, id, input.signatures, problems);
      throwProblems(problems);
      if (!version) throw new Error('unreachable: the version was checked');
      if (await findAgreementOnVersion(tx, version.id)) throw adoptedAlready(version.label);
      const now = new Date().toISOString();
      await insertAgreement(tx, {
        id,
        process_id: processId,
        plan_id: version.plan_id,
        version_id: version.id,
        title: input.title,
        adopted_on: input.adoptedOn,
        entry_into_force_local: entry?.local ?? null,
        entry_into_force_zone: entry?.zone ?? null,
        entry_into_force_at: entry?.at ?? null,
        created_by: actor.user.id,
        created_at: now,
        updated_at: now,
        revision: 1,
      });
      await replaceSignatures(tx, id, signatures);
      await insertPhases(
        tx,
        input.phases.map((p, i) => ({
          id: newId('phs'),
          agreement_id: id,
          position: i + 1,
          name: p.name,
          description: p.description,
        })),
      );
      await appendAudit(tx, {
        processId,
        actorId: actor.user.id,
        action: 'agreement.create',
        subjectType: 'agreement',
        subjectId: id,
        detail: {
          planId: version.plan_id,
          versionId: version.id,
          label: version.label,
          partyIds: signatures.map((s) => s.party_id),
          ...(entry ? { entryIntoForceAt: entry.at } : {}),
        },
      });
      const row = await findAgreement(tx, processId, id);
      if (!row) throw new Error('the agreement just adopted is missing');
      return {
        agreement: await presentAgreement(tx, row),
        holders: await partiesHoldingVersion(tx, version.id),
      };
    })
    .catch((error: unknown) => {
      // Two mediators adopting the same version at once: the unique index decides, the loser is told.
      if (isUniqueViolation(error)) throw adoptedAlready('this version');
      throw error;
    });
  await publishCommitmentChanged(database, {
    processId,
    agreementId: adopted.agreement.id,
    commitmentId: null,
    holders: adopted.holders,
  });
  return adopted.agreement;
}
