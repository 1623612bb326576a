import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The rows an import accepted, kept on disk (one JSON object a line) between reading the upload
 * and writing it. Reading a 100 MiB upload takes as long as the client takes to send it; the
 * transaction that writes the rows opens only once the file has arrived and checked clean, so a
 * slow upload never holds the database (on SQLite: every other request) for its whole length,
 * and memory stays bounded however large the file.
 */
export class ImportSpool<T> {
  private count = 0;
  /** A failure of the disk, kept to be thrown at the next write rather than lost. */
  private failure: Error | null = null;
  private constructor(
    private readonly dir: string,
    private readonly file: string,
    private readonly out: ReturnType<typeof createWriteStream>,
  ) {
    out.on('error', (error) => {
      this.failure ??= error;
    });
  }

  static async open<T>(): Promise<ImportSpool<T>> {
    const dir = await mkdtemp(join(tmpdir(), 'entente-import-'));
    const file = join(dir, 'rows.ndjson');
    return new ImportSpool<T>(dir, file, createWriteStream(file, { flags: 'wx', mode: 0o600 }));
  }

  get size(): number {
    return this.count;
  }

  /** Appends rows, waiting for the disk when its buffer is full. */
  async write(rows: readonly T[]): Promise<void> {
    if (this.failure) throw this.failure;
    if (rows.length === 0) return;
    this.count += rows.length;
    if (!this.out.write(`${rows.map((r) => JSON.stringify(r)).join('\n')}\n`)) await once(this.out, 'drain');
  }

  /** The rows written, in order, `size` at a time; call once, after the last write. */
  async *batches(size: number): AsyncGenerator<T[]> {
    await this.finish();
    if (this.failure) throw this.failure;
    // Chunks pulled one at a time, so the file is read only as fast as the batches are written
    // (readline's iterator reads ahead and would hold the whole file in memory).
    let batch: T[] = [];
    let rest = '';
    for await (const chunk of createReadStream(this.file, { encoding: 'utf8', highWaterMark: 256 * 1024 })) {
      const lines = (rest + (chunk as string)).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) {
        if (line === '') continue;
        batch.push(JSON.parse(line) as T);
        if (batch.length >= size) {
          yield batch;
          batch = [];
        }
      }
    }
    if (rest !== '') batch.push(JSON.parse(rest) as T);
    if (batch.length > 0) yield batch;
  }

  /** Removes the file; safe to call more than once. */
  async close(): Promise<void> {
    await this.finish();
    await rm(this.dir, { recursive: true, force: true });
  }

  /** Ends the file, once its pending writes are on disk (or failed). */
  private finish(): Promise<void> {
    if (this.out.writableFinished || this.out.destroyed) return Promise.resolve();
    return new Promise((resolve) => this.out.end(() => resolve()));
  }
}
