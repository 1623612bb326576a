import { sql } from 'kysely';
import { GENESIS_HASH } from '../../domain/audit/audit-chain.ts';
import { AppError } from '../../domain/shared/app-error.ts';
import type { DialectName } from '../../store/database.ts';
import type { Tx } from '../../store/transaction.ts';
import { BACKUP_TABLES } from './backup-tables.ts';

/** What a value in a column may be, as far as both databases agree. */
export interface ColumnRule {
  kind: 'integer' | 'text' | 'other';
  nullable: boolean;
}

/** The tables and columns of a database, and the migrations that made them. */
export interface DatabaseShape {
  dialect: DialectName;
  migrations: string[];
  tables: Map<string, Map<string, ColumnRule>>;
}

/** Reads a database's tables (without Kysely's own) and its applied migrations. */
export async function readDatabaseShape(tx: Tx, dialect: DialectName): Promise<DatabaseShape> {
  const tables = new Map<string, Map<string, ColumnRule>>();
  for (const table of await tx.introspection.getTables()) {
    if (table.isView) continue;
    const columns = new Map<string, ColumnRule>();
    for (const c of table.columns) columns.set(c.name, { kind: kindOf(c.dataType), nullable: c.isNullable });
    tables.set(table.name, columns);
  }
  return { dialect, migrations: tables.size ? await appliedMigrations(tx) : [], tables };
}

// SQLite reports the declared type ("varchar(64)", "integer"), PostgreSQL its own ("varchar", "int4").
function kindOf(dataType: string): ColumnRule['kind'] {
  if (/int/i.test(dataType)) return 'integer';
  if (/char|text|clob/i.test(dataType)) return 'text';
  return 'other';
}

async function appliedMigrations(tx: Tx): Promise<string[]> {
  try {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(tx);
    return rows.map((r) => r.name);
  } catch {
    return [];
  }
}

/** Refuses a database that lacks a table the backup copies: its schema is behind this Entente. */
export function expectBackupTables(shape: DatabaseShape, location: string): void {
  const missing = BACKUP_TABLES.map((t) => t.name).filter((name) => !shape.tables.has(name));
  if (missing.length === 0) return;
  throw new AppError(
    'conflict',
    shape.tables.size === 0
      ? `${location} holds no Entente data: there is nothing to back up`
      : `${location} lacks the tables ${missing.join(', ')}: its schema is older than this Entente; run "entente migrate" or back up with the Entente version its server runs`,
  );
}

/**
 * Refuses to restore over data: only a database with a fresh schema (the audit chain still at its
 * start) and no rows in any table a backup fills counts as empty.
 */
export async function expectEmpty(tx: Tx, location: string, shape: DatabaseShape): Promise<void> {
  const held: string[] = [];
  for (const table of BACKUP_TABLES) {
    // Before migrations have run, some tables may not exist yet; they hold nothing either.
    if ('seeded' in table || !shape.tables.has(table.name)) continue;
    const { rows } = await sql<{
      n: number | string;
    }>`select count(*) as n from ${sql.table(table.name)}`.execute(tx);
    const n = Number(rows[0]?.n ?? 0);
    if (n > 0) held.push(`${n} ${table.name}`);
  }
  if (shape.tables.has('audit_head')) {
    const head = await tx.selectFrom('audit_head').select(['seq', 'hash']).execute();
    if (head.length !== 1 || head[0]?.seq !== 0 || head[0]?.hash !== GENESIS_HASH)
      held.push('an audit log that has begun');
  }
  if (held.length === 0) return;
  throw new AppError(
    'conflict',
    `${location} is not empty (it holds ${held.join(', ')}): restore only into a new database; point ENTENTE_DATA_DIR at a new directory or DATABASE_URL at a new database`,
  );
}

/** Why the backup's schema and this database's cannot take each other's rows, or null when they can. */
export function migrationMismatch(backup: readonly string[], here: readonly string[]): string | null {
  if (backup.length === here.length && backup.every((name, i) => name === here[i])) return null;
  const unknown = backup.filter((name) => !here.includes(name));
  if (unknown.length > 0)
    return `the backup was made by a newer Entente (migrations ${unknown.join(', ')} are unknown here): upgrade Entente, then restore`;
  if (here.slice(0, backup.length).every((name, i) => name === backup[i]))
    return `the backup was made before migrations ${here.slice(backup.length).join(', ')}; restoring a backup of an older schema is not supported yet: restore it with the Entente version that made it, then upgrade that instance`;
  return `the backup's migrations (${backup.join(', ')}) differ from this database's (${here.join(', ')})`;
}
