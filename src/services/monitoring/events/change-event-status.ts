import { checkEventStatusChange } from '../../../domain/monitoring/event-verification.ts';
import type { EventStatus } from '../../../domain/monitoring/monitoring-model.ts';
import { invalid } from '../../../domain/shared/app-error.ts';
import { newId } from '../../../domain/shared/ids.ts';
import { appendAudit } from '../../../store/audit/audit.repository.ts';
import type { Database } from '../../../store/database.ts';
import { findEventReport, updateEventReport } from '../../../store/monitoring/event-reports.repository.ts';
import { insertEventStatusHistory } from '../../../store/monitoring/event-status-history.repository.ts';
import { findParty } from '../../../store/processes/processes.repository.ts';
import type { Actor } from '../../access/sessions.ts';
import { eventChangedMeanwhile, loadVerifiableEvent } from './event-access.ts';
import { presentEventReports } from './event-presenter.ts';
import type { EventStatusChange } from './event-report.schema.ts';
import { publishEventReportChanged } from './event-report-events.ts';

/**
 * Moves a report through the verification workflow (event-verification.ts) and appends the step
 * to its history. A finding of verified or unverified may attribute the event to a party; without
 * one, an attribution made earlier stays. Once verified, every member of the process reads it.
 */
export async function changeEventStatus(
  database: Database,
  actor: Actor,
  processId: string,
  eventId: string,
  input: EventStatusChange,
) {
  const changed = await database.db.transaction().execute(async (tx) => {
    const { viewer, event } = await loadVerifiableEvent(tx, actor, processId, eventId);
    const attributedPartyId = input.attributedPartyId ?? null;
    checkEventStatusChange({ from: event.status as EventStatus, to: input.status, attributedPartyId });
    if (attributedPartyId !== null && !(await findParty(tx, processId, attributedPartyId)))
      throw invalid('body.attributedPartyId', 'is not a party of this process');
    const now = new Date().toISOString();
    const attribution = attributedPartyId ?? event.attributed_party_id;
    const ok = await updateEventReport(tx, eventId, event.revision, {
      status: input.status,
      attributed_party_id: attribution,
      updated_at: now,
    });
    if (!ok) throw eventChangedMeanwhile();
    await insertEventStatusHistory(tx, [
      {
        id: newId('esh'),
        event_report_id: eventId,
        status: input.status,
        attributed_party_id: attributedPartyId,
        note: input.note,
        changed_by: actor.user.id,
        changed_at: now,
      },
    ]);
    await appendAudit(tx, {
      processId,
      actorId: actor.user.id,
      action: 'event_report.status',
      subjectType: 'event_report',
      subjectId: eventId,
      detail: {
        from: event.status,
        to: input.status,
        ...(attributedPartyId ? { partyId: attributedPartyId } : {}),
      },
    });
    const row = await findEventReport(tx, processId, eventId);
    const [view] = await presentEventReports(tx, viewer, processId, row ? [row] : []);
    return { row: row!, eventReport: view! };
  });
  await publishEventReportChanged(database, changed.row);
  return changed.eventReport;
}
