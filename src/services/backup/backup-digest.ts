import { createHash, type Hash } from 'node:crypto';

/**
 * SHA-256 over every line before the end marker, and one per table over that table's rows: the
 * first proves the file is whole, the second says which part of an altered file is wrong.
 */
export class BackupDigest {
  readonly #all = createHash('sha256');
  readonly #tables = new Map<string, Hash>();

  /** Adds one line as it is stored: its UTF-8 bytes and the newline after it. */
  add(line: string | Buffer, table: string | null): void {
    this.#all.update(line).update('\n');
    if (table === null) return;
    let hash = this.#tables.get(table);
    if (!hash) {
      hash = createHash('sha256');
      this.#tables.set(table, hash);
    }
    hash.update(line).update('\n');
  }

  /** The digests so far, hex; tables without rows get the digest of nothing. */
  digest(tables: readonly string[]): { sha256: string; tables: Record<string, string> } {
    const perTable: Record<string, string> = {};
    for (const name of tables)
      perTable[name] = (this.#tables.get(name) ?? createHash('sha256')).copy().digest('hex');
    return { sha256: this.#all.copy().digest('hex'), tables: perTable };
  }
}
