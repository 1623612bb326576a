import { can, type Subject, type Viewer } from '../../../domain/access/policies.ts';
import { AppError } from '../../../domain/shared/app-error.ts';
import { type EventReportRow, findEventReport } from '../../../store/monitoring/event-reports.repository.ts';
import type { Tx } from '../../../store/transaction.ts';
import { authorize } from '../../access/authorize.ts';
import type { Actor } from '../../access/sessions.ts';
import { loadProcessViewer } from '../../meetings/meeting-access.ts';

/**
 * The same answer for a report that does not exist and another party's allegation the reader may
 * not see yet: that it was filed at all is the mission's business until it is verified.
 */
export const eventReportNotFound = (id: string) =>
  new AppError('event_report.not_found', `event report ${id} does not exist or is not shared with you`);

/** An event report as the `event.read` policy sees it. */
export function eventSubject(row: Pick<EventReportRow, 'reported_by_party_id' | 'status'>): Subject {
  return { eventReport: { reportedByParty: row.reported_by_party_id, verified: row.status === 'verified' } };
}

/** Whether the viewer reads every report of the process (the mission) or only some. */
export function seesAllEvents(viewer: Viewer): boolean {
  return can(viewer, 'event.read', { eventReport: { reportedByParty: null, verified: false } });
}

/**
 * The party whose unverified reports the viewer reads besides the verified ones; null for the
 * mission, which reads them all. Someone with no party (never a member here) reads only verified ones.
 */
export function readerPartyOf(viewer: Viewer): string | null {
  return seesAllEvents(viewer) ? null : (viewer.membership?.partyId ?? '');
}

/** Loads a report the viewer may read; one they may not is "not found", like one that does not exist. */
export async function loadReadableEvent(tx: Tx, viewer: Viewer, processId: string, eventId: string) {
  const event = await findEventReport(tx, processId, eventId);
  if (!event || !can(viewer, 'event.read', eventSubject(event))) throw eventReportNotFound(eventId);
  return event;
}

/** Loads a report the actor may verify, correct or link (the monitoring mission). */
export async function loadVerifiableEvent(tx: Tx, actor: Actor, processId: string, eventId: string) {
  const { viewer } = await loadProcessViewer(tx, actor, processId);
  const event = await loadReadableEvent(tx, viewer, processId, eventId);
  authorize(viewer, 'event.verify', () => eventReportNotFound(eventId));
  return { viewer, event };
}

/** Refuses a change made on an older revision than the report is at now. */
export function assertEventRevision(event: EventReportRow, seen: number): void {
  if (seen === event.revision) return;
  throw new AppError(
    'conflict',
    `the event report was changed by someone else (it is at revision ${event.revision}, you read ${seen}); reload it and try again`,
    { extra: { currentRevision: event.revision } },
  );
}

/** The answer when a guarded update lost to a concurrent one. */
export const eventChangedMeanwhile = () =>
  new AppError(
    'conflict',
    'the event report was changed by someone else at the same moment; reload it and try again',
  );
