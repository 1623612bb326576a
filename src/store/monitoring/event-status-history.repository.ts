import type { Selectable } from 'kysely';
import type { Tx } from '../transaction.ts';
import type { EventStatusHistoryTable } from './monitoring.tables.ts';

/** One step of an event report's verification: the status it entered, the attribution, a note. */
export type EventStatusHistoryRow = Selectable<EventStatusHistoryTable>;

/** Rows per INSERT (7 columns): an import writes the first step of every report it adds. */
const BATCH = 1000;

export async function insertEventStatusHistory(
  tx: Tx,
  rows: readonly EventStatusHistoryRow[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH)
    await tx
      .insertInto('event_status_history')
      .values(rows.slice(i, i + BATCH))
      .execute();
}

/** The verification history of some reports, oldest first, with who made each step. */
export async function listEventStatusHistory(tx: Tx, eventReportIds: readonly string[]) {
  if (eventReportIds.length === 0) return [];
  return tx
    .selectFrom('event_status_history as h')
    .innerJoin('users as u', 'u.id', 'h.changed_by')
    .selectAll('h')
    .select('u.name as changed_by_name')
    .where('h.event_report_id', 'in', [...eventReportIds])
    .orderBy('h.event_report_id')
    .orderBy('h.changed_at')
    .orderBy('h.id')
    .execute();
}
