import { createHash, randomBytes } from 'node:crypto';
import { newId } from '../../domain/shared/ids.ts';
import {
  findApiTokenByHash,
  findSessionWithUser,
  insertApiToken,
  insertSession,
  revokeSession,
  touchApiToken,
  touchSession,
} from '../../store/access/sessions.repository.ts';
import { findUserById, type User } from '../../store/access/users.repository.ts';
import { appendAudit } from '../../store/audit/audit.repository.ts';
import type { Database } from '../../store/database.ts';
import type { Tx } from '../../store/transaction.ts';

// Sign-in lives in its own file; re-exported here, where callers have always found it.
export { signIn } from './sign-in.ts';

/**
 * Sessions end after 30 minutes without use, and 12 hours after sign-in in any case: OWASP ASVS
 * 3.3.2 at level 2. The browser then asks for the password again.
 */
export const SESSION_IDLE_MS = 30 * 60 * 1000;
export const SESSION_MAX_MS = 12 * 60 * 60 * 1000;

/** Who made a request, and what their credential lets them do. */
export interface Actor {
  user: User;
  via: 'session' | 'token' | 'cli';
  canWrite: boolean;
  sessionId?: string;
}

/** Why a presented credential was refused; `userId` when it once belonged to a known user. */
export interface Refusal {
  reason: 'unknown' | 'expired' | 'idle' | 'revoked' | 'disabled';
  userId: string | null;
}

export type Resolved = { actor: Actor; refusal?: undefined } | { actor?: undefined; refusal: Refusal };

/** Cookies and tokens are stored as their SHA-256: a database leak does not leak live credentials. */
export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const secret = () => randomBytes(32).toString('base64url');

/** Opens a session for a user in the caller's transaction; the cookie value is returned once. */
export async function openSession(
  tx: Tx,
  userId: string,
  userAgent: string | null,
  now: Date,
): Promise<{ token: string; sessionId: string; expiresAt: Date }> {
  const token = secret();
  const expiresAt = new Date(now.getTime() + SESSION_MAX_MS);
  const sessionId = sha256(token);
  await insertSession(tx, {
    id: sessionId,
    user_id: userId,
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    expires_at: expiresAt.toISOString(),
    revoked_at: null,
    user_agent: userAgent?.slice(0, 400) ?? null,
  });
  return { token, sessionId, expiresAt };
}

/** Resolves a session cookie to its actor, or says why not (unknown, expired, idle, revoked). */
export async function resolveSession(database: Database, token: string): Promise<Resolved> {
  const session = await findSessionWithUser(database.db, sha256(token));
  if (!session) return { refusal: { reason: 'unknown', userId: null } };
  const userId = session.user_id;
  if (session.revoked_at !== null) return { refusal: { reason: 'revoked', userId } };
  if (session.disabled_at !== null) return { refusal: { reason: 'disabled', userId } };
  const now = Date.now();
  if (Date.parse(session.expires_at) <= now) return { refusal: { reason: 'expired', userId } };
  if (Date.parse(session.last_seen_at) + SESSION_IDLE_MS <= now)
    return { refusal: { reason: 'idle', userId } };
  // Refresh the idle clock at most once a minute: reads stay reads.
  if (Date.parse(session.last_seen_at) + 60_000 < now)
    await touchSession(database.db, session.id, new Date(now).toISOString());
  const user = { id: userId, email: session.email, name: session.name, isAdmin: session.is_admin === 1 };
  return { actor: { user, via: 'session', canWrite: true, sessionId: session.id } };
}

/** Resolves a session cookie to its actor, or null. */
export async function actorFromSession(database: Database, token: string): Promise<Actor | null> {
  return (await resolveSession(database, token)).actor ?? null;
}

/** Ends the current session. */
export async function signOut(database: Database, actor: Actor): Promise<void> {
  if (!actor.sessionId) return;
  const sessionId = actor.sessionId;
  await database.db.transaction().execute(async (tx) => {
    await revokeSession(tx, sessionId, new Date().toISOString());
    await appendAudit(tx, {
      processId: null,
      actorId: actor.user.id,
      action: 'auth.sign_out',
      subjectType: 'user',
      subjectId: actor.user.id,
    });
  });
}

/** Creates an API token for scripts and the CLI; the secret is shown once and stored hashed. */
export async function createApiToken(
  database: Database,
  input: { userId: string; name: string; scope: 'read' | 'write' },
): Promise<{ id: string; token: string; createdAt: string }> {
  const token = `ent_${secret()}`;
  const id = newId('tok');
  const createdAt = new Date().toISOString();
  await database.db.transaction().execute(async (tx) => {
    await insertApiToken(tx, {
      id,
      user_id: input.userId,
      name: input.name,
      token_hash: sha256(token),
      scope: input.scope,
      created_at: createdAt,
      last_used_at: null,
      revoked_at: null,
    });
    await appendAudit(tx, {
      processId: null,
      actorId: input.userId,
      action: 'token.create',
      subjectType: 'api_token',
      subjectId: id,
      detail: { name: input.name, scope: input.scope },
    });
  });
  return { id, token, createdAt };
}

/** Resolves a bearer token to its actor, or says why not (unknown, revoked, account disabled). */
export async function resolveToken(database: Database, token: string): Promise<Resolved> {
  const row = await findApiTokenByHash(database.db, sha256(token));
  if (!row) return { refusal: { reason: 'unknown', userId: null } };
  if (row.revoked_at !== null) return { refusal: { reason: 'revoked', userId: row.user_id } };
  const user = await findUserById(database.db, row.user_id);
  if (!user || user.disabled_at !== null) return { refusal: { reason: 'disabled', userId: row.user_id } };
  const now = Date.now();
  // "Last used" is shown on the account page; to the minute is enough, and spares a write per call.
  if (row.last_used_at === null || Date.parse(row.last_used_at) + 60_000 < now)
    await touchApiToken(database.db, row.id, new Date(now).toISOString());
  return {
    actor: {
      user: { id: user.id, email: user.email, name: user.name, isAdmin: user.is_admin === 1 },
      via: 'token',
      canWrite: row.scope === 'write',
    },
  };
}

/** Resolves a bearer token to its actor, or null. */
export async function actorFromToken(database: Database, token: string): Promise<Actor | null> {
  return (await resolveToken(database, token)).actor ?? null;
}
