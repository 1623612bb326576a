import type { Database } from '../../store/database.ts';
import { publishLiveEvent } from '../live/live-bus.ts';

/**
 * Tells those who may know of a meeting that it changed: the parties taking part before and
 * after the change (one dropped from it must see it leave their list), and the mediator team.
 */
export async function publishMeetingChanged(
  database: Database,
  change: { processId: string; meetingId: string; before: readonly string[]; after: readonly string[] },
): Promise<void> {
  await publishLiveEvent(database, {
    type: 'meeting.changed',
    processId: change.processId,
    meetingId: change.meetingId,
    partyIds: [...new Set([...change.before, ...change.after])],
  });
}
