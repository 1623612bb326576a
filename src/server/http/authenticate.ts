import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../domain/shared/app-error.ts';
import { type RefusedCredential, recordRefusal } from '../../services/access/record-refusal.ts';
import { type Actor, type Refusal, resolveSession, resolveToken } from '../../services/access/sessions.ts';
import type { Database } from '../../store/database.ts';

export const SESSION_COOKIE = 'entente_session';
export const CSRF_HEADER = 'x-entente-csrf';

/** Behind https (directly or via a proxy that says so) the cookie is also Secure. */
function isHttps(request: FastifyRequest): boolean {
  return request.protocol === 'https' || request.headers['x-forwarded-proto'] === 'https';
}

export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  expiresAt: Date,
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: isHttps(request),
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const SESSION_REFUSED: Record<Refusal['reason'], string> = {
  unknown: 'the session cookie is not valid; sign in again',
  expired: 'your session has expired (sessions last 12 hours); sign in again',
  idle: 'your session has expired after 30 minutes without use; sign in again',
  revoked: 'your session was ended (signed out, perhaps from another device); sign in again',
  disabled: 'this account has been disabled; ask an administrator',
};

const TOKEN_REFUSED: Record<Refusal['reason'], string> = {
  unknown: 'the API token is not valid',
  expired: 'the API token has expired',
  idle: 'the API token has expired',
  revoked: 'the API token has been revoked; create a new one on your account page',
  disabled: 'the account of this API token has been disabled',
};

/**
 * Finds the actor behind a request: a bearer token, else the session cookie. Cookie-borne writes
 * must carry the custom CSRF header, which a cross-site form or image cannot add. Every refusal
 * is audited (at most once a minute per address and kind, see recordRefusal).
 */
export async function authenticate(database: Database, request: FastifyRequest): Promise<Actor> {
  const header = request.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const resolved = match?.[1]
      ? await resolveToken(database, match[1])
      : { refusal: { reason: 'unknown', userId: null } as Refusal };
    if (resolved.actor) return resolved.actor;
    await refuse(database, request, 'token', resolved.refusal);
    throw new AppError('auth.required', TOKEN_REFUSED[resolved.refusal.reason]);
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie)
    throw new AppError('auth.required', 'sign in first, or send an API token as "Authorization: Bearer …"');
  const resolved = await resolveSession(database, cookie);
  if (!resolved.actor) {
    await refuse(database, request, 'session', resolved.refusal);
    throw new AppError('auth.required', SESSION_REFUSED[resolved.refusal.reason]);
  }
  const actor = resolved.actor;
  if (WRITE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== '1') {
    await refuse(database, request, 'csrf', { reason: 'no_csrf_header', userId: actor.user.id });
    throw new AppError(
      'auth.forbidden',
      `cookie-authenticated changes must send the header "${CSRF_HEADER}: 1"`,
    );
  }
  return actor;
}

/**
 * Logs a refusal in the audit log, and in the server log when it made an audit entry (both at most
 * once a minute per address and kind). A failure to log must not turn a 401 into a 500.
 */
async function refuse(
  database: Database,
  request: FastifyRequest,
  credential: RefusedCredential['credential'],
  refusal: Pick<RefusedCredential, 'reason' | 'userId'>,
): Promise<void> {
  try {
    const logged = await recordRefusal(database, {
      ...refusal,
      credential,
      ip: request.ip,
      method: request.method,
      path: request.url.split('?')[0] ?? request.url,
    });
    if (logged)
      request.log.warn({ credential, reason: refusal.reason, ip: request.ip }, 'credential refused');
  } catch (error) {
    request.log.error(error, 'could not audit a refused credential');
  }
}
