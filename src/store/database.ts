import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Schema } from './schema.ts';

export type DialectName = 'sqlite' | 'postgres';

/** An open database: the typed query builder plus which engine is underneath. */
export interface Database {
  db: Kysely<Schema>;
  dialect: DialectName;
  /** Where the data lives, for messages ("data/entente.sqlite", "postgres://…/entente"). */
  location: string;
  /**
   * PostgreSQL only: a new connection of its own, outside the pool, for a session that must stay
   * open (the live-update listener's LISTEN, which a pooled connection would drop on release).
   */
  dedicatedClient?: () => pg.Client;
  close(): Promise<void>;
}

export type DatabaseConfig =
  | { kind: 'sqlite'; file: string }
  | { kind: 'postgres'; url: string; poolSize?: number };

/** Opens SQLite (WAL, synchronous=FULL so an acknowledged write survives a crash) or PostgreSQL. */
export function openDatabase(config: DatabaseConfig): Database {
  if (config.kind === 'sqlite') {
    if (config.file !== ':memory:') mkdirSync(dirname(config.file), { recursive: true });
    const sqlite = new SqliteDatabase(config.file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
    return { db, dialect: 'sqlite', location: config.file, close: () => db.destroy() };
  }
  // Integers come back as numbers: every count and revision we store fits in 2^53.
  pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number.parseInt(v, 10));
  const pool = new pg.Pool({ connectionString: config.url, max: config.poolSize ?? 10 });
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool: withNamedStatements(pool) }) });
  return {
    db,
    dialect: 'postgres',
    location: redactUrl(config.url),
    dedicatedClient: () => new pg.Client({ connectionString: config.url }),
    close: () => db.destroy(),
  };
}

/**
 * Kysely prepares every query afresh; preparing costs more than running a small query, so keep
 * the statements of the few hundred distinct queries the app issues.
 */
function withStatementCache(sqlite: SqliteDatabase.Database): SqliteDatabase.Database {
  const cache = new Map<string, SqliteDatabase.Statement>();
  const prepare = (source: string) => {
    let statement = cache.get(source);
    if (!statement) {
      statement = sqlite.prepare(source);
      if (cache.size >= 500) cache.delete(cache.keys().next().value as string);
      cache.set(source, statement);
    }
    return statement;
  };
  return new Proxy(sqlite, {
    get: (target, key) => {
      if (key === 'prepare') return prepare;
      const value = Reflect.get(target, key, target);
      // Native methods must be called on the real database object, not on the proxy.
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

const DML = /^\s*(select|insert|update|delete|with)\b/i;

/**
 * Sends data queries as named prepared statements, so that PostgreSQL parses and plans each
 * distinct query once per connection instead of on every call. Schema changes (migrations) stay
 * unnamed: a cached plan must never outlive the table it was made for.
 */
function withNamedStatements(pool: pg.Pool): pg.Pool {
  const names = new Map<string, string>();
  const nameOf = (text: string) => {
    let name = names.get(text);
    if (!name) {
      name = `entente_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
      names.set(text, name);
    }
    return name;
  };
  const connect = async () => {
    const client = await pool.connect();
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    return new Proxy(client, {
      get(target, key) {
        if (key !== 'query') return Reflect.get(target, key, target);
        return (text: unknown, values?: unknown[]) =>
          typeof text === 'string' && DML.test(text)
            ? query({ name: nameOf(text), text, values })
            : query(text, values);
      },
    });
  };
  return new Proxy(pool, {
    get: (target, key) => (key === 'connect' ? connect : Reflect.get(target, key, target)),
  });
}

/** The URL without its password, safe to print. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres';
  }
}
