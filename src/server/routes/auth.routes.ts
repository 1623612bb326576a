import { AppError } from '../../domain/shared/app-error.ts';
import { signInSchema } from '../../services/access/account.schema.ts';
import { signOutEverywhere } from '../../services/access/manage-sessions.ts';
import { signOut } from '../../services/access/sessions.ts';
import { signIn } from '../../services/access/sign-in.ts';
import { clearSessionCookie, setSessionCookie } from '../http/authenticate.ts';
import { defineRoute } from '../http/route.ts';

export const authRoutes = [
  defineRoute({
    method: 'POST',
    path: '/api/v1/auth/sign-in',
    summary:
      'Sign in with e-mail, password and (with two-factor sign-in) code; sets the session cookie. ' +
      'Answers 401 auth.totp_required when a code is needed, 429 auth.locked after too many failures',
    tag: 'auth',
    access: 'public',
    body: signInSchema,
    async handler({ database, body, request, reply }) {
      try {
        const { user, token, expiresAt } = await signIn(database, {
          ...body,
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
        });
        setSessionCookie(request, reply, token, expiresAt);
        return { user };
      } catch (error) {
        // RFC 9110 §10.2.3: say when trying again makes sense (the problem document says it too).
        if (error instanceof AppError && error.code === 'auth.locked')
          reply.header('retry-after', String(error.extra.retryAfter ?? 60));
        throw error;
      }
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/auth/sign-out',
    summary: 'End the current session',
    tag: 'auth',
    access: 'user',
    status: 204,
    async handler({ database, actor, reply }) {
      await signOut(database, actor);
      clearSessionCookie(reply);
      return null;
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/auth/sign-out-everywhere',
    summary: 'End every session of your account, this one included (API tokens are kept)',
    tag: 'auth',
    access: 'user',
    status: 204,
    async handler({ database, actor, reply }) {
      await signOutEverywhere(database, actor);
      clearSessionCookie(reply);
      return null;
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/auth/me',
    summary: 'The signed-in user',
    tag: 'auth',
    access: 'user',
    async handler({ actor }) {
      return { user: actor.user, via: actor.via, canWrite: actor.canWrite };
    },
  }),
];
