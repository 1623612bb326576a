import type { Database } from '../../store/database.ts';
import type { Actor } from '../access/sessions.ts';
import { loadProcessViewer, loadVisibleMeeting } from './meeting-access.ts';
import { presentMeetings } from './meeting-presenter.ts';

/** One meeting, if the actor's party takes part in it (or the actor is on the mediator team). */
export async function getMeeting(database: Database, actor: Actor, processId: string, meetingId: string) {
  const { viewer } = await loadProcessViewer(database.db, actor, processId);
  const { meeting } = await loadVisibleMeeting(database.db, viewer, processId, meetingId);
  const [view] = await presentMeetings(database.db, viewer, [meeting]);
  return view!;
}
