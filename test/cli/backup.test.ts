import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/demo-process.ts';
import { signIn } from '../../src/services/access/sign-in.ts';
import { verifyAuditLog } from '../../src/services/audit/verify-audit-log.ts';
import { BACKUP_TABLE_NAMES, EXCLUDED_TABLES } from '../../src/services/backup/backup-tables.ts';
import { restoreBackup } from '../../src/services/backup/restore-backup.ts';
import { writeBackupFile } from '../../src/services/backup/write-backup-file.ts';
import { loadDemoIfEmpty } from '../../src/services/demo/load-demo.ts';
import type { Database } from '../../src/store/database.ts';
import { findPlan } from '../../src/store/plans/plans.repository.ts';
import { createTestDatabase, type DialectName, describeEachDatabase } from '../support/databases.ts';
import {
  backupLines,
  countTables,
  dumpTables,
  firstLineOf,
  type SharedDatabase,
  sharedDatabase,
  writeBackupLines,
} from './backup-support.ts';
import { runCli } from './run-cli.ts';

/** Runs backup-writer.ts in its own process; resolves `firstEdit` once it has committed one. */
function startWriter(planId: string, email: string, env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/cli/backup-writer.ts', planId, email], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const firstEdit = new Promise<void>((resolve, reject) => {
    child.stdout.once('data', () => resolve());
    void exited.then((code) => reject(new Error(`the writer exited with ${code} before editing`)));
  });
  child.stdout.resume();
  let stopped: Promise<number | null> | undefined;
  const stop = async () => {
    if (!stopped) {
      child.stdin.end();
      stopped = exited;
    }
    expect(await stopped).toBe(0);
  };
  return { firstEdit, stop };
}

const dir = mkdtempSync(join(tmpdir(), 'entente-backup-'));
let fileCount = 0;
const newFile = () => join(dir, `backup-${++fileCount}.gz`);

describeEachDatabase('backup and restore', (dialect) => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const drop of cleanup.splice(0).reverse()) await drop();
  });
  const shared = async (kind: DialectName = dialect, migrated = true): Promise<SharedDatabase> => {
    const s = await sharedDatabase(kind, migrated);
    cleanup.push(s.drop);
    return s;
  };
  const fresh = async (kind: DialectName = dialect): Promise<Database> => {
    const created = await createTestDatabase(kind);
    cleanup.push(created.drop);
    return created.database;
  };
  const demoBackup = async (kind: DialectName = dialect) => {
    const source = await fresh(kind);
    await loadDemoIfEmpty(source);
    const path = newFile();
    await writeBackupFile(source, path);
    return { source, path };
  };

  it('backs up every table but the deliberately excluded ones', async () => {
    const database = await fresh();
    const tables = (await database.db.introspection.getTables()).map((t) => t.name);
    const excluded = Object.keys(EXCLUDED_TABLES);
    // A table added by a future migration must be listed in backup-tables.ts, copied or excluded.
    expect(tables.filter((t) => !BACKUP_TABLE_NAMES.includes(t) && !excluded.includes(t))).toEqual([]);
    expect([...BACKUP_TABLE_NAMES, ...excluded].filter((t) => !tables.includes(t))).toEqual([]);
  });

  it('backs up the demo with the CLI and restores it into a new database', { timeout: 60_000 }, async () => {
    const source = await shared();
    await loadDemoIfEmpty(source.database);
    const path = newFile();
    const backup = await runCli(['backup', path], source.env);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/backed up \d+ rows .* to .*backup-\d+\.gz/);
    expect(statSync(path).mode & 0o777).toBe(0o600);

    // SQLite: a folder with no database yet; PostgreSQL: a new database, already migrated.
    const target = await shared(dialect, false);
    const restore = await runCli(['restore', path], target.env);
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toMatch(/audit log verified: \d+ entries/);
    expect(await dumpTables(target.database)).toEqual(await dumpTables(source.database));
    const verify = await runCli(['audit', 'verify'], target.env);
    expect(verify.code, verify.stderr).toBe(0);

    // The restored instance works: a demo user signs in, and the chain goes on from the copy.
    const before = await verifyAuditLog(target.database);
    const { user } = await signIn(target.database, {
      email: 'lead@veloria.example',
      password: DEMO_PASSWORD,
    });
    expect(user.email).toBe('lead@veloria.example');
    expect(await verifyAuditLog(target.database)).toMatchObject({ ok: true, entries: before.entries + 1 });

    // A second restore into the now full database is refused and changes nothing.
    const counts = await countTables(target.database);
    const again = await runCli(['restore', path], target.env);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/is not empty .*8 users/);
    expect(await countTables(target.database)).toEqual(counts);
  });

  it('keeps an existing backup file unless --force', { timeout: 60_000 }, async () => {
    const source = await shared();
    await loadDemoIfEmpty(source.database);
    const path = newFile();
    expect((await runCli(['backup', path], source.env)).code).toBe(0);
    const first = readFileSync(path);
    const refused = await runCli(['backup', path], source.env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/already exists; pass --force/);
    expect(readFileSync(path)).toEqual(first);
    expect((await runCli(['backup', path, '--force'], source.env)).code).toBe(0);
    expect(JSON.parse(backupLines(path)[0] ?? '')).toMatchObject({ format: 'entente-backup' });
    const missing = await runCli(['backup', join(dir, 'no-such-folder', 'b.gz')], source.env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/does not exist/);
  });

  it("counts the accounts whose two-factor secrets need the old instance's key", async () => {
    const source = await fresh();
    const demo = await loadDemoIfEmpty(source);
    await source.db
      .updateTable('users')
      .set({ totp_secret: 'v1.sealed.elsewhere.secret', totp_enabled_at: new Date().toISOString() })
      .where('email', '=', demo?.mediatorEmail ?? '')
      .execute();
    const path = newFile();
    expect(await writeBackupFile(source, path)).toMatchObject({ twoFactorAccounts: 1, audit: { ok: true } });
    expect(await restoreBackup(await fresh(), path)).toMatchObject({ ok: true, twoFactorAccounts: 1 });
  });

  it('refuses a database that is not empty and writes nothing', async () => {
    const { path } = await demoBackup();
    const target = await fresh();
    await loadDemoIfEmpty(target);
    const before = await dumpTables(target);
    await expect(restoreBackup(target, path)).rejects.toThrow(/is not empty/);
    expect(await dumpTables(target)).toEqual(before);
  });

  it('refuses a truncated or damaged file, names the line, and writes nothing', async () => {
    const { path } = await demoBackup();
    const lines = backupLines(path);
    const target = await fresh();
    const empty = await countTables(target);
    const expectRefused = async (file: string, line: number, message: RegExp) => {
      const result = await restoreBackup(target, file);
      expect(result).toMatchObject({
        ok: false,
        problems: [{ line, message: expect.stringMatching(message) }],
      });
      expect(await countTables(target)).toEqual(empty);
    };
    const variant = (edit: (l: string[]) => string[], redigest = false) => {
      const file = newFile();
      writeBackupLines(file, edit([...lines]), redigest);
      return file;
    };

    // Cut inside the compressed data.
    const cut = newFile();
    const bytes = readFileSync(path);
    writeFileSync(cut, bytes.subarray(0, bytes.length - 40));
    const cutResult = await restoreBackup(target, cut);
    expect(cutResult).toMatchObject({
      ok: false,
      problems: [{ message: expect.stringMatching(/truncated/) }],
    });

    // The end marker missing: the file stops at a line boundary.
    await expectRefused(
      variant((l) => l.slice(0, -1)),
      lines.length,
      /ends after line \d+ without its end marker: it is truncated/,
    );
    // A row changed in place: its table's digest no longer fits.
    const users = firstLineOf(lines, 'users');
    await expectRefused(
      variant((l) => l.map((x, i) => (i === users ? x.replace('"name":"', '"name":"X') : x))),
      users,
      /users rows from here to line \d+ do not match their SHA-256 digest/,
    );
    // A line that is not JSON.
    await expectRefused(
      variant((l) => l.map((x, i) => (i === 4 ? x.slice(0, 20) : x))),
      5,
      /not valid JSON/,
    );
    // An audit entry altered, with the digests made to fit: the chain still gives it away.
    const audit = firstLineOf(lines, 'audit_log') + 1;
    await expectRefused(
      variant((l) => l.map((x, i) => (i === audit - 1 ? x.replace('"action":"', '"action":"x') : x)), true),
      audit,
      /audit chain is broken: entry \d+ .* was altered/,
    );
    // A membership of a user who is not in the file: the rows before it were inserted, and undone.
    const membership = firstLineOf(lines, 'memberships');
    await expectRefused(
      variant(
        (l) =>
          l.map((x, i) =>
            i === membership - 1 ? x.replace(/"user_id":"[^"]+"/, '"user_id":"usr_nobody"') : x,
          ),
        true,
      ),
      membership,
      /memberships row cannot be stored/,
    );
    // A column the table does not have.
    await expectRefused(
      variant(
        (l) => l.map((x, i) => (i === users - 1 ? x.replace('{"id":', '{"colour":"red","id":') : x)),
        true,
      ),
      users,
      /users row has column colour/,
    );
    // A backup of an older schema.
    await expectRefused(
      variant(
        (l) =>
          l.map((x, i) =>
            i === 0 ? x.replace(/"schemaMigrations":\["([^"]+)"[^\]]*\]/, '"schemaMigrations":["$1"]') : x,
          ),
        true,
      ),
      1,
      /older schema is not supported yet/,
    );
    // Not a backup at all.
    const text = newFile();
    writeFileSync(text, 'hello');
    await expectRefused(text, 1, /not gzip-compressed/);
  });

  it('takes a consistent snapshot while another process edits drafts', { timeout: 60_000 }, async () => {
    const source = await shared();
    const demo = await loadDemoIfEmpty(source.database);
    if (!demo) throw new Error('no demo');
    const revisionNow = async () => (await findPlan(source.database.db, demo.planId))?.draft_revision ?? -1;
    const writer = startWriter(demo.planId, demo.mediatorEmail, source.env);
    cleanup.push(writer.stop);
    await writer.firstEdit;

    const before = await revisionNow();
    const path = newFile();
    // One row per query: the backup takes long enough for the writer to commit edits meanwhile.
    const summary = await writeBackupFile(source.database, path, { pageSize: 1 });
    const after = await revisionNow();
    await writer.stop();
    expect(after).toBeGreaterThan(before);
    expect(summary.audit.ok).toBe(true);

    const target = await fresh();
    expect(await restoreBackup(target, path)).toMatchObject({ ok: true, audit: { ok: true } });
    // Plans are read before the audit log; from one moment, the last edit logged is the plan's revision.
    const restored = (await findPlan(target.db, demo.planId))?.draft_revision ?? -1;
    const lastEdit = await target.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'draft.edit')
      .where('subject_id', '=', demo.planId)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(lastEdit.detail).revision).toBe(restored);
    expect(restored).toBeGreaterThanOrEqual(before);
    expect(restored).toBeLessThanOrEqual(after);
  });

  if (dialect === 'postgres') {
    it('restores a SQLite backup into PostgreSQL, and a PostgreSQL backup into SQLite', async () => {
      const fromSqlite = await demoBackup('sqlite');
      const intoPostgres = await fresh('postgres');
      expect(await restoreBackup(intoPostgres, fromSqlite.path)).toMatchObject({
        ok: true,
        audit: { ok: true },
      });
      expect(await dumpTables(intoPostgres)).toEqual(await dumpTables(fromSqlite.source));

      const fromPostgres = newFile();
      await writeBackupFile(intoPostgres, fromPostgres);
      const intoSqlite = await fresh('sqlite');
      expect(await restoreBackup(intoSqlite, fromPostgres)).toMatchObject({ ok: true, audit: { ok: true } });
      expect(await dumpTables(intoSqlite)).toEqual(await dumpTables(fromSqlite.source));
    });
  }
});
