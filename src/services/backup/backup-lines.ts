import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { BackupProblem } from './backup-problem.ts';

/** One line of the uncompressed text, without its newline. */
export interface BackupLine {
  number: number;
  bytes: Buffer;
}

/**
 * The largest row Entente can store is a version of a maximal plan, far below this; a longer line
 * is damage, and reading it whole would only exhaust memory.
 */
export const MAX_LINE_BYTES = 256 * 1024 * 1024;

const GZIP_MAGIC = [0x1f, 0x8b];
const CHUNK_BYTES = 256 * 1024;

/**
 * Streams the lines of a gzip-compressed backup, so that a large file never sits in memory.
 * Damage in the compressed data is reported at the line it cuts into.
 */
export async function* readBackupLines(path: string): AsyncGenerator<BackupLine> {
  await expectGzip(path);
  // Large chunks: each one is a round trip to the thread pool that inflates it.
  const source = createReadStream(path, { highWaterMark: CHUNK_BYTES });
  const gunzip = createGunzip({ chunkSize: CHUNK_BYTES });
  source.on('error', (error) => gunzip.destroy(error));
  source.pipe(gunzip);
  let number = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      let start = 0;
      for (let end = chunk.indexOf(10, start); end >= 0; end = chunk.indexOf(10, start)) {
        const piece = chunk.subarray(start, end);
        const bytes = pending.length ? Buffer.concat([...pending, piece]) : piece;
        pending = [];
        pendingBytes = 0;
        start = end + 1;
        yield { number: ++number, bytes };
      }
      if (start < chunk.length) {
        pending.push(chunk.subarray(start));
        pendingBytes += chunk.length - start;
        if (pendingBytes > MAX_LINE_BYTES)
          throw new BackupProblem(
            number + 1,
            `is longer than ${MAX_LINE_BYTES / 2 ** 20} MB: the file is damaged`,
          );
      }
    }
  } catch (error) {
    throw compressionProblem(error, number + 1);
  } finally {
    source.destroy();
    gunzip.destroy();
  }
  if (pendingBytes > 0) yield { number: ++number, bytes: Buffer.concat(pending) };
}

async function expectGzip(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    const { bytesRead, buffer } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    if (bytesRead === 0) throw new BackupProblem(1, 'the file is empty: it is not an Entente backup');
    if (bytesRead < 2 || buffer[0] !== GZIP_MAGIC[0] || buffer[1] !== GZIP_MAGIC[1])
      throw new BackupProblem(1, 'the file is not gzip-compressed: it is not an Entente backup');
  } finally {
    await handle.close();
  }
}

function compressionProblem(error: unknown, line: number): unknown {
  if (error instanceof BackupProblem) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'Z_BUF_ERROR')
    return new BackupProblem(line, 'the compressed data ends inside this line: the file is truncated');
  if (code === 'Z_DATA_ERROR')
    return new BackupProblem(
      line,
      `the compressed data is damaged here (${(error as Error).message}): the file is corrupted`,
    );
  return error;
}
