import type { Selectable } from 'kysely';
import type { Tx } from '../transaction.ts';
import type { EventCommitmentLinkTable } from './monitoring.tables.ts';

export type EventCommitmentLinkRow = Selectable<EventCommitmentLinkTable>;

export async function insertEventLink(tx: Tx, row: EventCommitmentLinkRow): Promise<void> {
  await tx.insertInto('event_commitment_links').values(row).execute();
}

/** Removes a link; false when there was none. */
export async function deleteEventLink(tx: Tx, eventReportId: string, commitmentId: string): Promise<boolean> {
  const result = await tx
    .deleteFrom('event_commitment_links')
    .where('event_report_id', '=', eventReportId)
    .where('commitment_id', '=', commitmentId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export async function findEventLink(tx: Tx, eventReportId: string, commitmentId: string) {
  return tx
    .selectFrom('event_commitment_links')
    .selectAll()
    .where('event_report_id', '=', eventReportId)
    .where('commitment_id', '=', commitmentId)
    .executeTakeFirst();
}

/**
 * The commitments some reports are linked to, with their agreement: who may read a commitment is
 * decided by who holds the agreement's version, so the caller filters on it.
 */
export async function listEventLinks(tx: Tx, eventReportIds: readonly string[]) {
  if (eventReportIds.length === 0) return [];
  return tx
    .selectFrom('event_commitment_links as l')
    .innerJoin('commitments as c', 'c.id', 'l.commitment_id')
    .select([
      'l.event_report_id',
      'l.commitment_id',
      'l.created_at',
      'c.title as commitment_title',
      'c.agreement_id',
    ])
    .where('l.event_report_id', 'in', [...eventReportIds])
    .orderBy('l.event_report_id')
    .orderBy('c.position')
    .orderBy('c.id')
    .execute();
}

/** A commitment of the process, as far as linking a report to it needs. */
export async function findLinkableCommitment(tx: Tx, processId: string, commitmentId: string) {
  return tx
    .selectFrom('commitments as c')
    .select(['c.id', 'c.title', 'c.agreement_id'])
    .where('c.process_id', '=', processId)
    .where('c.id', '=', commitmentId)
    .executeTakeFirst();
}

/** Whether a report has already brought a progress entry to a commitment (it may do so once). */
export async function eventMovedProgress(
  tx: Tx,
  eventReportId: string,
  commitmentId: string,
): Promise<boolean> {
  const row = await tx
    .selectFrom('commitment_progress')
    .select('id')
    .where('event_report_id', '=', eventReportId)
    .where('commitment_id', '=', commitmentId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
