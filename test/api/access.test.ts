import { expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/demo-process.ts';
import { ROUTES } from '../../src/server/routes/index.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { bearerClient, countRows, demoVersions, expectProblem, tokenClient } from '../support/factories.ts';
import { type TestApp, useTestApp } from '../support/test-app.ts';

const key = (r: { method: string; path: string }) => `${r.method} ${r.path}`;

/** Signs in through the API and returns the raw Set-Cookie of the session. */
async function signInRaw(ctx: TestApp, email: string, password = DEMO_PASSWORD) {
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { email, password },
  });
  expect(res.statusCode, res.body).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'entente_session');
  if (!cookie) throw new Error('no session cookie');
  const header = ([] as string[])
    .concat(res.headers['set-cookie'] ?? [])
    .find((h) => h.startsWith('entente_session='));
  return { res, cookie, header: header ?? '' };
}

describeEachDatabase('access', (dialect) => {
  const ctx = useTestApp(dialect);

  it('refuses every non-public route of the route table without credentials', async () => {
    const versions = await demoVersions(await ctx().signIn(ctx().demo.mediatorEmail), ctx().demo.planId);
    const nonPublic = ROUTES.filter((r) => r.access !== 'public');
    expect(nonPublic.length).toBeGreaterThan(10);
    for (const route of nonPublic) {
      const url = route.path
        .replace(':processId', ctx().demo.processId)
        .replace(':planId', ctx().demo.planId)
        .replace(':versionId', versions[0]!.id)
        // Any other identifier: the credentials are checked before anything is looked up.
        .replace(/:\w+/g, 'x_unknown');
      expect(url, 'every path parameter has a substitute').not.toContain(':');
      for (const headers of [{}, { cookie: 'entente_session=forged' }]) {
        const res = await ctx().app.inject({ method: route.method, url, headers });
        const problem = expectProblem(res, 401, 'auth.required');
        expect(problem.detail, key(route)).not.toContain('Framework');
      }
    }
    // The public ones answer without credentials.
    expect((await ctx().app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });

  it('checks access before reading an import, so outsiders cannot use the parser', async () => {
    const outsider = await ctx().outsider();
    for (const url of ['plans/import', 'imports/preview']) {
      const res = await outsider.post(`/api/v1/processes/${ctx().demo.processId}/${url}`, {
        format: 'text',
        text: 'no points at all',
      });
      expectProblem(res, 404, 'process.not_found');
    }
    const token = await tokenClient(ctx(), ctx().demo.mediatorEmail, 'read');
    const readOnly = await token.post(`/api/v1/processes/${ctx().demo.processId}/plans/import`, {
      format: 'text',
      text: 'no points at all',
    });
    expectProblem(readOnly, 403, 'auth.forbidden');
  });

  it('answers an outsider the same for a plan that exists and one that does not', async () => {
    const outsider = await ctx().outsider();
    const real = await outsider.get(`/api/v1/plans/${ctx().demo.planId}`);
    const fake = await outsider.get('/api/v1/plans/pln_doesnotexist');
    expect(real.statusCode).toBe(404);
    expect(fake.statusCode).toBe(404);
    const strip = (body: string, id: string) => body.replaceAll(id, 'ID');
    expect(strip(real.body, ctx().demo.planId)).toBe(strip(fake.body, 'pln_doesnotexist'));
  });

  it('requires the CSRF header on cookie-authenticated writes', async () => {
    const { cookie } = await signInRaw(ctx(), ctx().demo.mediatorEmail);
    const headers = { cookie: `entente_session=${cookie.value}` };
    const before = await countRows(ctx(), 'plans');
    const write = await ctx().app.inject({
      method: 'POST',
      url: `/api/v1/processes/${ctx().demo.processId}/plans`,
      headers,
      payload: { title: 'Cross-site plan' },
    });
    const problem = expectProblem(write, 403, 'auth.forbidden');
    expect(problem.detail).toContain('x-entente-csrf');
    const wrongValue = await ctx().app.inject({
      method: 'POST',
      url: '/api/v1/processes',
      headers: { ...headers, 'x-entente-csrf': '0' },
      payload: { title: 'Cross-site process' },
    });
    expectProblem(wrongValue, 403, 'auth.forbidden');
    const signOut = await ctx().app.inject({ method: 'POST', url: '/api/v1/auth/sign-out', headers });
    expectProblem(signOut, 403, 'auth.forbidden');
    expect(await countRows(ctx(), 'plans')).toBe(before);
    // Reads need no header; with it the write goes through.
    const read = await ctx().app.inject({ method: 'GET', url: '/api/v1/auth/me', headers });
    expect(read.statusCode).toBe(200);
    const ok = await ctx().app.inject({
      method: 'POST',
      url: `/api/v1/processes/${ctx().demo.processId}/plans`,
      headers: { ...headers, 'x-entente-csrf': '1' },
      payload: { title: 'Same-site plan' },
    });
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('lets a read-only token read but not write', async () => {
    const token = await tokenClient(ctx(), ctx().demo.mediatorEmail, 'read');
    const me = await token.get('/api/v1/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      via: 'token',
      canWrite: false,
      user: { email: ctx().demo.mediatorEmail },
    });
    const plan = await token.get(`/api/v1/plans/${ctx().demo.planId}`);
    expect(plan.statusCode).toBe(200);
    const { plan: planView, content } = plan.json() as {
      plan: { revision: number };
      content: { points: { id: string }[] };
    };
    expect((await token.get(`/api/v1/plans/${ctx().demo.planId}/export?format=md`)).statusCode).toBe(200);
    const versionsBefore = await countRows(ctx(), 'versions');

    const writes = [
      token.post('/api/v1/processes', { title: 'Token process' }),
      token.post(`/api/v1/processes/${ctx().demo.processId}/plans`, { title: 'Token plan' }),
      token.post(`/api/v1/plans/${ctx().demo.planId}/versions`, {}),
      token.patch(`/api/v1/plans/${ctx().demo.planId}/draft`, {
        baseRevision: planView.revision,
        op: { type: 'deletePoint', pointId: content.points[0]!.id },
      }),
      token.post(`/api/v1/processes/${ctx().demo.processId}/parties`, {
        name: 'Token party',
        code: 'TOK',
        kind: 'state',
        colour: '#000000',
      }),
    ];
    for (const res of await Promise.all(writes)) {
      const problem = expectProblem(res, 403, 'auth.forbidden');
      expect(problem.detail).toContain('read-only');
    }
    expect(await countRows(ctx(), 'versions')).toBe(versionsBefore);
    expect((await token.get(`/api/v1/plans/${ctx().demo.planId}`)).json().plan.revision).toBe(
      planView.revision,
    );
  });

  it('lets a write token write with a bearer header and no CSRF header', async () => {
    const token = await tokenClient(ctx(), ctx().demo.mediatorEmail, 'write');
    const res = await token.post(`/api/v1/processes/${ctx().demo.processId}/plans`, {
      title: 'Scripted plan',
    });
    expect(res.statusCode, res.body).toBe(201);
    const lower = await ctx().app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { authorization: `bearer ${token.token}` },
    });
    expect(lower.json()).toMatchObject({ via: 'token', canWrite: true });
  });

  it('refuses forged and malformed bearer tokens, even alongside a valid cookie', async () => {
    const { cookie } = await signInRaw(ctx(), ctx().demo.mediatorEmail);
    for (const authorization of [
      'Bearer ent_forged',
      'Bearer ',
      'Basic dXNlcjpwYXNz',
      'Bearer a b',
      'garbage',
    ]) {
      const alone = await bearerClient(ctx(), '').request({
        method: 'GET',
        url: '/api/v1/processes',
        headers: { authorization },
      });
      expectProblem(alone, 401, 'auth.required');
      const withCookie = await ctx().app.inject({
        method: 'GET',
        url: '/api/v1/processes',
        headers: { authorization, cookie: `entente_session=${cookie.value}` },
      });
      expectProblem(withCookie, 401, 'auth.required');
    }
  });

  it('revokes the session on sign-out', async () => {
    const { cookie } = await signInRaw(ctx(), 'drafting@envoy.example');
    const headers = { cookie: `entente_session=${cookie.value}` };
    expect((await ctx().app.inject({ method: 'GET', url: '/api/v1/auth/me', headers })).statusCode).toBe(200);
    const out = await ctx().app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-out',
      headers: { ...headers, 'x-entente-csrf': '1' },
    });
    expect(out.statusCode).toBe(204);
    expect(out.body).toBe('');
    const cleared = out.cookies.find((c) => c.name === 'entente_session');
    expect(cleared?.value ?? '').toBe('');
    // The old cookie no longer works, even if the browser kept it.
    const after = await ctx().app.inject({ method: 'GET', url: '/api/v1/auth/me', headers });
    expectProblem(after, 401, 'auth.required');
    const write = await ctx().app.inject({
      method: 'POST',
      url: '/api/v1/processes',
      headers: { ...headers, 'x-entente-csrf': '1' },
      payload: { title: 'After sign-out' },
    });
    expectProblem(write, 401, 'auth.required');
  });

  it('answers a wrong password and an unknown e-mail alike', async () => {
    const signIn = (email: string, password: string) =>
      ctx().app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password } });
    const wrong = await signIn(ctx().demo.mediatorEmail, 'not the password');
    const unknown = await signIn('nobody@nowhere.example', 'not the password');
    const a = expectProblem(wrong, 401, 'auth.invalid_credentials');
    const b = expectProblem(unknown, 401, 'auth.invalid_credentials');
    expect(a.detail).toBe(b.detail);
    expect(a).toEqual(b);
    expect(wrong.cookies).toEqual([]);
    expect(unknown.cookies).toEqual([]);
    // E-mail is matched case-insensitively.
    const upper = await signIn(ctx().demo.mediatorEmail.toUpperCase(), DEMO_PASSWORD);
    expect(upper.statusCode).toBe(200);
  });

  it('sets the session cookie HttpOnly, SameSite=Lax, on the whole site', async () => {
    const { res, cookie, header } = await signInRaw(ctx(), ctx().demo.mediatorEmail);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(header).toMatch(/;\s*HttpOnly/i);
    expect(header).toMatch(/;\s*SameSite=Lax/i);
    expect(cookie.value.length).toBeGreaterThanOrEqual(40);
    expect(res.json().user).toMatchObject({ email: ctx().demo.mediatorEmail });
    expect(res.body).not.toContain('password');
    expect(res.body).not.toContain(cookie.value);
    // Behind an https proxy it is Secure too.
    const https = await ctx().app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { email: ctx().demo.mediatorEmail, password: DEMO_PASSWORD },
    });
    expect(https.cookies.find((c) => c.name === 'entente_session')).toMatchObject({ secure: true });
  });
});
