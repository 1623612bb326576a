import type { Database } from '../../../store/database.ts';
import type { EventReportRow } from '../../../store/monitoring/event-reports.repository.ts';
import { publishLiveEvent } from '../../live/live-bus.ts';

/**
 * Tells those who may read a report that it changed: the mission always, the filing party, and
 * every member once it is verified (event.read decides, see audience.ts). The event carries ids
 * and the two facts the audience needs, never the report's text.
 */
export async function publishEventReportChanged(
  database: Database,
  event: Pick<EventReportRow, 'process_id' | 'id' | 'reported_by_party_id' | 'status'>,
): Promise<void> {
  await publishLiveEvent(database, {
    type: 'event_report.changed',
    processId: event.process_id,
    eventReportId: event.id,
    reportedByPartyId: event.reported_by_party_id,
    verified: event.status === 'verified',
  });
}

/**
 * One event for an import, however many reports it added: the mission hears of it, and everyone
 * when it added verified reports (an import whose mapping carries a status column).
 */
export async function publishEventsImported(
  database: Database,
  change: { processId: string; anyVerified: boolean },
): Promise<void> {
  await publishLiveEvent(database, {
    type: 'event_report.changed',
    processId: change.processId,
    eventReportId: null,
    reportedByPartyId: null,
    verified: change.anyVerified,
  });
}
