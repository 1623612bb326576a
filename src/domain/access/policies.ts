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

/** What a policy needs to know about the thing acted on; each action reads only its own field. */
export interface Subject {
  /** The parties that hold the version (or, for `plan.read`, any version of the plan). */
  releasedTo?: readonly string[];
  /** The party a private note belongs to, and whether that party shares it with the mediator. */
  note?: { partyId: string; sharedWithMediator: boolean };
  /** The party whose releases, members or records are being read. */
  partyId?: string;
  /**
   * A party's own record that the mediator reads only once the party shares it: a position's
   * rationale, an amendment past its draft, a comment thread open to the mediator.
   */
  record?: { partyId: string; sharedWithMediator: boolean };
  /** The parties taking part in a meeting. */
  participants?: readonly string[];
  /**
   * An event report: the party whose member filed it (null when a monitor or the mediator team
   * did) and whether it has been verified. Unverified allegations stay with the mission.
   */
  eventReport?: { reportedByParty: string | null; verified: boolean };
}

export type ProcessAction =
  | 'process.read'
  | 'process.manage'
  | 'members.read'
  | 'plan.create'
  | 'plan.read'
  | 'draft.read'
  | 'draft.edit'
  | 'version.cut'
  | 'version.read'
  | 'version.release'
  | 'releases.read'
  | 'note.read'
  | 'note.write'
  | 'position.read'
  | 'position.write'
  | 'rationale.read'
  | 'amendment.read'
  | 'amendment.write'
  | 'amendment.decide'
  | 'comment.read'
  | 'comment.write'
  | 'meeting.read'
  | 'meeting.manage'
  | 'brief.export'
  | 'feed.manage'
  | 'audit.read'
  | 'analysis.manage'
  | 'analysis.run'
  | 'preferences.read'
  | 'preferences.write'
  | 'monitoring.read'
  | 'agreement.manage'
  | 'commitment.record'
  | 'event.read'
  | 'event.report'
  | 'event.verify'
  | 'monitoring.import'
  | 'webhook.manage';

/** Every action, for the tests that walk the policy table and for the descriptions below. */
export const PROCESS_ACTIONS: readonly ProcessAction[] = [
  'process.read',
  'process.manage',
  'members.read',
  'plan.create',
  'plan.read',
  'draft.read',
  'draft.edit',
  'version.cut',
  'version.read',
  'version.release',
  'releases.read',
  'note.read',
  'note.write',
  'position.read',
  'position.write',
  'rationale.read',
  'amendment.read',
  'amendment.write',
  'amendment.decide',
  'comment.read',
  'comment.write',
  'meeting.read',
  'meeting.manage',
  'brief.export',
  'feed.manage',
  'audit.read',
  'analysis.manage',
  'analysis.run',
  'preferences.read',
  'preferences.write',
  'monitoring.read',
  'agreement.manage',
  'commitment.record',
  'event.read',
  'event.report',
  'event.verify',
  'monitoring.import',
  'webhook.manage',
];

const WRITES: ReadonlySet<ProcessAction> = new Set([
  'process.manage',
  'plan.create',
  'draft.edit',
  'version.cut',
  'version.release',
  'note.write',
  'position.write',
  'amendment.write',
  'amendment.decide',
  'comment.write',
  'meeting.manage',
  // A calendar feed address is a new credential that outlives the token that made it.
  'feed.manage',
  'analysis.manage',
  'preferences.write',
  'agreement.manage',
  'commitment.record',
  'event.report',
  'event.verify',
  'monitoring.import',
  // A webhook sends monitoring data to an address outside the instance.
  'webhook.manage',
]);

type Rule = (role: Role, partyId: string, subject: Subject) => boolean;

const mediatorOnly: Rule = (role) => role === 'mediator';
/** A version is the mediator team's until it is released to the reader's party. */
const heldByOwnParty: Rule = (role, partyId, s) =>
  role === 'mediator' || (s.releasedTo ?? []).includes(partyId);
/** Records about one party (its releases, its members) are for that party and the mediator. */
const ownPartyOrMediator: Rule = (role, partyId, s) => role === 'mediator' || s.partyId === partyId;
/** A party's record: its own members read it; the mediator once the party shares it. */
const ownRecordOrShared: Rule = (role, partyId, s) =>
  s.record !== undefined &&
  (s.record.partyId === partyId || (role === 'mediator' && s.record.sharedWithMediator));
/** The monitoring mission: monitors, and the mediator team that runs the process. */
const mission: Rule = (role) => role === 'mediator' || role === 'monitor';
/** Delegates negotiate for their own party; observers and monitors are briefed. */
const ownDelegate: Rule = (role, partyId, s) => role === 'delegate' && s.partyId === partyId;

/**
 * The one place that says who may do what in a process, used by the API, exports, live updates and
 * the web client alike (the client only to hide what the server would refuse anyway).
 *
 * - Mediators write the working draft, cut versions, release them, and read the audit log.
 * - Delegates, observers and monitors read the versions released to their party, and only those;
 *   the working draft, its edits and unreleased versions stay with the mediator team.
 * - A party's private notes are read by its own members, and by the mediator only if shared;
 *   delegates write them (observers and monitors are briefed, they do not negotiate).
 * - Positions: a party's stance and priority are for its members and the mediator (whose matrix
 *   they fill), never for other parties; the rationale reaches the mediator only if shared.
 * - Amendments: a party's delegates draft, submit and withdraw them; the mediator sees them from
 *   submission on and decides. Comment threads: the party, and the mediator when open to it.
 * - Meetings: the mediator schedules them; a party sees those it takes part in.
 * - Analytics: the mediator sets up the analysis and runs it; a party's preferences are sealed,
 *   read by its own members (written by its delegates) and by the mediator only when shared.
 * - Monitoring: an agreement, its commitments, scores and zones are read by every party that holds
 *   the adopted version; the mediator team sets them up; monitors (and the mediator team) record
 *   progress and scores, file, import and verify event reports. Parties may file allegations; an
 *   event report reaches other parties only once verified.
 */
const RULES: Record<ProcessAction, Rule> = {
  'process.read': () => true,
  'process.manage': mediatorOnly,
  'members.read': ownPartyOrMediator,
  'plan.create': mediatorOnly,
  'plan.read': heldByOwnParty,
  'draft.read': mediatorOnly,
  'draft.edit': mediatorOnly,
  'version.cut': mediatorOnly,
  'version.read': heldByOwnParty,
  'version.release': mediatorOnly,
  'releases.read': ownPartyOrMediator,
  'note.read': (role, partyId, s) =>
    s.note !== undefined &&
    (s.note.partyId === partyId || (role === 'mediator' && s.note.sharedWithMediator)),
  'note.write': (role, partyId, s) =>
    s.note !== undefined && s.note.partyId === partyId && (role === 'delegate' || role === 'mediator'),
  'position.read': ownPartyOrMediator,
  'position.write': ownDelegate,
  'rationale.read': ownRecordOrShared,
  'amendment.read': ownRecordOrShared,
  'amendment.write': ownDelegate,
  'amendment.decide': mediatorOnly,
  'comment.read': ownRecordOrShared,
  'comment.write': (role, partyId, s) =>
    s.record !== undefined &&
    ((role === 'delegate' && s.record.partyId === partyId) ||
      (role === 'mediator' && (s.record.partyId === partyId || s.record.sharedWithMediator))),
  'meeting.read': (role, partyId, s) => role === 'mediator' || (s.participants ?? []).includes(partyId),
  'meeting.manage': mediatorOnly,
  'brief.export': ownPartyOrMediator,
  'feed.manage': () => true,
  'audit.read': mediatorOnly,
  'analysis.manage': mediatorOnly,
  'analysis.run': mediatorOnly,
  'preferences.read': ownRecordOrShared,
  'preferences.write': ownDelegate,
  'monitoring.read': heldByOwnParty,
  'agreement.manage': mediatorOnly,
  'commitment.record': mission,
  'event.read': (role, partyId, s) =>
    role === 'mediator' ||
    role === 'monitor' ||
    (s.eventReport !== undefined && (s.eventReport.verified || s.eventReport.reportedByParty === partyId)),
  'event.report': (role) => role !== 'observer',
  'event.verify': mission,
  'monitoring.import': mission,
  'webhook.manage': mediatorOnly,
};

/** Whether the viewer may perform `action` on `subject`. */
export function can(viewer: Viewer, action: ProcessAction, subject: Subject = {}): boolean {
  if (WRITES.has(action) && !viewer.canWrite) return false;
  // The instance admin manages accounts, not negotiations: without a membership they see nothing,
  // for even the existence of a channel can be confidential.
  if (!viewer.membership) return false;
  return RULES[action](viewer.membership.role, viewer.membership.partyId, subject);
}
