import type { Role } from './roles.ts';

/** Who is asking, as far as a policy needs to know. */
export interface Viewer {
  userId: string;
  isAdmin: boolean;
  /** The viewer's membership in the process at hand, or null when not a member. */
  membership: { role: Role; partyId: string } | null;
  /** Read-only API tokens may never write, whatever the role. */
  canWrite: boolean;
}

export type ProcessAction =
  | 'process.read'
  | 'process.manage'
  | 'plan.create'
  | 'draft.read'
  | 'draft.edit'
  | 'version.cut'
  | 'version.read'
  | 'plan.export';

const WRITES: ReadonlySet<ProcessAction> = new Set([
  'process.manage',
  'plan.create',
  'draft.edit',
  'version.cut',
]);

/**
 * The one place that says who may do what in a process. The working draft and its versions are
 * the mediator team's until released (releases come with the consultation log), so only
 * mediators hold the plan actions today; every member may see the process and its parties.
 */
export function can(viewer: Viewer, action: ProcessAction): boolean {
  if (WRITES.has(action) && !viewer.canWrite) return false;
  const role = viewer.membership?.role;
  // The instance admin manages accounts, not negotiations: without a membership they see nothing,
  // for even the existence of a channel can be confidential.
  if (action === 'process.read') return role !== undefined;
  if (action === 'process.manage') return role === 'mediator';
  return role === 'mediator';
}
