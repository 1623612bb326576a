import type { Kysely, Transaction } from 'kysely';
import type { Schema } from './schema.ts';

/** What repositories take as their first argument: a transaction, or the database outside one. */
export type Tx = Kysely<Schema> | Transaction<Schema>;
