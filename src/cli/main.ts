import { Command } from 'commander';
import { registerAccounts } from './commands/accounts.ts';
import { registerAnalyze } from './commands/analyze.ts';
import { registerAudit } from './commands/audit.ts';
import { registerBackup } from './commands/backup.ts';
import { registerDiff } from './commands/diff.ts';
import { registerExport } from './commands/export.ts';
import { registerImport } from './commands/import.ts';
import { registerMembers } from './commands/members.ts';
import { registerMigrate } from './commands/migrate.ts';
import { registerMonitor } from './commands/monitor.ts';
import { registerServe } from './commands/serve.ts';
import { registerTrace } from './commands/trace.ts';
import { reportError } from './context.ts';

const program = new Command('entente')
  .description(
    'Entente: draft, negotiate and monitor multi-party agreements.\nData: ENTENTE_DATA_DIR (default ./data, SQLite) or DATABASE_URL (PostgreSQL).',
  )
  // `export --version V` names a plan version, so the program's own version is -V / --cli-version.
  .version('0.1.0', '-V, --cli-version')
  .enablePositionalOptions()
  .showHelpAfterError();

registerServe(program);
registerMigrate(program);
registerAccounts(program);
registerMembers(program);
registerImport(program);
registerExport(program);
registerDiff(program);
registerAudit(program);
registerBackup(program);
registerTrace(program);
registerAnalyze(program);
registerMonitor(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  reportError(error);
}
