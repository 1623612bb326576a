import { can } from '../../../domain/access/policies.ts';
import { newId } from '../../../domain/shared/ids.ts';
import { appendAudit } from '../../../store/audit/audit.repository.ts';
import type { Database } from '../../../store/database.ts';
import {
  type EventReportRow,
  findEventReport,
  insertEventReports,
} from '../../../store/monitoring/event-reports.repository.ts';
import { insertEventStatusHistory } from '../../../store/monitoring/event-status-history.repository.ts';
import { authorize } from '../../access/authorize.ts';
import type { Actor } from '../../access/sessions.ts';
import { loadProcessViewer } from '../../meetings/meeting-access.ts';
import { processNotFound } from '../../processes/add-party.ts';
import { dedupeKeyOfRow } from './event-dedupe.ts';
import { presentEventReports } from './event-presenter.ts';
import type { NewEventReport } from './event-report.schema.ts';
import { publishEventReportChanged } from './event-report-events.ts';
import { storedOccurredAt } from './event-time.ts';

/**
 * Files an event report. A party's delegate files an allegation on behalf of their party (which
 * then reads it, with the mission, until it is verified); the mission's own reports carry no
 * party. Every report starts as received, the first row of its verification history.
 */
export async function fileEventReport(
  database: Database,
  actor: Actor,
  processId: string,
  input: NewEventReport,
) {
  const filed = await database.db.transaction().execute(async (tx) => {
    const { viewer } = await loadProcessViewer(tx, actor, processId);
    authorize(viewer, 'event.report', () => processNotFound(processId));
    // The mission (monitors, the mediator team) reports as itself, not for a party.
    const mission = can(viewer, 'event.verify');
    const id = newId('evt');
    const now = new Date().toISOString();
    const fields: Omit<EventReportRow, 'dedupe_key'> = {
      id,
      process_id: processId,
      external_id: input.externalId,
      occurred_at: storedOccurredAt(input.occurredAt, input.timePrecision),
      time_precision: input.timePrecision,
      place_name: input.placeName,
      latitude: input.latitude,
      longitude: input.longitude,
      geo_precision: input.geoPrecision,
      event_type: input.eventType,
      sub_event_type: input.subEventType,
      actor1: input.actor1,
      actor2: input.actor2,
      fatalities: input.fatalities,
      description: input.description,
      source: input.source,
      source_reliability: input.sourceReliability,
      info_credibility: input.infoCredibility,
      status: 'received',
      attributed_party_id: null,
      reported_by_party_id: mission ? null : (viewer.membership?.partyId ?? null),
      reported_by: actor.user.id,
      import_id: null,
      created_at: now,
      updated_at: now,
      revision: 1,
    };
    const row: EventReportRow = { ...fields, dedupe_key: dedupeKeyOfRow(fields) };
    await insertEventReports(tx, [row]);
    await insertEventStatusHistory(tx, [
      {
        id: newId('esh'),
        event_report_id: id,
        status: 'received',
        attributed_party_id: null,
        note: '',
        changed_by: actor.user.id,
        changed_at: now,
      },
    ]);
    await appendAudit(tx, {
      processId,
      actorId: actor.user.id,
      action: 'event_report.create',
      subjectType: 'event_report',
      subjectId: id,
      // What the report says stays out of the log: only who filed it for which party.
      detail: {
        status: 'received',
        ...(row.reported_by_party_id ? { partyId: row.reported_by_party_id } : {}),
      },
    });
    const stored = await findEventReport(tx, processId, id);
    const [view] = await presentEventReports(tx, viewer, processId, stored ? [stored] : []);
    return { row, eventReport: view! };
  });
  await publishEventReportChanged(database, filed.row);
  return filed.eventReport;
}
