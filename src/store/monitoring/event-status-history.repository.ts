import type { Selectable } from 'kysely';
import { sql } from 'kysely';
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

/**
 * The first step of every report an import wrote, in one statement: 100,000 history rows built by
 * the database from the reports themselves instead of sent row by row. Each takes its report's id
 * (prefixed) as its own, so no two collide.
 */
export async function insertImportedHistory(tx: Tx, importId: string): Promise<void> {
  await tx
    .insertInto('event_status_history')
    .columns(['id', 'event_report_id', 'status', 'attributed_party_id', 'note', 'changed_by', 'changed_at'])
    .expression((eb) =>
      eb
        .selectFrom('event_reports as e')
        .select([
          sql<string>`${sql.lit('esh_')} || ${sql.ref('e.id')}`.as('id'),
          'e.id as event_report_id',
          'e.status',
          sql<null>`null`.as('attributed_party_id'),
          sql<string>`${sql.lit('')}`.as('note'),
          'e.reported_by',
          'e.created_at',
        ])
        .where('e.import_id', '=', importId),
    )
    .execute();
}
