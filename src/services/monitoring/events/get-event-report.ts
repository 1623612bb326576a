import type { Database } from '../../../store/database.ts';
import type { Actor } from '../../access/sessions.ts';
import { loadProcessViewer } from '../../meetings/meeting-access.ts';
import { loadReadableEvent } from './event-access.ts';
import { presentEventReports } from './event-presenter.ts';

/** One event report, if the actor may read it (the mission; the filing party; anyone once verified). */
export async function getEventReport(database: Database, actor: Actor, processId: string, eventId: string) {
  const { viewer } = await loadProcessViewer(database.db, actor, processId);
  const event = await loadReadableEvent(database.db, viewer, processId, eventId);
  const [view] = await presentEventReports(database.db, viewer, processId, [event]);
  return view!;
}
