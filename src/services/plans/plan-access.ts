import { can, type ProcessAction, type Viewer } from '../../domain/access/policies.ts';
import { AppError } from '../../domain/shared/app-error.ts';
import { findPlanWithMembership, type PlanRow } from '../../store/plans/plans.repository.ts';
import type { Tx } from '../../store/transaction.ts';
import { authorize, viewerFrom } from '../access/authorize.ts';
import type { Actor } from '../access/sessions.ts';

export const planNotFound = (id: string) =>
  new AppError('plan.not_found', `plan ${id} does not exist or is not shared with you`);

/** Loads a plan and checks that the actor may perform `action` on it. */
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
  // Anyone who may not read the draft is told the plan does not exist, not that it is forbidden:
  // a member of the process who may neither read nor do this (a delegate editing the draft) too,
  // or a 403 would confirm what the 404 on reading it denies.
  if (!can(viewer, action) && !can(viewer, 'draft.read')) throw planNotFound(planId);
  authorize(viewer, action, () => planNotFound(planId));
  return { plan, viewer };
}
