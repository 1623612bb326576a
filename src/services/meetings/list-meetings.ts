import type { Viewer } from '../../domain/access/policies.ts';
import { can } from '../../domain/access/policies.ts';
import type { Database } from '../../store/database.ts';
import { listParticipants } from '../../store/meetings/meeting-participants.repository.ts';
import { listMeetings as storeListMeetings } from '../../store/meetings/meetings.repository.ts';
import type { Tx } from '../../store/transaction.ts';
import type { Actor } from '../access/sessions.ts';
import { loadProcessViewer, seesAllMeetings } from './meeting-access.ts';
import { presentMeetings } from './meeting-presenter.ts';

/**
 * The meetings of a process a viewer may see, by start: all of them for the mediator team, the
 * ones their party takes part in for everyone else. Each row is checked by the policy as well as
 * by the query.
 */
export async function visibleMeetings(tx: Tx, viewer: Viewer, processId: string) {
  const partyId = seesAllMeetings(viewer) ? null : (viewer.membership?.partyId ?? '');
  const rows = await storeListMeetings(tx, processId, partyId);
  const participants = await listParticipants(
    tx,
    rows.map((r) => r.id),
  );
  const readable = rows.filter((r) =>
    can(viewer, 'meeting.read', {
      participants: participants
        .filter((p) => p.meeting_id === r.id)
        .flatMap((p) => (p.party_id ? [p.party_id] : [])),
    }),
  );
  return presentMeetings(tx, viewer, readable);
}

/** The meetings the actor may see in a process, with whether they may schedule more. */
export async function listMeetings(database: Database, actor: Actor, processId: string) {
  const { viewer } = await loadProcessViewer(database.db, actor, processId);
  return {
    items: await visibleMeetings(database.db, viewer, processId),
    canManage: can(viewer, 'meeting.manage'),
  };
}
