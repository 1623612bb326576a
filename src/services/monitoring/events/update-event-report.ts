import type { TimePrecision } from '../../../domain/monitoring/monitoring-model.ts';
import { invalid } from '../../../domain/shared/app-error.ts';
import { appendAudit } from '../../../store/audit/audit.repository.ts';
import type { Database } from '../../../store/database.ts';
import {
  type EventReportRow,
  findEventReport,
  updateEventReport as storeEventChanges,
} from '../../../store/monitoring/event-reports.repository.ts';
import type { Actor } from '../../access/sessions.ts';
import { assertEventRevision, eventChangedMeanwhile, loadVerifiableEvent } from './event-access.ts';
import { dedupeKeyOfRow } from './event-dedupe.ts';
import { presentEventReports } from './event-presenter.ts';
import type { EventReportChanges } from './event-report.schema.ts';
import { publishEventReportChanged } from './event-report-events.ts';
import { storedOccurredAt } from './event-time.ts';

/**
 * The mission corrects a report (a place, a time, the grading) on the revision it read; a change
 * on an older one is refused, not merged. Its status moves only through the verification steps.
 */
export async function updateEventReport(
  database: Database,
  actor: Actor,
  processId: string,
  eventId: string,
  changes: EventReportChanges,
) {
  const updated = await database.db.transaction().execute(async (tx) => {
    const { viewer, event } = await loadVerifiableEvent(tx, actor, processId, eventId);
    assertEventRevision(event, changes.revision);
    const next: EventReportRow = {
      ...event,
      occurred_at: storedOccurredAt(
        changes.occurredAt ?? event.occurred_at,
        changes.timePrecision ?? (event.time_precision as TimePrecision),
      ),
      time_precision: changes.timePrecision ?? event.time_precision,
      place_name: changes.placeName ?? event.place_name,
      latitude: changes.latitude !== undefined ? changes.latitude : event.latitude,
      longitude: changes.longitude !== undefined ? changes.longitude : event.longitude,
      geo_precision: changes.geoPrecision !== undefined ? changes.geoPrecision : event.geo_precision,
      event_type: changes.eventType ?? event.event_type,
      sub_event_type: changes.subEventType ?? event.sub_event_type,
      actor1: changes.actor1 ?? event.actor1,
      actor2: changes.actor2 ?? event.actor2,
      fatalities: changes.fatalities !== undefined ? changes.fatalities : event.fatalities,
      description: changes.description ?? event.description,
      source: changes.source ?? event.source,
      source_reliability: changes.sourceReliability ?? event.source_reliability,
      info_credibility: changes.infoCredibility ?? event.info_credibility,
      external_id: changes.externalId !== undefined ? changes.externalId : event.external_id,
      updated_at: new Date().toISOString(),
    };
    if ((next.latitude === null) !== (next.longitude === null))
      throw invalid(
        next.latitude === null ? 'body.latitude' : 'body.longitude',
        'give latitude and longitude together',
      );
    const { id: _id, revision: _revision, ...rest } = next;
    const ok = await storeEventChanges(tx, eventId, event.revision, {
      ...rest,
      dedupe_key: dedupeKeyOfRow(next),
    });
    if (!ok) throw eventChangedMeanwhile();
    await appendAudit(tx, {
      processId,
      actorId: actor.user.id,
      action: 'event_report.update',
      subjectType: 'event_report',
      subjectId: eventId,
      detail: {
        fields: Object.keys(changes).filter(
          (k) => k !== 'revision' && changes[k as keyof EventReportChanges] !== undefined,
        ),
        revision: event.revision + 1,
      },
    });
    const row = await findEventReport(tx, processId, eventId);
    const [view] = await presentEventReports(tx, viewer, processId, row ? [row] : []);
    return { row: row ?? next, eventReport: view! };
  });
  await publishEventReportChanged(database, updated.row);
  return updated.eventReport;
}
