import { can, type ProcessAction, type Subject, type Viewer } from '../../domain/access/policies.ts';
import type { Role } from '../../domain/access/roles.ts';
import { AppError } from '../../domain/shared/app-error.ts';
import { findMembership } from '../../store/processes/processes.repository.ts';
import type { Tx } from '../../store/transaction.ts';
import type { Actor } from './sessions.ts';

/** The actor as a policy sees them in one process. */
export async function viewerIn(tx: Tx, actor: Actor, processId: string): Promise<Viewer> {
  return viewerFrom(actor, await findMembership(tx, processId, actor.user.id));
}

const ACTION_WORDS: Record<ProcessAction, string> = {
  'process.read': 'reading the process',
  'process.manage': 'managing parties and members',
  'members.read': "seeing another party's members",
  'plan.create': 'creating plans',
  'plan.read': 'reading this plan',
  'draft.read': 'reading the working draft',
  'draft.edit': 'editing the working draft',
  'version.cut': 'cutting versions',
  'version.read': 'reading versions not released to your party',
  'version.release': 'releasing versions to parties',
  'releases.read': "seeing another party's releases",
  'note.read': "reading another party's notes",
  'note.write': "writing your party's notes",
  'position.read': "reading another party's positions",
  'position.write': "stating your party's positions (delegates do)",
  'rationale.read': "reading another party's rationale",
  'amendment.read': "reading another party's amendments",
  'amendment.write': 'proposing amendments for your party (delegates do)',
  'amendment.decide': 'deciding on amendments',
  'comment.read': "reading another party's comments",
  'comment.write': 'commenting in this thread',
  'meeting.read': 'seeing meetings your party does not take part in',
  'meeting.manage': 'scheduling and recording meetings',
  'brief.export': "exporting another party's brief",
  'feed.manage': 'creating or revoking a calendar feed address',
  'audit.read': 'reading the audit log',
  'analysis.manage': 'setting up the analysis or applying a package',
  'analysis.run': 'running the analysis',
  'preferences.read': "reading another party's preferences",
  'preferences.write': "stating your party's preferences (delegates do)",
  'monitoring.read': 'reading an agreement adopted on a version your party does not hold',
  'agreement.manage': 'adopting agreements and setting up their commitments',
  'commitment.record': 'recording progress and implementation scores (monitors do)',
  'event.read': "reading another party's unverified event reports",
  'event.report': 'filing event reports',
  'event.verify': 'verifying event reports (monitors do)',
  'monitoring.import': 'importing event data and zones (monitors do)',
  'webhook.manage': 'managing outgoing webhooks',
};

/** The membership row as a viewer. */
export function viewerFrom(actor: Actor, m: { role: string; party_id: string } | null | undefined): Viewer {
  return {
    userId: actor.user.id,
    isAdmin: actor.user.isAdmin,
    membership: m ? { role: m.role as Role, partyId: m.party_id } : null,
    canWrite: actor.canWrite,
  };
}

/**
 * Throws unless the policy allows the action. Someone who may not even read the process gets
 * "not found", so that the existence of a process is not disclosed to outsiders.
 */
export function authorize(
  viewer: Viewer,
  action: ProcessAction,
  notFound: () => AppError,
  subject: Subject = {},
): void {
  if (can(viewer, action, subject)) return;
  // A factory, not an error: building an Error captures a stack, too costly for the allowed path.
  if (!can(viewer, 'process.read')) throw notFound();
  // Name the read-only token only when it is what stands in the way.
  if (!viewer.canWrite && can({ ...viewer, canWrite: true }, action, subject))
    throw new AppError('auth.forbidden', 'this API token is read-only');
  throw new AppError(
    'auth.forbidden',
    `Your role in this process does not allow this (${ACTION_WORDS[action]}).`,
  );
}
