import type { Database } from '../../store/database.ts';
import { publishLiveEvent } from '../live/live-bus.ts';

/**
 * Tells those who may know of a meeting that it changed: the parties taking part before and
 * after the change (one dropped from it must see it leave their list), and the mediator team.
 * One event per party, each naming only that party, as releases do: who else takes part (or was
 * dropped) is not the business of a party that may no longer see the meeting.
 */
export async function publishMeetingChanged(
  database: Database,
  change: { processId: string; meetingId: string; before: readonly string[]; after: readonly string[] },
): Promise<void> {
  const parties = [...new Set([...change.before, ...change.after])];
  // A meeting of the mediator team alone still tells the mediator team.
  for (const partyIds of parties.length > 0 ? parties.map((p) => [p]) : [[]]) {
    await publishLiveEvent(database, {
      type: 'meeting.changed',
      processId: change.processId,
      meetingId: change.meetingId,
      partyIds,
    });
  }
}
