import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../../domain/shared/app-error.ts';
import { newId } from '../../domain/shared/ids.ts';
import {
  findApiTokenByHash,
  findSessionWithUser,
  insertApiToken,
  insertSession,
  revokeSession,
  touchSession,
} from '../../store/access/sessions.repository.ts';
import { findUserByEmail, findUserById, toUser, type User } from '../../store/access/users.repository.ts';
import { appendAudit } from '../../store/audit/audit.repository.ts';
import type { Database } from '../../store/database.ts';
import { DUMMY_HASH, verifyPassword } from './password.ts';

/** Sessions end after 12 hours without use, and after 7 days in any case. */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
export const SESSION_MAX_MS = 7 * 24 * 60 * 60 * 1000;

/** Who made a request, and what their credential lets them do. */
export interface Actor {
  user: User;
  via: 'session' | 'token' | 'cli';
  canWrite: boolean;
  sessionId?: string;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const secret = () => randomBytes(32).toString('base64url');

/** Checks e-mail and password and opens a session; the cookie value is returned once, stored hashed. */
export async function signIn(
  database: Database,
  input: { email: string; password: string; userAgent?: string | null },
): Promise<{ user: User; token: string; expiresAt: Date }> {
  const row = await findUserByEmail(database.db, input.email);
  // Verify against a dummy hash for unknown e-mails so timing does not reveal which accounts exist.
  const ok = await verifyPassword(input.password, row?.password_hash ?? DUMMY_HASH);
  if (!row || !ok || row.disabled_at !== null) {
    await database.db.transaction().execute((tx) =>
      appendAudit(tx, {
        processId: null,
        actorId: row?.id ?? null,
        action: 'auth.sign_in_failed',
        subjectType: 'user',
        subjectId: row?.id ?? null,
        detail: { email: input.email.trim().toLowerCase().slice(0, 320) },
      }),
    );
    throw new AppError('auth.invalid_credentials', 'e-mail or password is not correct');
  }
  const token = secret();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + SESSION_MAX_MS);
  await database.db.transaction().execute(async (tx) => {
    await insertSession(tx, {
      id: sha256(token),
      user_id: row.id,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: expiresAt.toISOString(),
      revoked_at: null,
      user_agent: input.userAgent?.slice(0, 400) ?? null,
    });
    await appendAudit(tx, {
      processId: null,
      actorId: row.id,
      action: 'auth.sign_in',
      subjectType: 'user',
      subjectId: row.id,
    });
  });
  return { user: toUser(row), token, expiresAt };
}

/** Resolves a session cookie to its actor, or null when unknown, expired, idle too long or revoked. */
export async function actorFromSession(database: Database, token: string): Promise<Actor | null> {
  const session = await findSessionWithUser(database.db, sha256(token));
  if (!session || session.disabled_at !== null) return null;
  const now = Date.now();
  if (Date.parse(session.expires_at) <= now || Date.parse(session.last_seen_at) + SESSION_IDLE_MS <= now)
    return null;
  // Refresh the idle clock at most once a minute: reads stay reads.
  if (Date.parse(session.last_seen_at) + 60_000 < now)
    await touchSession(database.db, session.id, new Date(now).toISOString());
  const user = {
    id: session.user_id,
    email: session.email,
    name: session.name,
    isAdmin: session.is_admin === 1,
  };
  return { user, via: 'session', canWrite: true, sessionId: session.id };
}

/** Ends a session. */
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
): Promise<{ id: string; token: string }> {
  const token = `ent_${secret()}`;
  const id = newId('tok');
  await database.db.transaction().execute(async (tx) => {
    await insertApiToken(tx, {
      id,
      user_id: input.userId,
      name: input.name,
      token_hash: sha256(token),
      scope: input.scope,
      created_at: new Date().toISOString(),
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
  return { id, token };
}

/** Resolves a bearer token to its actor, or null. */
export async function actorFromToken(database: Database, token: string): Promise<Actor | null> {
  const row = await findApiTokenByHash(database.db, sha256(token));
  if (!row || row.revoked_at !== null) return null;
  const user = await findUserById(database.db, row.user_id);
  if (!user || user.disabled_at !== null) return null;
  return { user: toUser(user), via: 'token', canWrite: row.scope === 'write' };
}
