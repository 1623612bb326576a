import { signInSchema } from '../../services/access/account.schema.ts';
import { signIn, signOut } from '../../services/access/sessions.ts';
import { clearSessionCookie, setSessionCookie } from '../http/authenticate.ts';
import { defineRoute } from '../http/route.ts';

export const authRoutes = [
  defineRoute({
    method: 'POST',
    path: '/api/v1/auth/sign-in',
    summary: 'Sign in with e-mail and password; sets the session cookie',
    tag: 'auth',
    access: 'public',
    body: signInSchema,
    async handler({ database, body, request, reply }) {
      const { user, token, expiresAt } = await signIn(database, {
        ...body,
        userAgent: request.headers['user-agent'] ?? null,
      });
      setSessionCookie(request, reply, token, expiresAt);
      return { user };
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
