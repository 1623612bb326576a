import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { link, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { AppError } from '../../domain/shared/app-error.ts';
import type { Database } from '../../store/database.ts';
import { type BackupSummary, type WriteBackupOptions, writeBackup } from './write-backup.ts';

export interface BackupFileSummary extends BackupSummary {
  path: string;
  bytes: number;
}

/**
 * Writes a backup to `path` (absolute): into a temporary file beside it, flushed to disk, then
 * moved into place in one step, so the path holds either a complete backup or what it held before.
 * An existing file is kept unless `force`. The file is readable by its owner only: it holds
 * password hashes and every confidential text.
 */
export async function writeBackupFile(
  database: Database,
  path: string,
  options: WriteBackupOptions & { force?: boolean } = {},
): Promise<BackupFileSummary> {
  await checkTarget(path, options.force ?? false);
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.partial`);
  let summary: BackupSummary;
  try {
    const gzip = createGzip();
    const written = pipeline(gzip, createWriteStream(temp, { flags: 'wx', mode: 0o600 }));
    try {
      summary = await writeBackup(database, gzip, options);
    } catch (error) {
      gzip.destroy(error as Error);
      await written.catch(() => undefined);
      throw error;
    }
    await written;
    const handle = await open(temp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await publish(temp, path, options.force ?? false);
  } finally {
    await rm(temp, { force: true });
  }
  await syncDirectory(dirname(path));
  return { ...summary, path, bytes: (await stat(path)).size };
}

async function checkTarget(path: string, force: boolean): Promise<void> {
  const parent = await stat(dirname(path)).catch(() => null);
  if (!parent?.isDirectory())
    throw new AppError(
      'validation.failed',
      `cannot write ${path}: the folder ${dirname(path)} does not exist`,
    );
  const existing = await stat(path).catch(() => null);
  if (existing?.isDirectory())
    throw new AppError('validation.failed', `${path} is a folder; name the backup file to write`);
  if (existing && !force)
    throw new AppError('conflict', `${path} already exists; pass --force to replace it`);
}

/** Without force, a hard link puts the file in place only if the name is still free. */
async function publish(temp: string, path: string, force: boolean): Promise<void> {
  if (force) {
    await rename(temp, path);
    return;
  }
  try {
    await link(temp, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST')
      throw new AppError('conflict', `${path} already exists; pass --force to replace it`);
    // Some file systems have no hard links; the name was free a moment ago, when the backup began.
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS') await rename(temp, path);
    else throw error;
  }
}

// The rename is durable only once the folder's entry is on disk; not every platform can open a folder.
async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => null);
  if (!handle) return;
  try {
    await handle.sync();
  } catch {
    // Best effort, as above.
  } finally {
    await handle.close();
  }
}
