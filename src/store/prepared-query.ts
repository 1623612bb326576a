import { type Compilable, CompiledQuery, type Kysely } from 'kysely';
import type { Schema } from './schema.ts';
import type { Tx } from './transaction.ts';

const SENTINEL = '\u0000entente-arg:';

/**
 * A query built and compiled once per database, then run with new arguments: for the few
 * queries on every request, where building and compiling the query costs as much as running it.
 * Arguments are passed through compilation as sentinel strings and swapped for the real values.
 */
export function preparedQuery<A extends unknown[], R>(
  build: (db: Kysely<Schema>, ...args: A) => Compilable<R>,
) {
  const compiledFor = new WeakMap<object, CompiledQuery<R>>();
  return async (tx: Tx, ...args: A): Promise<R[]> => {
    // The adapter is shared by a database and its transactions, and differs between dialects.
    const key = tx.getExecutor().adapter;
    let compiled = compiledFor.get(key);
    if (!compiled) {
      const sentinels = args.map((_, i) => `${SENTINEL}${i}`) as A;
      compiled = build(tx as Kysely<Schema>, ...sentinels).compile();
      compiledFor.set(key, compiled);
    }
    const parameters = compiled.parameters.map((p) =>
      typeof p === 'string' && p.startsWith(SENTINEL) ? args[Number(p.slice(SENTINEL.length))] : p,
    );
    const result = await tx.executeQuery<R>(CompiledQuery.raw(compiled.sql, parameters) as CompiledQuery<R>);
    return result.rows;
  };
}
