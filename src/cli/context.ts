import { loadConfig } from '../config.ts';
import { AppError } from '../domain/shared/app-error.ts';
import type { Actor } from '../services/access/sessions.ts';
import { findUserByEmail, toUser } from '../store/access/users.repository.ts';
import { type Database, openDatabase } from '../store/database.ts';
import { migrateToLatest } from '../store/migrate.ts';

/** Opens the configured database with its schema up to date, runs `fn`, and closes it. */
export async function withDatabase<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const database = openDatabase(loadConfig().database);
  try {
    await migrateToLatest(database);
    return await fn(database);
  } finally {
    await database.close();
  }
}

/** The CLI acts as a named user: whoever runs it has shell access to the data anyway. */
export async function actorByEmail(database: Database, email: string): Promise<Actor> {
  const row = await findUserByEmail(database.db, email);
  if (!row)
    throw new AppError('not_found', `no user with e-mail ${email}; create one with "entente user add"`);
  return { user: toUser(row), via: 'cli', canWrite: true };
}

/** Prints an error the way a person wants to read it, and sets a non-zero exit code. */
export function reportError(error: unknown): void {
  if (error instanceof AppError) {
    console.error(`error: ${error.message}`);
    for (const p of error.problems) console.error(`  ${p.field}: ${p.reason}`);
    const problems = error.extra.problems as { line: number; message: string }[] | undefined;
    for (const p of problems ?? []) console.error(`  line ${p.line}: ${p.message}`);
  } else {
    const e = error as NodeJS.ErrnoException;
    console.error(
      `error: ${e?.code === 'ENOENT' ? `file not found: ${e.path}` : (e?.message ?? String(error))}`,
    );
  }
  process.exitCode = 1;
}

/** Reads all of standard input as text. */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
