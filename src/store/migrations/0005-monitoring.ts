import { type CreateTableBuilder, type Kysely, PostgresAdapter, sql } from 'kysely';

const ref = (table: string) => `${table}.id`;
const id = 'varchar(64)';
const instant = 'varchar(40)';

type Table = CreateTableBuilder<string, never>;
const processColumn = (t: Table) =>
  t.addColumn('process_id', id, (c) => c.notNull().references(ref('processes')).onDelete('cascade'));

/**
 * Implementation monitoring: agreements adopted on a version, with signatures and phases; the
 * commitments they set, with progress entries and implementation scores kept as history; event
 * reports with their verification history and links to commitments; zones; outgoing webhooks.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('agreements')
    .addColumn('id', id, (c) => c.primaryKey())
    .$call(processColumn)
    .addColumn('plan_id', id, (c) => c.notNull().references(ref('plans')).onDelete('cascade'))
    .addColumn('version_id', id, (c) => c.notNull().unique().references(ref('versions')).onDelete('cascade'))
    .addColumn('title', 'varchar(300)', (c) => c.notNull())
    .addColumn('adopted_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('entry_into_force_local', 'varchar(20)')
    .addColumn('entry_into_force_zone', 'varchar(64)')
    .addColumn('entry_into_force_at', instant)
    .addColumn('created_by', id, (c) => c.notNull().references(ref('users')))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('agreements_process').on('agreements').column('process_id').execute();

  await db.schema
    .createTable('agreement_signatures')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('agreement_id', id, (c) => c.notNull().references(ref('agreements')).onDelete('cascade'))
    .addColumn('party_id', id, (c) => c.notNull().references(ref('parties')).onDelete('cascade'))
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('signed_on', 'varchar(10)', (c) => c.notNull())
    .addUniqueConstraint('agreement_signatures_party', ['agreement_id', 'party_id'])
    .execute();

  await db.schema
    .createTable('agreement_phases')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('agreement_id', id, (c) => c.notNull().references(ref('agreements')).onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('agreement_phases_agreement')
    .on('agreement_phases')
    .column('agreement_id')
    .execute();

  await db.schema
    .createTable('commitments')
    .addColumn('id', id, (c) => c.primaryKey())
    .$call(processColumn)
    .addColumn('agreement_id', id, (c) => c.notNull().references(ref('agreements')).onDelete('cascade'))
    .addColumn('point_id', id)
    .addColumn('sub_item', 'integer')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'varchar(300)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('phase_id', id, (c) => c.references(ref('agreement_phases')).onDelete('set null'))
    .addColumn('deadline_kind', 'varchar(32)', (c) => c.notNull())
    .addColumn('deadline_local', 'varchar(20)')
    .addColumn('deadline_zone', 'varchar(64)')
    .addColumn('deadline_at', instant)
    .addColumn('offset_amount', 'integer')
    .addColumn('offset_unit', 'varchar(16)')
    // No foreign key: a cycle of anchors is refused by the domain, and deleting the anchor is refused too.
    .addColumn('anchor_commitment_id', id)
    .addColumn('target_quantity', 'integer')
    .addColumn('target_unit', 'varchar(120)')
    .addColumn('verification_method', 'text', (c) => c.notNull())
    .addColumn('created_by', id, (c) => c.notNull().references(ref('users')))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('commitments_agreement')
    .on('commitments')
    .columns(['agreement_id', 'position'])
    .execute();

  await db.schema
    .createTable('commitment_parties')
    .addColumn('commitment_id', id, (c) => c.notNull().references(ref('commitments')).onDelete('cascade'))
    .addColumn('party_id', id, (c) => c.notNull().references(ref('parties')).onDelete('cascade'))
    .addPrimaryKeyConstraint('commitment_parties_pk', ['commitment_id', 'party_id'])
    .execute();

  await db.schema
    .createTable('event_imports')
    .addColumn('id', id, (c) => c.primaryKey())
    .$call(processColumn)
    .addColumn('file_name', 'varchar(300)', (c) => c.notNull())
    .addColumn('mapping', 'text', (c) => c.notNull())
    .addColumn('rows_total', 'integer', (c) => c.notNull())
    .addColumn('rows_imported', 'integer', (c) => c.notNull())
    .addColumn('rows_duplicate', 'integer', (c) => c.notNull())
    .addColumn('created_by', id, (c) => c.notNull().references(ref('users')))
    .addColumn('created_at', instant, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('event_reports')
    .addColumn('id', id, (c) => c.primaryKey())
    .$call(processColumn)
    .addColumn('external_id', 'varchar(120)')
    .addColumn('dedupe_key', 'varchar(64)', (c) => c.notNull())
    .addColumn('occurred_at', instant, (c) => c.notNull())
    .addColumn('time_precision', 'varchar(16)', (c) => c.notNull())
    .addColumn('place_name', 'varchar(300)', (c) => c.notNull())
    .addColumn('latitude', 'double precision')
    .addColumn('longitude', 'double precision')
    .addColumn('geo_precision', 'integer')
    .addColumn('event_type', 'varchar(120)', (c) => c.notNull())
    .addColumn('sub_event_type', 'varchar(120)', (c) => c.notNull())
    .addColumn('actor1', 'varchar(300)', (c) => c.notNull())
    .addColumn('actor2', 'varchar(300)', (c) => c.notNull())
    .addColumn('fatalities', 'integer')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_reliability', 'varchar(1)', (c) => c.notNull())
    .addColumn('info_credibility', 'integer', (c) => c.notNull())
    .addColumn('status', 'varchar(32)', (c) => c.notNull())
    .addColumn('attributed_party_id', id, (c) => c.references(ref('parties')).onDelete('set null'))
    .addColumn('reported_by_party_id', id, (c) => c.references(ref('parties')).onDelete('set null'))
    .addColumn('reported_by', id, (c) => c.notNull().references(ref('users')))
    .addColumn('import_id', id, (c) => c.references(ref('event_imports')).onDelete('set null'))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  // Re-importing a file finds what is already there by these two keys.
  await db.schema
    .createIndex('event_reports_dedupe')
    .on('event_reports')
    .columns(['process_id', 'dedupe_key'])
    .execute();
  // Covers the map's query (every event of a process in a time range, a few columns each), so
  // that 100,000 events are read from the index alone.
  await db.schema
    .createIndex('event_reports_map')
    .on('event_reports')
    .columns([
      'process_id',
      'occurred_at',
      'id',
      'longitude',
      'latitude',
      'event_type',
      'status',
      'reported_by_party_id',
    ])
    .execute();
  await db.schema
    .createIndex('event_reports_external')
    .on('event_reports')
    .columns(['process_id', 'external_id'])
    .execute();

  await db.schema
    .createTable('event_status_history')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('event_report_id', id, (c) => c.notNull().references(ref('event_reports')).onDelete('cascade'))
    .addColumn('status', 'varchar(32)', (c) => c.notNull())
    .addColumn('attributed_party_id', id)
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('changed_by', id, (c) => c.notNull().references(ref('users')))
    .addColumn('changed_at', instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('event_status_history_event')
    .on('event_status_history')
    .column('event_report_id')
    .execute();

  await db.schema
    .createTable('event_commitment_links')
    .addColumn('event_report_id', id, (c) => c.notNull().references(ref('event_reports')).onDelete('cascade'))
    .addColumn('commitment_id', id, (c) => c.notNull().references(ref('commitments')).onDelete('cascade'))
    .addColumn('created_by', id, (c) => c.notNull().references(ref('users')))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('event_commitment_links_pk', ['event_report_id', 'commitment_id'])
    .execute();
  await db.schema
    .createIndex('event_commitment_links_commitment')
    .on('event_commitment_links')
    .column('commitment_id')
    .execute();

  await db.schema
    .createTable('commitment_progress')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('commitment_id', id, (c) => c.notNull().references(ref('commitments')).onDelete('cascade'))
    .addColumn('occurred_at', instant, (c) => c.notNull())
    .addColumn('kind', 'varchar(32)', (c) => c.notNull())
    .addColumn('quantity', 'integer')
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('event_report_id', id, (c) => c.references(ref('event_reports')).onDelete('set null'))
    .addColumn('recorded_by', id, (c) => c.notNull().references(ref('users')))
    .addColumn('recorded_at', instant, (c) => c.notNull())
    .execute();
  // Covers what the status as of a date reads of every entry, in its order, so that 100,000
  // entries need no table lookups; on PostgreSQL in byte order ("C"), as the query sorts.
  if (db.getExecutor().adapter instanceof PostgresAdapter)
    await sql`create index commitment_progress_status on commitment_progress (commitment_id collate "C", occurred_at collate "C", recorded_at collate "C", id collate "C") include (kind, quantity)`.execute(
      db,
    );
  else
    await db.schema
      .createIndex('commitment_progress_status')
      .on('commitment_progress')
      .columns(['commitment_id', 'occurred_at', 'recorded_at', 'id', 'kind', 'quantity'])
      .execute();

  await db.schema
    .createTable('commitment_scores')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('commitment_id', id, (c) => c.notNull().references(ref('commitments')).onDelete('cascade'))
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('justification', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('event_report_ids', 'text', (c) => c.notNull())
    .addColumn('effective_at', instant, (c) => c.notNull())
    .addColumn('recorded_by', id, (c) => c.notNull().references(ref('users')))
    .addColumn('recorded_at', instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('commitment_scores_commitment')
    .on('commitment_scores')
    .columns(['commitment_id', 'effective_at'])
    .execute();

  await db.schema
    .createTable('zones')
    .addColumn('id', id, (c) => c.primaryKey())
    .$call(processColumn)
    .addColumn('agreement_id', id, (c) => c.notNull().references(ref('agreements')).onDelete('cascade'))
    .addColumn('point_id', id)
    .addColumn('name', 'varchar(300)', (c) => c.notNull())
    .addColumn('kind', 'varchar(32)', (c) => c.notNull())
    .addColumn('geometry', 'text', (c) => c.notNull())
    .addColumn('area_km2', 'double precision')
    .addColumn('length_km', 'double precision')
    .addColumn('created_by', id, (c) => c.notNull().references(ref('users')))
    .addColumn('created_at', instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('zones_agreement').on('zones').column('agreement_id').execute();

  await db.schema
    .createTable('webhooks')
    .addColumn('id', id, (c) => c.primaryKey())
    .$call(processColumn)
    .addColumn('url', 'varchar(2000)', (c) => c.notNull())
    .addColumn('secret', 'varchar(128)', (c) => c.notNull())
    .addColumn('events', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', id, (c) => c.notNull().references(ref('users')))
    .addColumn('created_at', instant, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('webhook_id', id, (c) => c.notNull().references(ref('webhooks')).onDelete('cascade'))
    .addColumn('event_kind', 'varchar(64)', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', instant, (c) => c.notNull())
    .addColumn('last_error', 'text', (c) => c.notNull())
    .addColumn('response_status', 'integer')
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('delivered_at', instant)
    .execute();
  await db.schema
    .createIndex('webhook_deliveries_due')
    .on('webhook_deliveries')
    .columns(['status', 'next_attempt_at'])
    .execute();

  await db.schema
    .createTable('commitment_status_notices')
    .addColumn('commitment_id', id, (c) => c.primaryKey().references(ref('commitments')).onDelete('cascade'))
    .addColumn('status', 'varchar(32)', (c) => c.notNull())
    .addColumn('noticed_at', instant, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'commitment_status_notices',
    'webhook_deliveries',
    'webhooks',
    'zones',
    'commitment_scores',
    'commitment_progress',
    'event_commitment_links',
    'event_status_history',
    'event_reports',
    'event_imports',
    'commitment_parties',
    'commitments',
    'agreement_phases',
    'agreement_signatures',
    'agreements',
  ])
    await db.schema.dropTable(table).ifExists().execute();
}
