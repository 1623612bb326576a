import { z } from 'zod';
import {
  changePasswordSchema,
  newApiTokenSchema,
  signInHistoryQuery,
  totpConfirmSchema,
  totpDisableSchema,
  totpStartSchema,
} from '../../services/access/account.schema.ts';
import { createMyApiToken, listMyApiTokens, revokeMyApiToken } from '../../services/access/api-tokens.ts';
import { changePassword } from '../../services/access/change-password.ts';
import { listMySessions, revokeMySession } from '../../services/access/manage-sessions.ts';
import { listMySignIns } from '../../services/access/sign-in-history.ts';
import {
  confirmTotpEnrolment,
  disableTotp,
  myTwoFactorStatus,
  startTotpEnrolment,
} from '../../services/access/two-factor.ts';
import { clearSessionCookie } from '../http/authenticate.ts';
import { defineRoute } from '../http/route.ts';

// The signed-in user's own account: password, two-factor sign-in, sessions, API tokens, history.
// Reads work with any credential; changes need a browser session (see signedInUser).

const sessionParams = z.strictObject({
  sessionId: z.string().regex(/^[0-9a-f]{64}$/, 'is not a session id'),
});
const tokenParams = z.strictObject({ tokenId: z.string().min(1).max(64) });

export const accountRoutes = [
  defineRoute({
    method: 'POST',
    path: '/api/v1/me/password',
    summary: 'Change your password (the current one is required); your other sessions are signed out',
    tag: 'account',
    access: 'user',
    body: changePasswordSchema,
    async handler({ database, actor, body, request }) {
      return changePassword(database, actor, { ...body, ip: request.ip });
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/me/two-factor',
    summary: 'Whether two-factor sign-in is on for your account',
    tag: 'account',
    access: 'user',
    async handler({ database, actor }) {
      return myTwoFactorStatus(database, actor);
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/me/two-factor/setup',
    summary: 'Start setting up two-factor sign-in (password required): a secret, its otpauth URI and QR code',
    tag: 'account',
    access: 'user',
    body: totpStartSchema,
    async handler({ database, actor, body, request }) {
      return startTotpEnrolment(database, actor, { password: body.password, ip: request.ip });
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/me/two-factor/confirm',
    summary: 'Turn two-factor sign-in on with a code from the app just set up',
    tag: 'account',
    access: 'user',
    body: totpConfirmSchema,
    async handler({ database, actor, body }) {
      return confirmTotpEnrolment(database, actor, body.code);
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/me/two-factor/disable',
    summary: 'Turn two-factor sign-in off (password and a current code required)',
    tag: 'account',
    access: 'user',
    body: totpDisableSchema,
    async handler({ database, actor, body, request }) {
      return disableTotp(database, actor, { ...body, ip: request.ip });
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/me/sessions',
    summary: 'Your open sessions, most recently used first',
    tag: 'account',
    access: 'user',
    async handler({ database, actor }) {
      return { items: await listMySessions(database, actor) };
    },
  }),
  defineRoute({
    method: 'DELETE',
    path: '/api/v1/me/sessions/:sessionId',
    summary: 'Sign one of your sessions out',
    tag: 'account',
    access: 'user',
    params: sessionParams,
    status: 204,
    async handler({ database, actor, params, reply }) {
      const { wasCurrent } = await revokeMySession(database, actor, params.sessionId);
      if (wasCurrent) clearSessionCookie(reply);
      return null;
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/me/tokens',
    summary: 'Your API tokens that still work (never their secrets)',
    tag: 'account',
    access: 'user',
    async handler({ database, actor }) {
      return { items: await listMyApiTokens(database, actor) };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/me/tokens',
    summary: 'Create an API token, read-only or read-write; its secret is in this answer only',
    tag: 'account',
    access: 'user',
    body: newApiTokenSchema,
    status: 201,
    async handler({ database, actor, body, reply }) {
      reply.header('cache-control', 'no-store');
      return createMyApiToken(database, actor, body);
    },
  }),
  defineRoute({
    method: 'DELETE',
    path: '/api/v1/me/tokens/:tokenId',
    summary: 'Revoke one of your API tokens',
    tag: 'account',
    access: 'user',
    params: tokenParams,
    status: 204,
    async handler({ database, actor, params }) {
      await revokeMyApiToken(database, actor, params.tokenId);
      return null;
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/me/sign-ins',
    summary: 'Your sign-ins, failures, lockouts and account changes, newest first',
    tag: 'account',
    access: 'user',
    query: signInHistoryQuery,
    async handler({ database, actor, query }) {
      return listMySignIns(database, actor, query);
    },
  }),
];
