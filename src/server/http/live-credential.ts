import type { FastifyRequest } from 'fastify';
import { type Actor, resolveToken, SESSION_IDLE_MS } from '../../services/access/sessions.ts';
import { findSessionWithUser } from '../../store/access/sessions.repository.ts';
import type { Database } from '../../store/database.ts';

/**
 * Whether the credential a live-update stream was opened with still admits its user: the session
 * not signed out, expired, idle or its account disabled; the API token not revoked.
 *
 * Unlike `authenticate`, this leaves a session's idle clock alone. An open stream is not the user
 * at work, and re-checking it every minute through `resolveSession` (which refreshes the clock)
 * would keep an unattended browser signed in until the hard expiry. The session checks mirror
 * `resolveSession`; if that grows an option not to refresh the clock, call it instead.
 */
export async function credentialStillValid(
  database: Database,
  request: FastifyRequest,
  actor: Actor,
): Promise<boolean> {
  if (actor.via === 'token') {
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    return match?.[1] ? (await resolveToken(database, match[1])).actor !== undefined : false;
  }
  if (!actor.sessionId) return false;
  const session = await findSessionWithUser(database.db, actor.sessionId);
  const now = Date.now();
  return (
    session !== undefined &&
    session.revoked_at === null &&
    session.disabled_at === null &&
    Date.parse(session.expires_at) > now &&
    Date.parse(session.last_seen_at) + SESSION_IDLE_MS > now
  );
}
