import { Command } from 'commander';
import { registerAccounts } from './commands/accounts.ts';
import { registerDiff } from './commands/diff.ts';
import { registerExport } from './commands/export.ts';
import { registerImport } from './commands/import.ts';
import { registerMigrate } from './commands/migrate.ts';
import { registerServe } from './commands/serve.ts';
import { reportError } from './context.ts';

const program = new Command('entente')
  .description(
    'Entente: draft, negotiate and monitor multi-party agreements.\nData: ENTENTE_DATA_DIR (default ./data, SQLite) or DATABASE_URL (PostgreSQL).',
  )
  .version('0.1.0')
  .showHelpAfterError();

registerServe(program);
registerMigrate(program);
registerAccounts(program);
registerImport(program);
registerExport(program);
registerDiff(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  reportError(error);
}
