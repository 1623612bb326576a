import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe } from 'vitest';
import { type Database, openDatabase } from '../../src/store/database.ts';
import { migrateToLatest } from '../../src/store/migrate.ts';

/** The server the PostgreSQL suites run against; CI creates a fresh database on it per test file. */
export const PG_ADMIN_URL = process.env.ENTENTE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const IN_CI = process.env.CI === 'true' || process.env.CI === '1';

export type DialectName = 'sqlite' | 'postgres';

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

const pgAvailable = await postgresReachable();
if (!pgAvailable) {
  if (IN_CI) throw new Error(`PostgreSQL is required in CI but ${PG_ADMIN_URL} is not reachable`);
  console.warn(
    `\n!!! PostgreSQL at ${PG_ADMIN_URL} is not reachable: the PostgreSQL half of the storage and API suites is SKIPPED.\n` +
      '!!! Start it, or set ENTENTE_TEST_PG_URL. (In CI this is an error.)\n',
  );
}

/** A fresh, migrated database of the given kind; `drop` removes it. */
export async function createTestDatabase(
  dialect: DialectName,
): Promise<{ database: Database; url: string | null; drop: () => Promise<void> }> {
  if (dialect === 'sqlite') {
    const database = openDatabase({ kind: 'sqlite', file: ':memory:' });
    await migrateToLatest(database);
    return { database, url: null, drop: () => database.close() };
  }
  const name = `entente_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  const database = openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 5 });
  await migrateToLatest(database);
  return {
    database,
    url: url.toString(),
    drop: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      // pg's pool.end() resolves before its clients have finished closing; forcing the drop while
      // one still is makes it receive "terminating connection" as an uncaught error. Wait first.
      for (let i = 0; i < 100; i++) {
        const { rows } = await c.query('select count(*)::int as n from pg_stat_activity where datname = $1', [
          name,
        ]);
        if (rows[0]?.n === 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** Runs a suite once per database: SQLite always, PostgreSQL when reachable (always in CI). */
export function describeEachDatabase(name: string, suite: (dialect: DialectName) => void): void {
  describe.each(['sqlite', 'postgres'] as const)(`${name} [%s]`, (dialect) => {
    if (dialect === 'postgres' && !pgAvailable) {
      describe.skip('PostgreSQL not reachable', () => suite(dialect));
      return;
    }
    suite(dialect);
  });
}
