import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { loadDemoIfEmpty } from '../../services/demo/load-demo.ts';
import { openDatabase } from '../../store/database.ts';
import { migrateToLatest } from '../../store/migrate.ts';

/** `entente serve`: migrations, demo data on first start, then the web app and API. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('start the web app and API (PORT, HOST, ENTENTE_DATA_DIR, DATABASE_URL, ENTENTE_DEMO=off)')
    .option('--quiet', 'do not log requests')
    .action(async (opts: { quiet?: boolean }) => {
      const config = loadConfig();
      const database = openDatabase(config.database);
      await migrateToLatest(database);
      const demo = config.loadDemo ? await loadDemoIfEmpty(database) : null;
      // The HTTP stack is loaded only by the command that serves.
      const { buildApp } = await import('../../server/app.ts');
      const app = await buildApp({
        database,
        logger: !opts.quiet && process.env.ENTENTE_LOG !== 'off',
        serveWeb: true,
      });
      await app.listen({ port: config.port, host: config.host });
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : config.port;
      console.log(
        `\nEntente is running at http://localhost:${port}  (database: ${database.dialect}, ${database.location})`,
      );
      console.log(`API documentation: http://localhost:${port}/api/docs`);
      if (demo) {
        console.log(
          `\nA demo process was loaded. Sign in as ${demo.mediatorEmail} with password "${demo.password}".`,
        );
        console.log(`Other demo accounts (same password): ${demo.otherEmails.join(', ')}`);
      }
      const stop = async () => {
        await app.close();
        await database.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
