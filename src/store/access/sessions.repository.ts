import type { Selectable } from 'kysely';
import { preparedQuery } from '../prepared-query.ts';
import type { ApiTokenTable, SessionTable } from '../schema.ts';
import type { Tx } from '../transaction.ts';

export type SessionRow = Selectable<SessionTable>;
export type ApiTokenRow = Selectable<ApiTokenTable>;

export async function insertSession(tx: Tx, row: SessionRow): Promise<void> {
  await tx.insertInto('sessions').values(row).execute();
}

const sessionWithUser = preparedQuery((db, id: string) =>
  db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.id',
      's.expires_at',
      's.last_seen_at',
      'u.id as user_id',
      'u.email',
      'u.name',
      'u.is_admin',
      'u.disabled_at',
    ])
    .where('s.id', '=', id)
    .where('s.revoked_at', 'is', null),
);

/** A live-looking session with its user, in one query (the hot path of every request). */
export async function findSessionWithUser(tx: Tx, id: string) {
  return (await sessionWithUser(tx, id))[0];
}

export async function touchSession(tx: Tx, id: string, at: string): Promise<void> {
  await tx.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
}

export async function revokeSession(tx: Tx, id: string, at: string): Promise<void> {
  await tx
    .updateTable('sessions')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}

export async function insertApiToken(tx: Tx, row: ApiTokenRow): Promise<void> {
  await tx.insertInto('api_tokens').values(row).execute();
}

export async function findApiTokenByHash(tx: Tx, tokenHash: string): Promise<ApiTokenRow | undefined> {
  return tx.selectFrom('api_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}
