import { can, type Viewer } from '../../domain/access/policies.ts';
import type { WorkflowActor } from '../../domain/negotiation/amendment-workflow.ts';
import { AppError } from '../../domain/shared/app-error.ts';
import { type AmendmentRow, findAmendment } from '../../store/negotiation/amendments.repository.ts';
import { findVersion, type PlanRow } from '../../store/plans/plans.repository.ts';
import { partiesHoldingVersion } from '../../store/releases/releases.repository.ts';
import type { Tx } from '../../store/transaction.ts';
import { authorize } from '../access/authorize.ts';
import type { Actor } from '../access/sessions.ts';
import { loadReadablePlan, versionNotFound } from '../plans/plan-access.ts';

export const amendmentNotFound = (id: string) =>
  new AppError('amendment.not_found', `amendment ${id} does not exist or is not shared with you`);

/**
 * An amendment as a policy sees it. The mediator reads it once it was submitted, and keeps reading
 * it after a withdrawal; a draft withdrawn before submission never reaches the mediator.
 */
export function amendmentRecord(row: Pick<AmendmentRow, 'party_id' | 'submitted_at'>) {
  return { record: { partyId: row.party_id, sharedWithMediator: row.submitted_at !== null } };
}

/** Who acts in the workflow: the mediator team, or (everyone else) the party's side. */
export function workflowActorOf(viewer: Viewer): WorkflowActor {
  return viewer.membership?.role === 'mediator' ? 'mediator' : 'delegate';
}

/** Loads an amendment the actor may read; anything else is "not found", like one that does not exist. */
export async function loadReadableAmendment(tx: Tx, actor: Actor, planId: string, amendmentId: string) {
  const { plan, viewer } = await loadReadablePlan(tx, actor, planId);
  const amendment = await findAmendment(tx, planId, amendmentId);
  if (!amendment || !can(viewer, 'amendment.read', amendmentRecord(amendment)))
    throw amendmentNotFound(amendmentId);
  return { plan, viewer, amendment };
}

/** Loads an amendment of the actor's own party that the actor (a delegate) may change. */
export async function loadOwnAmendment(tx: Tx, actor: Actor, planId: string, amendmentId: string) {
  const loaded = await loadReadableAmendment(tx, actor, planId, amendmentId);
  authorize(loaded.viewer, 'amendment.write', () => amendmentNotFound(amendmentId), {
    partyId: loaded.amendment.party_id,
  });
  return loaded;
}

/**
 * A version the viewer's party holds (any version for the mediator team); one the party was never
 * given is "not found", the same answer as for a version that does not exist.
 */
export async function loadHeldVersion(tx: Tx, viewer: Viewer, plan: PlanRow, versionId: string) {
  const version = await findVersion(tx, plan.id, versionId);
  if (!version) throw versionNotFound(plan.id, versionId);
  if (!can(viewer, 'version.read')) {
    const releasedTo = await partiesHoldingVersion(tx, version.id);
    if (!can(viewer, 'version.read', { releasedTo })) throw versionNotFound(plan.id, versionId);
  }
  return version;
}

/** Refuses a change made on an older revision than the amendment is at now. */
export function assertRevision(amendment: AmendmentRow, seen: number | undefined): void {
  if (seen === undefined || seen === amendment.revision) return;
  throw new AppError(
    'conflict',
    `the amendment was changed by someone else (it is at revision ${amendment.revision}, you saw ${seen}); reload it and try again`,
    { extra: { currentRevision: amendment.revision } },
  );
}

/** The answer when a guarded update lost to a concurrent one. */
export const changedMeanwhile = () =>
  new AppError(
    'conflict',
    'the amendment was changed by someone else at the same moment; reload it and try again',
  );
