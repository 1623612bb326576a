import { can } from '../../../domain/access/policies.ts';
import { EVENT_STATUSES, type EventStatus } from '../../../domain/monitoring/monitoring-model.ts';
import type { Database } from '../../../store/database.ts';
import { listEventPoints } from '../../../store/monitoring/event-reports.repository.ts';
import type { Actor } from '../../access/sessions.ts';
import { loadProcessViewer } from '../../meetings/meeting-access.ts';
import { eventSubject, readerPartyOf } from './event-access.ts';
import type { EventMapQuery } from './event-report.schema.ts';

/** One located event on the map: id, lon, lat, index into `types`, epoch seconds, index into `statuses`. */
export type MapEvent = [string, number, number, number, number, number];

/**
 * The located events the actor may read, as compact rows for the map: 100,000 events are one
 * query and a few megabytes of JSON, where full reports would be a hundred. Types are listed once
 * and referred to by index; statuses by their index in `statuses`.
 */
export async function eventMap(database: Database, actor: Actor, processId: string, q: EventMapQuery) {
  const { viewer } = await loadProcessViewer(database.db, actor, processId);
  const rows = await listEventPoints(database.db, {
    processId,
    readerPartyId: readerPartyOf(viewer),
    from: q.from,
    to: q.to,
    type: q.type,
    status: q.status,
  });
  const types: string[] = [];
  const typeIndex = new Map<string, number>();
  const statusIndex = new Map<string, number>(EVENT_STATUSES.map((s, i) => [s, i]));
  const events: MapEvent[] = [];
  for (const r of rows) {
    if (r.latitude === null || r.longitude === null) continue;
    if (!can(viewer, 'event.read', eventSubject(r))) continue;
    let t = typeIndex.get(r.event_type);
    if (t === undefined) {
      t = types.push(r.event_type) - 1;
      typeIndex.set(r.event_type, t);
    }
    events.push([
      r.id,
      r.longitude,
      r.latitude,
      t,
      Math.floor(Date.parse(r.occurred_at) / 1000),
      statusIndex.get(r.status as EventStatus) ?? 0,
    ]);
  }
  return { types, statuses: EVENT_STATUSES, events };
}
