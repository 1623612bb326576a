import type { ExpressionBuilder, Selectable, Updateable } from 'kysely';
import { sql } from 'kysely';
import type { Schema } from '../schema.ts';
import type { Tx } from '../transaction.ts';
import type { EventReportTable } from './monitoring.tables.ts';

export type EventReportRow = Selectable<EventReportTable>;

/**
 * Rows per INSERT: 28 columns × 400 rows = 11,200 parameters, well inside PostgreSQL's 65,535 and
 * SQLite's 32,766, and large enough that a 100,000-row import is 250 statements.
 */
export const EVENT_INSERT_BATCH = 400;

export async function insertEventReports(tx: Tx, rows: readonly EventReportRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += EVENT_INSERT_BATCH)
    await tx
      .insertInto('event_reports')
      .values(rows.slice(i, i + EVENT_INSERT_BATCH))
      .execute();
}

export async function findEventReport(
  tx: Tx,
  processId: string,
  id: string,
): Promise<EventReportRow | undefined> {
  return tx
    .selectFrom('event_reports')
    .selectAll()
    .where('process_id', '=', processId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Changes a report if it is still at `expectedRevision` (compare-and-set); false when it was not. */
export async function updateEventReport(
  tx: Tx,
  id: string,
  expectedRevision: number,
  changes: Omit<Updateable<EventReportTable>, 'id' | 'revision'>,
): Promise<boolean> {
  const result = await tx
    .updateTable('event_reports')
    .set({ ...changes, revision: expectedRevision + 1 })
    .where('id', '=', id)
    .where('revision', '=', expectedRevision)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The filters the list and the map share; instants are UTC ISO-8601, both ends inclusive. */
export interface EventFilter {
  processId: string;
  /**
   * Null: the reader sees every report (the monitoring mission). Otherwise the reader's party:
   * only verified reports and that party's own are read from the database at all.
   */
  readerPartyId: string | null;
  from?: string;
  to?: string;
  type?: string;
  status?: string;
  /** Reports attributed to this party. */
  partyId?: string;
  /** Words to find in the place, actors, type, source or description (case-insensitive). */
  q?: string;
}

type Where = ExpressionBuilder<Schema & { e: EventReportTable }, 'e'>;

/** LIKE with our own escape character, spelled out so that both engines read it alike. */
const likeEscaped = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function filtered(eb: Where, f: EventFilter) {
  const conditions = [eb('e.process_id', '=', f.processId)];
  if (f.readerPartyId !== null)
    conditions.push(
      eb.or([eb('e.status', '=', 'verified'), eb('e.reported_by_party_id', '=', f.readerPartyId)]),
    );
  if (f.from !== undefined) conditions.push(eb('e.occurred_at', '>=', f.from));
  if (f.to !== undefined) conditions.push(eb('e.occurred_at', '<=', f.to));
  if (f.type !== undefined) conditions.push(eb('e.event_type', '=', f.type));
  if (f.status !== undefined) conditions.push(eb('e.status', '=', f.status));
  if (f.partyId !== undefined) conditions.push(eb('e.attributed_party_id', '=', f.partyId));
  if (f.q !== undefined && f.q !== '') {
    const pattern = likeEscaped(f.q);
    conditions.push(
      eb.or(
        (['place_name', 'actor1', 'actor2', 'event_type', 'source', 'description'] as const).map(
          (column) => sql<boolean>`lower(${sql.ref(`e.${column}`)}) like ${pattern} escape '\\'`,
        ),
      ),
    );
  }
  return eb.and(conditions);
}

/** Keyset position in the list: newest first by when it happened, then by id. */
export interface EventCursor {
  occurredAt: string;
  id: string;
}

/**
 * One page of reports matching the filter, newest first. Keyset paging on (occurred_at, id) walks
 * the (process_id, occurred_at) index, so a page costs the same deep in 100,000 reports.
 */
export async function listEventReports(
  tx: Tx,
  filter: EventFilter,
  after: EventCursor | null,
  limit: number,
): Promise<EventReportRow[]> {
  let query = tx
    .selectFrom('event_reports as e')
    .selectAll('e')
    .where((eb) => filtered(eb, filter));
  if (after !== null)
    query = query.where((eb) =>
      eb.or([
        eb('e.occurred_at', '<', after.occurredAt),
        eb.and([eb('e.occurred_at', '=', after.occurredAt), eb('e.id', '<', after.id)]),
      ]),
    );
  return query.orderBy('e.occurred_at', 'desc').orderBy('e.id', 'desc').limit(limit).execute();
}

/** What the map draws of each report: the few columns it needs, for every matching located report. */
export async function listEventPoints(tx: Tx, filter: EventFilter) {
  return tx
    .selectFrom('event_reports as e')
    .select([
      'e.id',
      'e.longitude',
      'e.latitude',
      'e.event_type',
      'e.occurred_at',
      'e.status',
      'e.reported_by_party_id',
    ])
    .where((eb) => filtered(eb, filter))
    .where('e.latitude', 'is not', null)
    .where('e.longitude', 'is not', null)
    .orderBy('e.occurred_at')
    .orderBy('e.id')
    .execute();
}

/** Of the given source ids and dedupe keys, those a report of the process already has. */
export async function existingEventKeys(
  tx: Tx,
  processId: string,
  externalIds: readonly string[],
  dedupeKeys: readonly string[],
): Promise<{ externalIds: Set<string>; dedupeKeys: Set<string> }> {
  const found = { externalIds: new Set<string>(), dedupeKeys: new Set<string>() };
  if (externalIds.length > 0) {
    const rows = await tx
      .selectFrom('event_reports')
      .select('external_id')
      .where('process_id', '=', processId)
      .where('external_id', 'in', [...externalIds])
      .execute();
    for (const r of rows) if (r.external_id !== null) found.externalIds.add(r.external_id);
  }
  if (dedupeKeys.length > 0) {
    const rows = await tx
      .selectFrom('event_reports')
      .select('dedupe_key')
      .where('process_id', '=', processId)
      .where('dedupe_key', 'in', [...dedupeKeys])
      .execute();
    for (const r of rows) found.dedupeKeys.add(r.dedupe_key);
  }
  return found;
}

/** The names of the members who filed some reports, by user id. */
export async function eventReporterNames(tx: Tx, userIds: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return new Map();
  const users = await tx.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(users.map((u) => [u.id, u.name]));
}

/** Whether any report of the process was written or changed at or after `since`. */
export async function eventsChangedSince(tx: Tx, processId: string, since: string): Promise<boolean> {
  const row = await tx
    .selectFrom('event_reports')
    .select('id')
    .where('process_id', '=', processId)
    .where('updated_at', '>=', since)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
