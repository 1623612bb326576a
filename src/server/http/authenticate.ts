import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../domain/shared/app-error.ts';
import { type Actor, actorFromSession, actorFromToken } from '../../services/access/sessions.ts';
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

/**
 * Finds the actor behind a request: a bearer token, else the session cookie. Cookie-borne writes
 * must carry the custom CSRF header, which a cross-site form or image cannot add.
 */
export async function authenticate(database: Database, request: FastifyRequest): Promise<Actor> {
  const header = request.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const actor = match?.[1] ? await actorFromToken(database, match[1]) : null;
    if (!actor) throw new AppError('auth.required', 'the API token is not valid or has been revoked');
    return actor;
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie)
    throw new AppError('auth.required', 'sign in first, or send an API token as "Authorization: Bearer …"');
  const actor = await actorFromSession(database, cookie);
  if (!actor) throw new AppError('auth.required', 'your session has expired; sign in again');
  if (WRITE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== '1') {
    throw new AppError(
      'auth.forbidden',
      `cookie-authenticated changes must send the header "${CSRF_HEADER}: 1"`,
    );
  }
  return actor;
}
