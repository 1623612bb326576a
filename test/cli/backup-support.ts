import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { BackupDigest } from '../../src/services/backup/backup-digest.ts';
import { BACKUP_TABLES } from '../../src/services/backup/backup-tables.ts';
import { type Database, openDatabase } from '../../src/store/database.ts';
import { migrateToLatest } from '../../src/store/migrate.ts';
import { createTestDatabase, type DialectName } from '../support/databases.ts';

/** A database the CLI can reach too: an SQLite file in its own folder, or a PostgreSQL database. */
export interface SharedDatabase {
  database: Database;
  /** The environment that points `entente` at it. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

/** A fresh database; `migrated: false` leaves an SQLite file without any tables. */
export async function sharedDatabase(dialect: DialectName, migrated = true): Promise<SharedDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'entente-backup-db-'));
    const config = { kind: 'sqlite', file: join(dir, 'entente.sqlite') } as const;
    const database = openDatabase(config);
    if (migrated) await migrateToLatest(database);
    return {
      database,
      env: { ENTENTE_DATA_DIR: dir },
      drop: () => database.close(),
    };
  }
  const created = await createTestDatabase('postgres');
  return { database: created.database, env: { DATABASE_URL: created.url ?? '' }, drop: created.drop };
}

/** Every backed-up table's rows, sorted by key in JavaScript so that dialects compare equal. */
export async function dumpTables(database: Database): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of BACKUP_TABLES) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table.name)}`.execute(
      database.db,
    );
    const keyOf = (r: Record<string, unknown>) => JSON.stringify(table.key.map((k) => r[k]));
    out[table.name] = rows.sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
  }
  return out;
}

/** Row counts of every backed-up table. */
export async function countTables(database: Database): Promise<Record<string, number>> {
  const dump = await dumpTables(database);
  return Object.fromEntries(Object.entries(dump).map(([name, rows]) => [name, rows.length]));
}

/** The uncompressed lines of a backup file. */
export function backupLines(path: string): string[] {
  const text = gunzipSync(readFileSync(path)).toString('utf8');
  return text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
}

/**
 * Writes `lines` as a backup file. With `redigest`, the end marker's counts and digests are made
 * to fit the lines, as someone tampering with a backup on purpose would do.
 */
export function writeBackupLines(path: string, lines: string[], redigest = false): void {
  let out = lines;
  if (redigest) {
    const body = lines.slice(0, -1);
    const digest = new BackupDigest();
    const rows: Record<string, number> = Object.fromEntries(BACKUP_TABLES.map((t) => [t.name, 0]));
    body.forEach((line, i) => {
      const table = i === 0 ? null : (JSON.parse(line) as { t: string }).t;
      if (table !== null) rows[table] = (rows[table] ?? 0) + 1;
      digest.add(line, table);
    });
    const { sha256, tables } = digest.digest(BACKUP_TABLES.map((t) => t.name));
    out = [...body, JSON.stringify({ end: { lines: body.length, rows, sha256, tables } })];
  }
  writeFileSync(path, gzipSync(`${out.join('\n')}\n`));
}

/** The 1-based number of the first line of a table's rows. */
export function firstLineOf(lines: string[], table: string): number {
  return lines.findIndex((l) => l.startsWith(`{"t":"${table}"`)) + 1;
}
