import type { Selectable } from 'kysely';
import { preparedQuery } from '../prepared-query.ts';
import type { ApiTokenTable, SessionTable } from '../schema.ts';
import type { Tx } from '../transaction.ts';

export type SessionRow = Selectable<SessionTable>;
export type ApiTokenRow = Selectable<ApiTokenTable>;

export async function insertSession(tx: Tx, row: SessionRow): Promise<void> {
  await tx.insertInto('sessions').values(row).execute();
}

// Revoked sessions are found too, so that a refusal can say why and be logged against its user.
const sessionWithUser = preparedQuery((db, id: string) =>
  db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.id',
      's.expires_at',
      's.last_seen_at',
      's.revoked_at',
      'u.id as user_id',
      'u.email',
      'u.name',
      'u.is_admin',
      'u.disabled_at',
    ])
    .where('s.id', '=', id),
);

/** A session with its user, in one query (the hot path of every request). */
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

/** Sessions of a user that are not revoked and not past their hard expiry, newest first. */
export async function listOpenSessions(tx: Tx, userId: string, now: string): Promise<SessionRow[]> {
  return tx
    .selectFrom('sessions')
    .selectAll()
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('last_seen_at', 'desc')
    .execute();
}

/** Revokes one session of a user; false when the user has no such open session. */
export async function revokeUserSession(tx: Tx, userId: string, id: string, at: string): Promise<boolean> {
  const result = await tx
    .updateTable('sessions')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Revokes every open session of a user but `keepId` (none kept when null); returns how many. */
export async function revokeUserSessions(
  tx: Tx,
  userId: string,
  keepId: string | null,
  at: string,
): Promise<number> {
  let query = tx
    .updateTable('sessions')
    .set({ revoked_at: at })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', at);
  if (keepId !== null) query = query.where('id', '!=', keepId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function insertApiToken(tx: Tx, row: ApiTokenRow): Promise<void> {
  await tx.insertInto('api_tokens').values(row).execute();
}

export async function findApiTokenByHash(tx: Tx, tokenHash: string): Promise<ApiTokenRow | undefined> {
  return tx.selectFrom('api_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function touchApiToken(tx: Tx, id: string, at: string): Promise<void> {
  await tx.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}

/** A user's tokens that still work, newest first. */
export async function listLiveApiTokens(tx: Tx, userId: string): Promise<ApiTokenRow[]> {
  return tx
    .selectFrom('api_tokens')
    .selectAll()
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .execute();
}

/** Revokes one token of a user; the row as it was, or undefined when the user has no such live token. */
export async function revokeUserApiToken(
  tx: Tx,
  userId: string,
  id: string,
  at: string,
): Promise<Pick<ApiTokenRow, 'id' | 'name' | 'scope'> | undefined> {
  return tx
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .returning(['id', 'name', 'scope'])
    .executeTakeFirst();
}
