import { stat } from 'node:fs/promises';
import { AppError } from '../../domain/shared/app-error.ts';
import type { Database } from '../../store/database.ts';
import { migrateToLatest } from '../../store/migrate.ts';
import { type AuditVerification, verifyAuditLog } from '../audit/verify-audit-log.ts';
import type { BackupHeader } from './backup-format.ts';
import { BackupProblem } from './backup-problem.ts';
import { BACKUP_TABLES } from './backup-tables.ts';
import { RowInserter } from './insert-rows.ts';
import { scanBackup } from './scan-backup.ts';
import { expectEmpty, readDatabaseShape } from './target-schema.ts';

export type RestoreResult =
  | {
      ok: true;
      header: BackupHeader;
      rows: Record<string, number>;
      /** Accounts whose two-factor secrets need the old instance's sealing key (see write-backup.ts). */
      twoFactorAccounts: number;
      /** The restored database's own audit verification, run after the restore. */
      audit: AuditVerification;
    }
  | { ok: false; problems: { line: number; message: string }[] };

/**
 * Restores a backup into an empty database (migrated first if need be): all of it or nothing.
 * The whole file is checked first (header, every row, audit chain, digests), then read again and
 * inserted in one transaction that is rolled back at the first problem; the audit log is verified
 * at the end. A database that is not empty is refused with an AppError; a bad file gives problems
 * by line.
 */
export async function restoreBackup(database: Database, path: string): Promise<RestoreResult> {
  const file = await stat(path).catch(() => null);
  if (!file?.isFile()) throw new AppError('not_found', `no backup file at ${path}`);
  // Refuse a database with data before migrating it: a refused restore leaves it as it was.
  await expectEmpty(database.db, database.location, await readDatabaseShape(database.db, database.dialect));
  await migrateToLatest(database);
  const target = await readDatabaseShape(database.db, database.dialect);
  try {
    await scanBackup(path, target);
    const scanned = await database.db.transaction().execute(async (tx) => {
      // Touching the audit head first takes its lock (every write of Entente takes it), so no
      // instance writes between the emptiness check and the commit.
      await tx
        .updateTable('audit_head')
        .set((eb) => ({ seq: eb.ref('seq') }))
        .execute();
      await expectEmpty(tx, database.location, target);
      for (const table of BACKUP_TABLES) if ('seeded' in table) await tx.deleteFrom(table.name).execute();
      const inserter = new RowInserter(tx);
      // Read again rather than kept from the first pass: memory stays flat however large the file.
      // The digests prove this is the file checked above, chain included.
      const result = await scanBackup(
        path,
        target,
        (table, row, line, bytes) => inserter.add(table, row, line, bytes),
        { checkChain: false },
      );
      await inserter.flush();
      return result;
    });
    const twoFactor = await database.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('totp_secret', 'is not', null)
      .executeTakeFirst();
    return {
      ok: true,
      header: scanned.header,
      rows: scanned.rows,
      twoFactorAccounts: Number(twoFactor?.n ?? 0),
      audit: await verifyAuditLog(database),
    };
  } catch (error) {
    if (error instanceof BackupProblem)
      return { ok: false, problems: [{ line: error.line, message: error.message }] };
    throw error;
  }
}
