import { can, type Viewer } from '../../domain/access/policies.ts';
import { AppError } from '../../domain/shared/app-error.ts';
import { participantPartyIds } from '../../store/meetings/meeting-participants.repository.ts';
import { findMeeting, type MeetingRow } from '../../store/meetings/meetings.repository.ts';
import { findProcess } from '../../store/processes/processes.repository.ts';
import type { Tx } from '../../store/transaction.ts';
import { authorize, viewerIn } from '../access/authorize.ts';
import type { Actor } from '../access/sessions.ts';
import { processNotFound } from '../processes/add-party.ts';

/** The same answer for a meeting that does not exist and one the reader's party does not attend. */
export const meetingNotFound = (id: string) =>
  new AppError('meeting.not_found', `meeting ${id} does not exist or is not shared with you`);

/** The actor as a viewer of a process they are a member of; outsiders are told it does not exist. */
export async function loadProcessViewer(tx: Tx, actor: Actor, processId: string) {
  const process = await findProcess(tx, processId);
  if (!process) throw processNotFound(processId);
  const viewer = await viewerIn(tx, actor, processId);
  authorize(viewer, 'process.read', () => processNotFound(processId));
  return { process, viewer };
}

/** Whether the viewer sees every meeting of the process (the mediator team) or only their party's. */
export function seesAllMeetings(viewer: Viewer): boolean {
  return can(viewer, 'meeting.read', { participants: [] });
}

/**
 * Loads a meeting the viewer may read, with the parties taking part; one their party does not
 * attend is "not found", exactly like one that does not exist.
 */
export async function loadVisibleMeeting(
  tx: Tx,
  viewer: Viewer,
  processId: string,
  meetingId: string,
): Promise<{ meeting: MeetingRow; partyIds: string[] }> {
  const meeting = await findMeeting(tx, processId, meetingId);
  if (!meeting) throw meetingNotFound(meetingId);
  const partyIds = await participantPartyIds(tx, meetingId);
  if (!can(viewer, 'meeting.read', { participants: partyIds })) throw meetingNotFound(meetingId);
  return { meeting, partyIds };
}

/** Loads a meeting the actor may change: the mediator team's, refused to everyone else. */
export async function loadManageableMeeting(tx: Tx, actor: Actor, processId: string, meetingId: string) {
  const { viewer } = await loadProcessViewer(tx, actor, processId);
  const loaded = await loadVisibleMeeting(tx, viewer, processId, meetingId);
  authorize(viewer, 'meeting.manage', () => meetingNotFound(meetingId), { participants: loaded.partyIds });
  return { viewer, ...loaded };
}
