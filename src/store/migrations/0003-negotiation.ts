import type { Kysely } from 'kysely';

const ref = (table: string) => `${table}.id`;

/**
 * Negotiation: positions (kept as history), amendments with their workflow, comment threads,
 * meetings with their status history and participants, and secret calendar-feed URLs.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // A party's stance on a point as of a version; every row is kept, the newest per point is current.
  await db.schema
    .createTable('positions')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('process_id', 'varchar(64)', (c) =>
      c.notNull().references(ref('processes')).onDelete('cascade'),
    )
    .addColumn('plan_id', 'varchar(64)', (c) => c.notNull().references(ref('plans')).onDelete('cascade'))
    .addColumn('point_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('party_id', 'varchar(64)', (c) => c.notNull().references(ref('parties')).onDelete('cascade'))
    .addColumn('version_id', 'varchar(64)', (c) =>
      c.notNull().references(ref('versions')).onDelete('cascade'),
    )
    .addColumn('stance', 'varchar(16)', (c) => c.notNull())
    .addColumn('priority', 'integer', (c) => c.notNull())
    .addColumn('rationale', 'text', (c) => c.notNull())
    .addColumn('rationale_shared', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('author_id', 'varchar(64)', (c) => c.notNull().references(ref('users')))
    .addColumn('recorded_at', 'varchar(40)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('positions_plan_party')
    .on('positions')
    .columns(['plan_id', 'party_id', 'point_id', 'recorded_at'])
    .execute();

  await db.schema
    .createTable('amendments')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('process_id', 'varchar(64)', (c) =>
      c.notNull().references(ref('processes')).onDelete('cascade'),
    )
    .addColumn('plan_id', 'varchar(64)', (c) => c.notNull().references(ref('plans')).onDelete('cascade'))
    .addColumn('party_id', 'varchar(64)', (c) => c.notNull().references(ref('parties')).onDelete('cascade'))
    .addColumn('base_version_id', 'varchar(64)', (c) =>
      c.notNull().references(ref('versions')).onDelete('cascade'),
    )
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('point_id', 'varchar(64)')
    .addColumn('after_point_id', 'varchar(64)')
    .addColumn('area_id', 'varchar(64)')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('rationale', 'text', (c) => c.notNull())
    .addColumn('state', 'varchar(20)', (c) => c.notNull())
    .addColumn('reply', 'text', (c) => c.notNull())
    .addColumn('applied_text', 'text')
    .addColumn('applied_point_id', 'varchar(64)')
    .addColumn('taken_in_version_id', 'varchar(64)', (c) =>
      c.references(ref('versions')).onDelete('set null'),
    )
    .addColumn('source', 'varchar(16)', (c) => c.notNull())
    .addColumn('import_batch_id', 'varchar(64)')
    .addColumn('author_id', 'varchar(64)', (c) => c.notNull().references(ref('users')))
    .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('submitted_at', 'varchar(40)')
    .addColumn('decided_at', 'varchar(40)')
    .addColumn('decided_by', 'varchar(64)', (c) => c.references(ref('users')))
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('amendments_plan').on('amendments').columns(['plan_id', 'state']).execute();
  await db.schema.createIndex('amendments_party').on('amendments').columns(['plan_id', 'party_id']).execute();

  // One thread per root comment; replies point at the root and inherit its party and visibility.
  await db.schema
    .createTable('comments')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('process_id', 'varchar(64)', (c) =>
      c.notNull().references(ref('processes')).onDelete('cascade'),
    )
    .addColumn('plan_id', 'varchar(64)', (c) => c.notNull().references(ref('plans')).onDelete('cascade'))
    .addColumn('point_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('thread_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('party_id', 'varchar(64)', (c) => c.notNull().references(ref('parties')).onDelete('cascade'))
    .addColumn('visibility', 'varchar(16)', (c) => c.notNull())
    .addColumn('author_id', 'varchar(64)', (c) => c.notNull().references(ref('users')))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(40)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('comments_plan').on('comments').columns(['plan_id', 'party_id']).execute();
  await db.schema
    .createIndex('comments_thread')
    .on('comments')
    .columns(['thread_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('meetings')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('process_id', 'varchar(64)', (c) =>
      c.notNull().references(ref('processes')).onDelete('cascade'),
    )
    .addColumn('title', 'varchar(300)', (c) => c.notNull())
    .addColumn('starts_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('ends_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('time_zone', 'varchar(64)', (c) => c.notNull())
    .addColumn('place_kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('place', 'varchar(300)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'varchar(64)', (c) => c.notNull().references(ref('users')))
    .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(40)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('meetings_process')
    .on('meetings')
    .columns(['process_id', 'starts_at'])
    .execute();

  // Every status a meeting went through, with the dates it had then: a postponement keeps the old date.
  await db.schema
    .createTable('meeting_status_history')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('meeting_id', 'varchar(64)', (c) =>
      c.notNull().references(ref('meetings')).onDelete('cascade'),
    )
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('starts_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('ends_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('time_zone', 'varchar(64)', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'varchar(64)', (c) => c.notNull().references(ref('users')))
    .addColumn('changed_at', 'varchar(40)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('meeting_status_history_meeting')
    .on('meeting_status_history')
    .columns(['meeting_id', 'changed_at'])
    .execute();

  // A participant is a whole party (party_id alone) or a person, who may be a user and a party's member.
  await db.schema
    .createTable('meeting_participants')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('meeting_id', 'varchar(64)', (c) =>
      c.notNull().references(ref('meetings')).onDelete('cascade'),
    )
    .addColumn('party_id', 'varchar(64)', (c) => c.references(ref('parties')).onDelete('cascade'))
    .addColumn('user_id', 'varchar(64)', (c) => c.references(ref('users')).onDelete('cascade'))
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('meeting_participants_meeting')
    .on('meeting_participants')
    .column('meeting_id')
    .execute();

  await db.schema
    .createTable('meeting_versions')
    .addColumn('meeting_id', 'varchar(64)', (c) =>
      c.notNull().references(ref('meetings')).onDelete('cascade'),
    )
    .addColumn('version_id', 'varchar(64)', (c) =>
      c.notNull().references(ref('versions')).onDelete('cascade'),
    )
    .addColumn('role', 'varchar(16)', (c) => c.notNull())
    .addPrimaryKeyConstraint('meeting_versions_pk', ['meeting_id', 'version_id', 'role'])
    .execute();

  // A secret URL for calendar apps; only its hash is stored, and revoking it ends the feed.
  await db.schema
    .createTable('calendar_feeds')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('process_id', 'varchar(64)', (c) =>
      c.notNull().references(ref('processes')).onDelete('cascade'),
    )
    .addColumn('user_id', 'varchar(64)', (c) => c.notNull().references(ref('users')).onDelete('cascade'))
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('revoked_at', 'varchar(40)')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'calendar_feeds',
    'meeting_versions',
    'meeting_participants',
    'meeting_status_history',
    'meetings',
    'comments',
    'amendments',
    'positions',
  ])
    await db.schema.dropTable(table).ifExists().execute();
}
