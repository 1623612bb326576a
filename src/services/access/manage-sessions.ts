import { AppError } from '../../domain/shared/app-error.ts';
import {
  listOpenSessions,
  revokeUserSession,
  revokeUserSessions,
  type SessionRow,
} from '../../store/access/sessions.repository.ts';
import { appendAudit } from '../../store/audit/audit.repository.ts';
import type { Database } from '../../store/database.ts';
import { signedInUser } from './reauthenticate.ts';
import { type Actor, SESSION_IDLE_MS } from './sessions.ts';

/** A session as its owner sees it on the account page. */
export interface SessionView {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  /** When it ends unless used again: the earlier of its hard expiry and the idle limit. */
  expiresAt: string;
  userAgent: string | null;
  current: boolean;
}

function present(row: SessionRow, currentId: string | undefined): SessionView {
  const idleEnd = Date.parse(row.last_seen_at) + SESSION_IDLE_MS;
  return {
    id: row.id,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: new Date(Math.min(idleEnd, Date.parse(row.expires_at))).toISOString(),
    userAgent: row.user_agent,
    current: row.id === currentId,
  };
}

/** The user's sessions that still work, most recently used first (ASVS 3.3.4). */
export async function listMySessions(database: Database, actor: Actor): Promise<SessionView[]> {
  const now = Date.now();
  const rows = await listOpenSessions(database.db, actor.user.id, new Date(now).toISOString());
  return rows
    .filter((r) => Date.parse(r.last_seen_at) + SESSION_IDLE_MS > now)
    .map((r) => present(r, actor.sessionId));
}

/** Ends one of the user's sessions; another user's session is "not found", like one that never was. */
export async function revokeMySession(
  database: Database,
  actor: Actor,
  sessionId: string,
): Promise<{ wasCurrent: boolean }> {
  const row = await signedInUser(database, actor);
  await database.db.transaction().execute(async (tx) => {
    if (!(await revokeUserSession(tx, row.id, sessionId, new Date().toISOString())))
      throw new AppError('not_found', 'no such session of yours is open; it may have ended already');
    await appendAudit(tx, {
      processId: null,
      actorId: row.id,
      action: 'auth.session_revoked',
      subjectType: 'user',
      subjectId: row.id,
      detail: { session: sessionId.slice(0, 12), current: sessionId === actor.sessionId },
    });
  });
  return { wasCurrent: sessionId === actor.sessionId };
}

/** Signs the user out of every session, this one included (API tokens are kept; revoke them apart). */
export async function signOutEverywhere(database: Database, actor: Actor): Promise<{ ended: number }> {
  const row = await signedInUser(database, actor);
  return database.db.transaction().execute(async (tx) => {
    const ended = await revokeUserSessions(tx, row.id, null, new Date().toISOString());
    await appendAudit(tx, {
      processId: null,
      actorId: row.id,
      action: 'auth.sign_out_everywhere',
      subjectType: 'user',
      subjectId: row.id,
      detail: { sessionsEnded: ended },
    });
    return { ended };
  });
}
