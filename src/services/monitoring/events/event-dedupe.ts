import { eventDedupeKey } from '../../../domain/monitoring/event-import/event-dedupe.ts';
import type {
  EventStatus,
  InfoCredibility,
  SourceReliability,
  TimePrecision,
} from '../../../domain/monitoring/monitoring-model.ts';
import type { EventReportRow } from '../../../store/monitoring/event-reports.repository.ts';

/**
 * The de-duplication key of a stored report, by the imports' recipe, so that re-importing a
 * dataset also recognises the events the mission filed by hand or corrected since.
 */
export function dedupeKeyOfRow(row: Omit<EventReportRow, 'dedupe_key'>): string {
  return eventDedupeKey({
    externalId: row.external_id,
    occurredAt: row.occurred_at,
    timePrecision: row.time_precision as TimePrecision,
    placeName: row.place_name,
    latitude: row.latitude,
    longitude: row.longitude,
    geoPrecision: row.geo_precision as 1 | 2 | 3 | null,
    eventType: row.event_type,
    subEventType: row.sub_event_type,
    actor1: row.actor1,
    actor2: row.actor2,
    fatalities: row.fatalities,
    description: row.description,
    source: row.source,
    sourceReliability: row.source_reliability as SourceReliability,
    infoCredibility: row.info_credibility as InfoCredibility,
    status: row.status as EventStatus,
  });
}
