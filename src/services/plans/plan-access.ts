import { can, type ProcessAction, type Viewer } from '../../domain/access/policies.ts';
import { AppError } from '../../domain/shared/app-error.ts';
import { findPlanWithMembership, findVersion, type PlanRow } from '../../store/plans/plans.repository.ts';
import { partiesHoldingVersion, partyHoldsPlan } from '../../store/releases/releases.repository.ts';
import type { Tx } from '../../store/transaction.ts';
import { authorize, viewerFrom } from '../access/authorize.ts';
import type { Actor } from '../access/sessions.ts';

export const planNotFound = (id: string) =>
  new AppError('plan.not_found', `plan ${id} does not exist or is not shared with you`);

export const versionNotFound = (planId: string, versionId: string) =>
  new AppError(
    'version.not_found',
    `version ${versionId} of plan ${planId} does not exist or is not shared with you`,
  );

/** The parties that hold some version of the plan, as far as this viewer's own party goes. */
async function holdersOfPlan(tx: Tx, viewer: Viewer, planId: string): Promise<string[]> {
  const partyId = viewer.membership?.partyId;
  if (!partyId) return [];
  return (await partyHoldsPlan(tx, planId, partyId)) ? [partyId] : [];
}

/**
 * Loads a plan and checks that the actor may perform `action` on it (a draft-level action: read
 * or edit the draft, cut or release versions).
 */
export async function loadPlanFor(
  tx: Tx,
  actor: Actor,
  planId: string,
  action: ProcessAction,
): Promise<{ plan: PlanRow; viewer: Viewer }> {
  const found = await findPlanWithMembership(tx, planId, actor.user.id);
  if (!found) throw planNotFound(planId);
  const { plan, membership } = found;
  const viewer = viewerFrom(actor, membership);
  // The common case (a mediator at work) costs no further query.
  if (can(viewer, action)) return { plan, viewer };
  // Whoever holds no version of the plan is told it does not exist, not that it is forbidden, or a
  // 403 would confirm what the 404 on reading it denies.
  const releasedTo = await holdersOfPlan(tx, viewer, planId);
  if (!can(viewer, 'plan.read', { releasedTo })) throw planNotFound(planId);
  authorize(viewer, action, () => planNotFound(planId), { releasedTo });
  return { plan, viewer };
}

/** Loads a plan the actor may at least know of: a mediator's, or one their party holds a version of. */
export async function loadReadablePlan(tx: Tx, actor: Actor, planId: string) {
  return loadPlanFor(tx, actor, planId, 'plan.read');
}

/**
 * Loads a version the actor may read: mediators read every version, other members only those
 * released to their party. An unreleased version is "not found", like one that does not exist.
 */
export async function loadVersionFor(tx: Tx, actor: Actor, planId: string, versionId: string) {
  const found = await findPlanWithMembership(tx, planId, actor.user.id);
  if (!found) throw planNotFound(planId);
  const viewer = viewerFrom(actor, found.membership);
  if (!can(viewer, 'version.read')) {
    const holders = await holdersOfPlan(tx, viewer, planId);
    if (!can(viewer, 'plan.read', { releasedTo: holders })) throw planNotFound(planId);
  }
  const version = await findVersion(tx, planId, versionId);
  if (!version) throw versionNotFound(planId, versionId);
  const releasedTo = can(viewer, 'version.read') ? [] : await partiesHoldingVersion(tx, version.id);
  // Not "forbidden": that would confirm an unreleased version exists.
  if (!can(viewer, 'version.read', { releasedTo })) throw versionNotFound(planId, versionId);
  return { plan: found.plan, viewer, version };
}
