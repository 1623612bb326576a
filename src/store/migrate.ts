import { type Migration, type MigrationProvider, Migrator } from 'kysely';
import { AppError } from '../domain/shared/app-error.ts';
import type { Database } from './database.ts';
import * as foundation from './migrations/0001-foundation.ts';
import * as confidentiality from './migrations/0002-confidentiality.ts';
import * as negotiation from './migrations/0003-negotiation.ts';
import * as analytics from './migrations/0004-analytics.ts';
import * as monitoring from './migrations/0005-monitoring.ts';

/** Migrations in order; names sort lexically, so keep the numeric prefix. */
const MIGRATIONS: Record<string, Migration> = {
  '0001-foundation': foundation,
  '0002-confidentiality': confidentiality,
  '0003-negotiation': negotiation,
  '0004-analytics': analytics,
  '0005-monitoring': monitoring,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Brings the schema up to date; safe to run from several instances at once (Kysely takes a lock). */
export async function migrateToLatest(database: Database): Promise<string[]> {
  const migrator = new Migrator({ db: database.db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new AppError('internal', `migration ${failed?.migrationName ?? '?'} failed: ${String(error)}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
