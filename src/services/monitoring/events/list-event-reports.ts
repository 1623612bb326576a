import { can } from '../../../domain/access/policies.ts';
import type { Database } from '../../../store/database.ts';
import { listEventReports as storeListEventReports } from '../../../store/monitoring/event-reports.repository.ts';
import type { Actor } from '../../access/sessions.ts';
import { loadProcessViewer } from '../../meetings/meeting-access.ts';
import { eventSubject, readerPartyOf } from './event-access.ts';
import { presentEventReports } from './event-presenter.ts';
import { EVENT_PAGE_DEFAULT, type EventListQuery, encodeEventCursor } from './event-report.schema.ts';

/**
 * A page of the event reports the actor may read, newest first, with the filters applied. The
 * query reads only those (the mission's, the reader's party's, verified ones), and each row is
 * checked by the policy as well.
 */
export async function listEventReports(
  database: Database,
  actor: Actor,
  processId: string,
  q: EventListQuery,
) {
  const tx = database.db;
  const { viewer } = await loadProcessViewer(tx, actor, processId);
  const limit = q.limit ?? EVENT_PAGE_DEFAULT;
  const rows = await storeListEventReports(
    tx,
    {
      processId,
      readerPartyId: readerPartyOf(viewer),
      from: q.from,
      to: q.to,
      type: q.type,
      status: q.status,
      partyId: q.partyId,
      q: q.q,
    },
    q.cursor ?? null,
    // One more than shown, to know whether another page follows without counting.
    limit + 1,
  );
  const page = rows.slice(0, limit).filter((r) => can(viewer, 'event.read', eventSubject(r)));
  const last = rows.length > limit ? rows[limit - 1] : undefined;
  return {
    items: await presentEventReports(tx, viewer, processId, page),
    nextCursor: last ? encodeEventCursor(last) : null,
    canReport: can(viewer, 'event.report'),
    canVerify: can(viewer, 'event.verify'),
  };
}
