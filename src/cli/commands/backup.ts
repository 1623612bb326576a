import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { AppError } from '../../domain/shared/app-error.ts';
import { KEY_FILE } from '../../services/access/totp-secret-box.ts';
import { restoreBackup } from '../../services/backup/restore-backup.ts';
import { writeBackupFile } from '../../services/backup/write-backup-file.ts';
import { type Database, openDatabase } from '../../store/database.ts';

/** `entente backup FILE` and `entente restore FILE`. */
export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description(
      'write a consistent copy of the whole database to FILE (gzip-compressed JSON lines); safe while the server runs',
    )
    .argument('<file>', 'the backup file to write, e.g. entente-2025-06-01.backup.gz')
    .option('--force', 'replace FILE if it exists')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, opts: { force?: boolean; json?: boolean }) => {
      const path = filePath(file, 'backup');
      const config = loadConfig().database;
      if (config.kind === 'sqlite' && !existsSync(config.file))
        throw new AppError(
          'not_found',
          `no database at ${config.file}; set ENTENTE_DATA_DIR or DATABASE_URL to the one to back up`,
        );
      await withUnmigratedDatabase(async (database) => {
        const started = performance.now();
        const summary = await writeBackupFile(database, path, { force: opts.force ?? false });
        const seconds = (performance.now() - started) / 1000;
        if (opts.json) console.log(JSON.stringify({ ...summary, seconds }));
        else {
          const rows = Object.values(summary.rows).reduce((a, b) => a + b, 0);
          console.log(
            `backed up ${rows} rows (${describeRows(summary.rows)}) to ${summary.path}: ${formatBytes(summary.bytes)} in ${seconds.toFixed(2)} s`,
          );
        }
        if (summary.twoFactorAccounts > 0 && !opts.json)
          console.log(keyNotice(summary.twoFactorAccounts, 'backup'));
        if (!summary.audit.ok) {
          console.error(
            `warning: the audit chain in this backup is broken at entry ${summary.audit.problem.seq}: ${summary.audit.problem.message}; "entente restore" will refuse the file`,
          );
          process.exitCode = 1;
        }
      });
    });

  program
    .command('restore')
    .description(
      'restore a backup FILE into an empty database (a new ENTENTE_DATA_DIR or DATABASE_URL); all or nothing',
    )
    .argument('<file>', 'a file written by "entente backup"')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, opts: { json?: boolean }) => {
      const path = filePath(file, 'restore');
      // restoreBackup migrates the database itself, once it has seen that it holds no data.
      await withUnmigratedDatabase(async (database) => {
        const started = performance.now();
        const result = await restoreBackup(database, path);
        const seconds = (performance.now() - started) / 1000;
        if (opts.json) console.log(JSON.stringify({ ...result, seconds }));
        if (!result.ok) {
          if (!opts.json) {
            console.error(`error: ${path} was not restored; nothing was written`);
            for (const p of result.problems) console.error(`  line ${p.line}: ${p.message}`);
          }
          process.exitCode = 1;
          return;
        }
        if (!opts.json) {
          const rows = Object.values(result.rows).reduce((a, b) => a + b, 0);
          console.log(
            `restored ${rows} rows (${describeRows(result.rows)}) from ${path} into ${database.location} in ${seconds.toFixed(2)} s; backup taken ${result.header.createdAt} on ${result.header.dialect}`,
          );
          console.log(
            result.audit.ok
              ? `audit log verified: ${result.audit.entries} entries, chain head ${result.audit.headHash}`
              : `audit log BROKEN at entry ${result.audit.problem.seq}: ${result.audit.problem.message}`,
          );
          console.log('sessions are not part of a backup: everyone signs in again');
          if (result.twoFactorAccounts > 0) console.log(keyNotice(result.twoFactorAccounts, 'restore'));
        }
        if (!result.audit.ok) process.exitCode = 1;
      });
    });
}

/** FILE relative to the working folder; "-" is refused rather than taken as a file of that name. */
function filePath(file: string, command: 'backup' | 'restore'): string {
  if (file === '-')
    throw new AppError(
      'validation.failed',
      command === 'backup'
        ? 'name a file: a backup is written beside it and moved into place once complete, so it cannot go to standard output'
        : 'name a file: a restore reads it twice (check, then write), so it cannot come from standard input',
    );
  return resolve(file);
}

/**
 * Unlike the other commands, these do not migrate on opening: a backup must not change the database
 * it copies, and a refused restore must leave its target as it was.
 */
async function withUnmigratedDatabase(fn: (database: Database) => Promise<void>): Promise<void> {
  const database = openDatabase(loadConfig().database);
  try {
    await fn(database);
  } finally {
    await database.close();
  }
}

/** Two-factor secrets are sealed with a key that is deliberately not in the backup. */
function keyNotice(accounts: number, step: 'backup' | 'restore'): string {
  const key = `ENTENTE_SECRET or the file ${KEY_FILE} in the data folder`;
  return step === 'backup'
    ? `note: ${accounts} accounts use two-factor sign-in; their secrets open only with this instance's key (${key}): keep a copy of it, apart from the backup`
    : `note: ${accounts} accounts use two-factor sign-in; they can sign in only once this instance has the old instance's key (${key})`;
}

function describeRows(rows: Record<string, number>): string {
  return Object.entries(rows)
    .filter(([, n]) => n > 0)
    .map(([table, n]) => `${n} ${table}`)
    .join(', ');
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
