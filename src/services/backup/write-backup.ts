import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { sql } from 'kysely';
import {
  type AuditEntry,
  type ChainBreak,
  type ChainCursor,
  isBreak,
  startOfChain,
  verifyEntries,
  verifyHead,
} from '../../domain/audit/audit-chain.ts';
import type { Database } from '../../store/database.ts';
import type { Tx } from '../../store/transaction.ts';
import { BackupDigest } from './backup-digest.ts';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupHeader,
  type BackupRow,
  type BackupTrailer,
} from './backup-format.ts';
import { BACKUP_TABLES, type BackupTable } from './backup-tables.ts';
import { expectBackupTables, readDatabaseShape } from './target-schema.ts';

export interface BackupSummary {
  createdAt: string;
  rows: Record<string, number>;
  lines: number;
  sha256: string;
  /**
   * Accounts with two-factor sign-in: their secrets are sealed with a key kept outside the database
   * (ENTENTE_SECRET or the data folder's key file), which a restored instance needs as well.
   */
  twoFactorAccounts: number;
  /** The audit chain as copied: checked on the way, so a broken chain is known before a restore. */
  audit: { ok: true; entries: number } | { ok: false; entries: number; problem: ChainBreak };
}

export interface WriteBackupOptions {
  now?: Date;
  /** Rows read per query; small values only make tests interleave more finely with writers. */
  pageSize?: number;
}

/**
 * Writes a backup of the whole database as JSON lines to `out` (see backup-format.ts) and ends
 * it. Every table is read inside one read-only transaction, so the copy is one consistent moment
 * however long it takes and whatever is written meanwhile: PostgreSQL's REPEATABLE READ is a
 * snapshot, and an SQLite read transaction in WAL mode sees the database as of its first read.
 */
export async function writeBackup(
  database: Database,
  out: Writable,
  options: WriteBackupOptions = {},
): Promise<BackupSummary> {
  const createdAt = (options.now ?? new Date()).toISOString();
  const pageSize = options.pageSize ?? 500;
  let transaction = database.db.transaction();
  if (database.dialect === 'postgres')
    transaction = transaction.setIsolationLevel('repeatable read').setAccessMode('read only');
  const summary = await transaction.execute(async (tx) => {
    const shape = await readDatabaseShape(tx, database.dialect);
    expectBackupTables(shape, database.location);
    const counts: Record<string, number> = {};
    for (const table of BACKUP_TABLES) counts[table.name] = await countRows(tx, table.name);
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt,
      dialect: database.dialect,
      schemaMigrations: shape.migrations,
      tables: BACKUP_TABLES.map((t) => ({
        name: t.name,
        columns: [...(shape.tables.get(t.name)?.keys() ?? [])],
        rows: counts[t.name] ?? 0,
      })),
    };
    const digest = new BackupDigest();
    const sink = new ChunkedWriter(out);
    let lines = 0;
    const emit = async (line: string, table: string | null) => {
      digest.add(line, table);
      lines++;
      await sink.write(`${line}\n`);
    };
    await emit(JSON.stringify(header), null);
    let chain: ChainCursor | ChainBreak = startOfChain();
    let head: { seq: number; hash: string } | undefined;
    let twoFactorAccounts = 0;
    for (const table of BACKUP_TABLES) {
      for await (const row of pagesOf(tx, table, pageSize)) {
        if (table.name === 'audit_log' && !isBreak(chain))
          chain = verifyEntries(chain, [row as unknown as AuditEntry]);
        if (table.name === 'users' && row.totp_secret != null) twoFactorAccounts++;
        if (table.name === 'audit_head' && row.id === 1)
          head = { seq: Number(row.seq), hash: String(row.hash) };
        await emit(JSON.stringify({ t: table.name, r: row }), table.name);
      }
    }
    const { sha256, tables } = digest.digest(BACKUP_TABLES.map((t) => t.name));
    const trailer: BackupTrailer = { end: { lines, rows: counts, sha256, tables } };
    await sink.write(`${JSON.stringify(trailer)}\n`);
    await sink.flush();
    return {
      createdAt,
      rows: counts,
      lines: lines + 1,
      sha256,
      twoFactorAccounts,
      audit: auditResult(chain, head),
    };
  });
  out.end();
  return summary;
}

/**
 * Hands text to the stream in chunks of a few hundred kilobytes: gzip compresses each write on
 * the thread pool, and one round trip per short line would dominate the time of a backup.
 */
class ChunkedWriter {
  readonly #out: Writable;
  #parts: string[] = [];
  #length = 0;

  constructor(out: Writable) {
    this.#out = out;
  }

  async write(text: string): Promise<void> {
    this.#parts.push(text);
    this.#length += text.length;
    if (this.#length >= 256 * 1024) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.#parts.length === 0) return;
    const chunk = this.#parts.join('');
    this.#parts = [];
    this.#length = 0;
    if (!this.#out.write(chunk)) await once(this.#out, 'drain');
  }
}

async function countRows(tx: Tx, table: string): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(
    tx,
  );
  return Number(rows[0]?.n ?? 0);
}

/** A table's rows in key order, a page at a time (keyset paging: each page starts after the last key). */
async function* pagesOf(tx: Tx, table: BackupTable, pageSize: number): AsyncGenerator<BackupRow> {
  const keys = sql.join(table.key.map((k) => sql.ref(k)));
  let after: BackupRow | undefined;
  for (;;) {
    const where = after
      ? sql`where (${keys}) > (${sql.join(table.key.map((k) => after?.[k] ?? null))})`
      : sql``;
    const { rows } =
      await sql<BackupRow>`select * from ${sql.table(table.name)} ${where} order by ${keys} limit ${pageSize}`.execute(
        tx,
      );
    yield* rows;
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1];
  }
}

function auditResult(
  chain: ChainCursor | ChainBreak,
  head: { seq: number; hash: string } | undefined,
): BackupSummary['audit'] {
  if (isBreak(chain)) return { ok: false, entries: chain.seq - 1, problem: chain };
  const headBreak = head
    ? verifyHead(chain, head)
    : ({ kind: 'truncated', seq: chain.count, message: 'the database has no audit head row' } as const);
  return headBreak
    ? { ok: false, entries: chain.count, problem: headBreak }
    : { ok: true, entries: chain.count };
}
