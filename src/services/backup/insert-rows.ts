import { type Kysely, sql } from 'kysely';
import type { Tx } from '../../store/transaction.ts';
import type { BackupRow } from './backup-format.ts';
import { BackupProblem } from './backup-problem.ts';

// Bounds of one INSERT: SQLite allows 32,766 bound values, PostgreSQL 65,535; a version's text
// can be large, so a batch also stops at a few megabytes.
const MAX_VALUES = 30_000;
const MAX_ROWS = 500;
const MAX_BYTES = 4 * 1024 * 1024;

/** Any table by name: the rows were checked against the live columns before they get here. */
type AnyTables = Record<string, BackupRow>;

/**
 * Inserts rows in multi-row batches, each under a savepoint: when a batch fails (a foreign key,
 * a unique value, a length PostgreSQL enforces), the rows are retried one by one to name the line
 * that is wrong. The caller's transaction is rolled back either way.
 */
export class RowInserter {
  readonly #tx: Kysely<AnyTables>;
  #table: string | null = null;
  #rows: { row: BackupRow; line: number }[] = [];
  #bytes = 0;

  constructor(tx: Tx) {
    this.#tx = tx as unknown as Kysely<AnyTables>;
  }

  async add(table: string, row: BackupRow, line: number, bytes: number): Promise<void> {
    const limit = Math.min(MAX_ROWS, Math.floor(MAX_VALUES / Math.max(1, Object.keys(row).length)));
    if (table !== this.#table || this.#rows.length >= limit || this.#bytes >= MAX_BYTES) await this.flush();
    this.#table = table;
    this.#rows.push({ row, line });
    this.#bytes += bytes;
  }

  async flush(): Promise<void> {
    const table = this.#table;
    const batch = this.#rows;
    this.#rows = [];
    this.#bytes = 0;
    if (table === null || batch.length === 0) return;
    await sql`savepoint entente_restore_batch`.execute(this.#tx);
    try {
      await this.#insert(
        table,
        batch.map((b) => b.row),
      );
    } catch (batchError) {
      await sql`rollback to savepoint entente_restore_batch`.execute(this.#tx);
      for (const { row, line } of batch) {
        try {
          await this.#insert(table, [row]);
        } catch (error) {
          throw new BackupProblem(line, `the ${table} row cannot be stored: ${messageOf(error)}`);
        }
      }
      const first = batch[0]?.line ?? 0;
      throw new BackupProblem(
        first,
        `the ${table} rows from here cannot be stored: ${messageOf(batchError)}`,
      );
    }
    await sql`release savepoint entente_restore_batch`.execute(this.#tx);
  }

  async #insert(table: string, rows: BackupRow[]): Promise<void> {
    await this.#tx.insertInto(table).values(rows).execute();
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
