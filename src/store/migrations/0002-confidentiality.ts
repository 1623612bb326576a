import { type Kysely, sql } from 'kysely';

/**
 * Releases (the consultation log), party-private notes, per-recipient text fingerprints for leak
 * tracing, sign-in throttling and optional TOTP two-factor sign-in.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('releases')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('process_id', 'varchar(64)', (c) => c.notNull().references('processes.id').onDelete('cascade'))
    .addColumn('plan_id', 'varchar(64)', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('version_id', 'varchar(64)', (c) => c.notNull().references('versions.id').onDelete('cascade'))
    .addColumn('party_id', 'varchar(64)', (c) => c.notNull().references('parties.id').onDelete('cascade'))
    .addColumn('released_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('released_by', 'varchar(64)', (c) => c.notNull().references('users.id'))
    .addColumn('channel', 'varchar(300)')
    .addColumn('note', 'text', (c) => c.notNull())
    .addUniqueConstraint('releases_version_party', ['version_id', 'party_id'])
    .execute();
  await db.schema
    .createIndex('releases_plan_party')
    .on('releases')
    .columns(['plan_id', 'party_id'])
    .execute();
  await db.schema
    .createIndex('releases_process')
    .on('releases')
    .columns(['process_id', 'released_at'])
    .execute();

  await db.schema
    .createTable('party_notes')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('process_id', 'varchar(64)', (c) => c.notNull().references('processes.id').onDelete('cascade'))
    .addColumn('plan_id', 'varchar(64)', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('point_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('party_id', 'varchar(64)', (c) => c.notNull().references('parties.id').onDelete('cascade'))
    .addColumn('author_id', 'varchar(64)', (c) => c.notNull().references('users.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('shared_with_mediator', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(40)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('party_notes_plan_party')
    .on('party_notes')
    .columns(['plan_id', 'party_id'])
    .execute();

  await db.schema
    .createTable('text_fingerprints')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('process_id', 'varchar(64)', (c) => c.notNull().references('processes.id').onDelete('cascade'))
    .addColumn('plan_id', 'varchar(64)', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('version_id', 'varchar(64)', (c) => c.notNull().references('versions.id').onDelete('cascade'))
    .addColumn('party_id', 'varchar(64)', (c) => c.references('parties.id').onDelete('set null'))
    .addColumn('user_id', 'varchar(64)', (c) => c.notNull().references('users.id'))
    .addColumn('channel', 'varchar(32)', (c) => c.notNull())
    .addColumn('seed', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('text_fingerprints_version')
    .on('text_fingerprints')
    .column('version_id')
    .execute();

  await db.schema
    .createTable('sign_in_throttle')
    .addColumn('key', 'varchar(400)', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('window_started_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('locked_until', 'varchar(40)')
    .execute();

  await db.schema.alterTable('users').addColumn('totp_secret', 'varchar(200)').execute();
  await db.schema.alterTable('users').addColumn('totp_enabled_at', 'varchar(40)').execute();
  await db.schema.alterTable('users').addColumn('password_changed_at', 'varchar(40)').execute();
  // The last TOTP time step accepted at sign-in: a code is good once (RFC 6238 §5.2).
  await db.schema.alterTable('users').addColumn('totp_last_step', 'integer').execute();

  // A party given a version knows the plan by that version's title, not by the draft's current one.
  await db.schema
    .alterTable('versions')
    .addColumn('title', 'varchar(300)', (c) => c.notNull().defaultTo(''))
    .execute();
  const versions = await sql<{ id: string; content: string }>`select id, content from versions`.execute(db);
  for (const v of versions.rows) {
    const title = (JSON.parse(v.content) as { title?: string }).title || 'Untitled plan';
    await sql`update versions set title = ${title} where id = ${v.id}`.execute(db);
  }

  await db.schema.createIndex('audit_actor').on('audit_log').columns(['actor_id', 'seq']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('audit_actor').ifExists().execute();
  await db.schema.alterTable('versions').dropColumn('title').execute();
  for (const column of ['totp_last_step', 'password_changed_at', 'totp_enabled_at', 'totp_secret'])
    await db.schema.alterTable('users').dropColumn(column).execute();
  for (const table of ['sign_in_throttle', 'text_fingerprints', 'party_notes', 'releases'])
    await db.schema.dropTable(table).ifExists().execute();
}
