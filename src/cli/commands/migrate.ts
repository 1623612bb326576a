import type { Command } from 'commander';
import { migrateToLatest } from '../../store/migrate.ts';
import { withDatabase } from '../context.ts';

/** `entente migrate`: bring the database schema up to date. */
export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations (also done automatically by "serve")')
    .action(async () => {
      await withDatabase(async (database) => {
        const applied = await migrateToLatest(database);
        console.log(
          applied.length ? `applied: ${applied.join(', ')}` : `schema is up to date (${database.dialect})`,
        );
      });
    });
}
