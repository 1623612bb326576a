import { can, type Viewer } from '../../../domain/access/policies.ts';
import { AppError } from '../../../domain/shared/app-error.ts';
import {
  type AgreementSummaryRow,
  findAgreement,
  holdersOfAgreements,
  listAgreements,
} from '../../../store/monitoring/agreements.repository.ts';
import type { Tx } from '../../../store/transaction.ts';
import { authorize } from '../../access/authorize.ts';
import type { Actor } from '../../access/sessions.ts';
import { loadProcessViewer } from '../../meetings/meeting-access.ts';

/** The same answer for an agreement that does not exist and one on a version the reader's party does not hold. */
export const agreementNotFound = (id: string) =>
  new AppError('agreement.not_found', `agreement ${id} does not exist or is not shared with you`);

export interface ReadableAgreement {
  viewer: Viewer;
  agreement: AgreementSummaryRow;
  /** The parties holding the adopted version: who may read the agreement, and hear of its changes. */
  holders: string[];
}

/**
 * Loads an agreement the actor may read: the mediator team always, others when their party holds
 * the adopted version. One on a version the party does not hold is "not found", exactly like one
 * that does not exist, so that not even the adoption of an unreleased version is disclosed.
 */
export async function loadReadableAgreement(
  tx: Tx,
  actor: Actor,
  processId: string,
  agreementId: string,
): Promise<ReadableAgreement> {
  const { viewer } = await loadProcessViewer(tx, actor, processId);
  const agreement = await findAgreement(tx, processId, agreementId);
  if (!agreement) throw agreementNotFound(agreementId);
  const holders = (await holdersOfAgreements(tx, [agreementId])).get(agreementId) ?? [];
  if (!can(viewer, 'monitoring.read', { releasedTo: holders })) throw agreementNotFound(agreementId);
  return { viewer, agreement, holders };
}

/** Loads an agreement the actor may set up (the mediator team); readers who may not are refused. */
export async function loadManageableAgreement(tx: Tx, actor: Actor, processId: string, agreementId: string) {
  const loaded = await loadReadableAgreement(tx, actor, processId, agreementId);
  authorize(loaded.viewer, 'agreement.manage', () => agreementNotFound(agreementId));
  return loaded;
}

/** The agreements of a process the viewer may read, each with the parties holding its version. */
export async function readableAgreements(tx: Tx, viewer: Viewer, processId: string) {
  const rows = await listAgreements(tx, processId);
  const holders = await holdersOfAgreements(
    tx,
    rows.map((r) => r.id),
  );
  return rows.filter((r) => can(viewer, 'monitoring.read', { releasedTo: holders.get(r.id) ?? [] }));
}
