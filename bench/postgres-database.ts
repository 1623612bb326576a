import { randomBytes } from 'node:crypto';
import pg from 'pg';

const PG_ADMIN_URL = process.env.ENTENTE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * A fresh PostgreSQL database (named `<prefix><random>`) for `fn`, dropped after, also when `fn`
 * throws; null when PostgreSQL is down. With `stopServers`, the servers are stopped before the drop,
 * and Ctrl-C stops them and drops the database before the bench exits.
 */
export async function withPostgresDatabase<T>(
  prefix: string,
  fn: (url: string) => Promise<T>,
  stopServers?: () => Promise<void>,
): Promise<T | null> {
  const name = `${prefix}${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await admin.connect();
  } catch {
    return null;
  }
  await admin.query(`create database ${name}`);
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  const interrupted = async () => {
    await stopServers?.();
    await admin.query(`drop database if exists ${name} with (force)`).catch(() => {});
    process.exit(130);
  };
  if (stopServers) process.once('SIGINT', interrupted);
  try {
    return await fn(url.toString());
  } finally {
    if (stopServers) {
      process.off('SIGINT', interrupted);
      await stopServers();
    }
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
