import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Tx } from '../transaction.ts';
import type { EventImportTable } from './monitoring.tables.ts';

/** One CSV import that wrote reports: its file, mapping and counts. */
export type EventImportRow = Selectable<EventImportTable>;

export async function insertEventImport(tx: Tx, row: EventImportRow): Promise<void> {
  await tx.insertInto('event_imports').values(row).execute();
}

/** The imports of a process, newest first, with who ran each. */
export async function listEventImports(tx: Tx, processId: string) {
  return tx
    .selectFrom('event_imports as i')
    .innerJoin('users as u', 'u.id', 'i.created_by')
    .selectAll('i')
    .select('u.name as created_by_name')
    .where('i.process_id', '=', processId)
    .orderBy('i.created_at', 'desc')
    .orderBy('i.id', 'desc')
    .execute();
}

/** Sets the counts of an import once its rows are written. */
export async function updateEventImportCounts(
  tx: Tx,
  id: string,
  counts: { rows_imported: number; rows_duplicate: number },
): Promise<void> {
  await tx.updateTable('event_imports').set(counts).where('id', '=', id).execute();
}

/**
 * Opens the writing phase of an import. It is serialised per process, so that two uploads of the
 * same file cannot both find its events new: SQLite has a single writer already; PostgreSQL takes
 * a transaction-scoped advisory lock. PostgreSQL is also told to plan each statement afresh: a
 * plan cached while the table was small would scan every report for each batch's look-up once
 * the import has added tens of thousands (the statistics know nothing of uncommitted rows).
 */
export async function beginImportWrite(
  tx: Tx,
  dialect: 'sqlite' | 'postgres',
  processId: string,
): Promise<void> {
  if (dialect !== 'postgres') return;
  await sql`select pg_advisory_xact_lock(hashtext(${`event_import:${processId}`}))`.execute(tx);
  await sql`set local plan_cache_mode = force_custom_plan`.execute(tx);
}

/**
 * Refreshes PostgreSQL's statistics of the reports after a large import, as one does after any
 * bulk load, so that lists, the map and the next import's look-ups are planned for the table's
 * real size (an ANALYZE also drops the plans cached for the old one). SQLite needs none.
 */
export async function analyzeEventReports(tx: Tx, dialect: 'sqlite' | 'postgres'): Promise<void> {
  if (dialect === 'postgres') await sql`analyze event_reports`.execute(tx);
}
