import type { Kysely } from 'kysely';

const ref = (table: string) => `${table}.id`;

/**
 * Analytics (issue 5): the points of a plan taken into the analysis, their alternative
 * formulations, constraints between options, and each party's sealed preferences.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // A point of the plan in the analysis; a good is awarded to one party and has no options.
  await db.schema
    .createTable('analysis_points')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('process_id', 'varchar(64)', (c) =>
      c.notNull().references(ref('processes')).onDelete('cascade'),
    )
    .addColumn('plan_id', 'varchar(64)', (c) => c.notNull().references(ref('plans')).onDelete('cascade'))
    .addColumn('point_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('good', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(40)', (c) => c.notNull())
    .addUniqueConstraint('analysis_points_plan_point', ['plan_id', 'point_id'])
    .execute();

  await db.schema
    .createTable('point_options')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('process_id', 'varchar(64)', (c) =>
      c.notNull().references(ref('processes')).onDelete('cascade'),
    )
    .addColumn('plan_id', 'varchar(64)', (c) => c.notNull().references(ref('plans')).onDelete('cascade'))
    .addColumn('point_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('label', 'varchar(120)', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'varchar(64)', (c) => c.notNull().references(ref('users')))
    .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(40)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('point_options_plan_point')
    .on('point_options')
    .columns(['plan_id', 'point_id', 'position'])
    .execute();

  await db.schema
    .createTable('option_constraints')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('process_id', 'varchar(64)', (c) =>
      c.notNull().references(ref('processes')).onDelete('cascade'),
    )
    .addColumn('plan_id', 'varchar(64)', (c) => c.notNull().references(ref('plans')).onDelete('cascade'))
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('point_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('option_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('other_point_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('other_option_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('option_constraints_plan').on('option_constraints').column('plan_id').execute();

  // Sealed: read by the party's own members and the engine; by the mediator only when shared.
  await db.schema
    .createTable('party_preferences')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('process_id', 'varchar(64)', (c) =>
      c.notNull().references(ref('processes')).onDelete('cascade'),
    )
    .addColumn('plan_id', 'varchar(64)', (c) => c.notNull().references(ref('plans')).onDelete('cascade'))
    .addColumn('party_id', 'varchar(64)', (c) => c.notNull().references(ref('parties')).onDelete('cascade'))
    .addColumn('weights', 'text', (c) => c.notNull())
    .addColumn('scores', 'text', (c) => c.notNull())
    .addColumn('red_lines', 'text', (c) => c.notNull())
    .addColumn('reservation', 'double precision', (c) => c.notNull())
    .addColumn('shared_with_mediator', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_by', 'varchar(64)', (c) => c.notNull().references(ref('users')))
    .addColumn('updated_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('party_preferences_plan_party', ['plan_id', 'party_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['party_preferences', 'option_constraints', 'point_options', 'analysis_points'])
    await db.schema.dropTable(table).ifExists().execute();
}
