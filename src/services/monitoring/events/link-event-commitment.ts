import { can, type Viewer } from '../../../domain/access/policies.ts';
import { EVENT_STATUS_LABELS, mayMoveProgress } from '../../../domain/monitoring/event-verification.ts';
import type { EventStatus } from '../../../domain/monitoring/monitoring-model.ts';
import { AppError } from '../../../domain/shared/app-error.ts';
import { newId } from '../../../domain/shared/ids.ts';
import { appendAudit } from '../../../store/audit/audit.repository.ts';
import type { Database } from '../../../store/database.ts';
import { holdersOfAgreements } from '../../../store/monitoring/agreements.repository.ts';
import { insertProgress } from '../../../store/monitoring/commitment-progress.repository.ts';
import {
  deleteEventLink,
  eventMovedProgress,
  findEventLink,
  findLinkableCommitment,
  insertEventLink,
} from '../../../store/monitoring/event-commitment-links.repository.ts';
import type { EventReportRow } from '../../../store/monitoring/event-reports.repository.ts';
import type { Tx } from '../../../store/transaction.ts';
import { authorize } from '../../access/authorize.ts';
import type { Actor } from '../../access/sessions.ts';
import { publishCommitmentChanged } from '../commitments/commitment-events.ts';
import { loadVerifiableEvent } from './event-access.ts';
import { presentEventReports } from './event-presenter.ts';
import type { EventLinkInput } from './event-report.schema.ts';
import { publishEventReportChanged } from './event-report-events.ts';

const commitmentNotFound = (id: string) =>
  new AppError('commitment.not_found', `commitment ${id} does not exist or is not shared with you`);

/** A commitment of the process the viewer may read (its agreement's version is held by their party). */
async function loadLinkableCommitment(tx: Tx, viewer: Viewer, processId: string, commitmentId: string) {
  const commitment = await findLinkableCommitment(tx, processId, commitmentId);
  if (!commitment) throw commitmentNotFound(commitmentId);
  const holders =
    (await holdersOfAgreements(tx, [commitment.agreement_id])).get(commitment.agreement_id) ?? [];
  if (!can(viewer, 'monitoring.read', { releasedTo: holders })) throw commitmentNotFound(commitmentId);
  return { commitment, holders };
}

/**
 * The holders of a commitment's agreement who are to hear that a report was linked to it or
 * unlinked: all of them once the report is verified; before, only the filing party, for the
 * commitment reads the same as before to every other party (the link is left out of their view),
 * and telling them it changed would say that a report they may not see concerns it. The mission
 * hears of the report itself (event_report.changed), and the mediator team of every change.
 */
function holdersToTell(event: EventReportRow, holders: readonly string[]): string[] {
  if (event.status === 'verified') return [...holders];
  return holders.filter((p) => p === event.reported_by_party_id);
}

/**
 * Links a report to a commitment it concerns and, with `progress`, records what it shows as a
 * progress entry dated when the event happened, citing the report; all in one transaction. Any
 * report may be linked, but only a verified one moves progress: an allegation under investigation
 * is refused (409), so that no commitment looks breached or done on an unconfirmed claim. Linking
 * again adds the progress to the existing link, once per report and commitment.
 */
export async function linkEventToCommitment(
  database: Database,
  actor: Actor,
  processId: string,
  eventId: string,
  input: EventLinkInput,
) {
  const linked = await database.db.transaction().execute(async (tx) => {
    const { viewer, event } = await loadVerifiableEvent(tx, actor, processId, eventId);
    const { commitment, holders } = await loadLinkableCommitment(tx, viewer, processId, input.commitmentId);
    const progress = input.progress;
    if (progress) {
      authorize(viewer, 'commitment.record', () => commitmentNotFound(commitment.id));
      if (!mayMoveProgress(event.status as EventStatus))
        throw new AppError(
          'transition.not_allowed',
          `a ${EVENT_STATUS_LABELS[event.status as EventStatus].toLowerCase()} event report cannot move a commitment's progress: verify it first, or link it without progress`,
          { extra: { eventStatus: event.status } },
        );
      if (await eventMovedProgress(tx, eventId, commitment.id))
        throw new AppError(
          'conflict',
          'this event report has already moved the progress of this commitment; record further progress on the commitment itself',
        );
    }
    const now = new Date().toISOString();
    const existing = await findEventLink(tx, eventId, commitment.id);
    if (!existing)
      await insertEventLink(tx, {
        event_report_id: eventId,
        commitment_id: commitment.id,
        created_by: actor.user.id,
        created_at: now,
      });
    const progressId = progress ? newId('prg') : null;
    if (progress && progressId)
      await insertProgress(tx, {
        id: progressId,
        commitment_id: commitment.id,
        occurred_at: event.occurred_at,
        kind: progress.kind,
        quantity: progress.quantity,
        note: progress.note,
        event_report_id: eventId,
        recorded_by: actor.user.id,
        recorded_at: now,
      });
    await appendAudit(tx, {
      processId,
      actorId: actor.user.id,
      action: 'event_report.link',
      subjectType: 'event_report',
      subjectId: eventId,
      detail: {
        commitmentId: commitment.id,
        relinked: existing !== undefined,
        ...(progress ? { kind: progress.kind, quantity: progress.quantity } : {}),
      },
    });
    const [view] = await presentEventReports(tx, viewer, processId, [event]);
    return {
      event,
      holders: holdersToTell(event, holders),
      agreementId: commitment.agreement_id,
      result: {
        eventReport: view!,
        progress:
          progress && progressId ? { id: progressId, commitmentId: commitment.id, ...progress } : null,
      },
    };
  });
  await publishEventReportChanged(database, linked.event);
  await publishCommitmentChanged(database, {
    processId,
    agreementId: linked.agreementId,
    commitmentId: input.commitmentId,
    holders: linked.holders,
  });
  return linked.result;
}

/**
 * Removes a link. A progress entry the report brought stays in the commitment's history, citing
 * it: progress is corrected by a new entry, not by forgetting one.
 */
export async function unlinkEventFromCommitment(
  database: Database,
  actor: Actor,
  processId: string,
  eventId: string,
  commitmentId: string,
): Promise<void> {
  const unlinked = await database.db.transaction().execute(async (tx) => {
    const { viewer, event } = await loadVerifiableEvent(tx, actor, processId, eventId);
    const { commitment, holders } = await loadLinkableCommitment(tx, viewer, processId, commitmentId);
    if (!(await deleteEventLink(tx, eventId, commitmentId)))
      throw new AppError('not_found', `event report ${eventId} is not linked to commitment ${commitmentId}`);
    await appendAudit(tx, {
      processId,
      actorId: actor.user.id,
      action: 'event_report.unlink',
      subjectType: 'event_report',
      subjectId: eventId,
      detail: { commitmentId },
    });
    return { event, holders: holdersToTell(event, holders), agreementId: commitment.agreement_id };
  });
  await publishEventReportChanged(database, unlinked.event);
  await publishCommitmentChanged(database, {
    processId,
    agreementId: unlinked.agreementId,
    commitmentId,
    holders: unlinked.holders,
  });
}
