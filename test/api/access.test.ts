import { expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/demo-process.ts';
import { ROUTES } from '../../src/server/routes/index.ts';
import { describeEachDatabase } from '../support/databases.ts';
import {
  bearerClient,
  countRows,
  demoVersions,
  expectProblem,
  readDraft,
  SAMPLE_PLAN_TEXT,
  tokenClient,
} from '../support/factories.ts';
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

/** A request for every process- or plan-scoped route that would succeed for the demo mediator. */
async function scopedRequests(ctx: TestApp) {
  const mediator = await ctx.signIn(ctx.demo.mediatorEmail);
  const versions = await demoVersions(mediator, ctx.demo.planId);
  const draft = await readDraft(mediator, ctx.demo.planId);
  const [v1, v2] = versions;
  const samples: Record<string, { query?: string; body?: unknown }> = {
    'GET /api/v1/processes/:processId': {},
    'POST /api/v1/processes/:processId/parties': {
      body: { name: 'Intruders', code: 'INT', kind: 'state', colour: '#000000' },
    },
    'POST /api/v1/processes/:processId/plans': { body: { title: 'Intruder plan' } },
    'POST /api/v1/processes/:processId/members': {
      body: { email: 'observer@bcc.example', partyId: 'pty_any', role: 'mediator' },
    },
    'GET /api/v1/plans/:planId': {},
    'PATCH /api/v1/plans/:planId/draft': {
      body: {
        baseRevision: draft.revision,
        op: {
          type: 'updatePoint',
          pointId: draft.content.points[0]!.id,
          text: 'Overwritten by an intruder.',
        },
      },
    },
    'POST /api/v1/processes/:processId/imports/preview': { body: { format: 'text', text: SAMPLE_PLAN_TEXT } },
    'POST /api/v1/processes/:processId/plans/import': { body: { format: 'text', text: SAMPLE_PLAN_TEXT } },
    'GET /api/v1/plans/:planId/versions': {},
    'POST /api/v1/plans/:planId/versions': { body: { note: 'intruder' } },
    'GET /api/v1/plans/:planId/versions/:versionId': {},
    'GET /api/v1/plans/:planId/redline': { query: `from=${v1!.id}&to=${v2!.id}` },
    'GET /api/v1/plans/:planId/export': { query: `format=pdf&version=${v2!.id}` },
  };
  const scoped = ROUTES.filter((r) => r.path.includes(':'));
  // A new scoped route needs a sample here, so that its authorization is tested too.
  expect(scoped.map(key).sort()).toEqual(Object.keys(samples).sort());
  return scoped.map((route) => {
    const sample = samples[key(route)] ?? {};
    const path = route.path
      .replace(':processId', ctx.demo.processId)
      .replace(':planId', ctx.demo.planId)
      .replace(':versionId', v1!.id);
    return {
      route,
      method: route.method,
      url: sample.query ? `${path}?${sample.query}` : path,
      payload: sample.body as Record<string, unknown> | undefined,
    };
  });
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
        .replace(':versionId', versions[0]!.id);
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

  it('tells a non-member that the process, its plans, versions, redlines and exports do not exist', async () => {
    const requests = await scopedRequests(ctx());
    const mediator = await ctx().signIn(ctx().demo.mediatorEmail);
    const { content } = await readDraft(mediator, ctx().demo.planId);
    const secrets = [content.title, content.points[0]!.text.slice(0, 40), 'Veloria'];
    const before = await Promise.all(
      (['plans', 'versions', 'parties'] as const).map((t) => countRows(ctx(), t)),
    );
    const outsider = await ctx().outsider();
    for (const r of requests) {
      const res = await outsider.request({ method: r.method, url: r.url, payload: r.payload });
      const problem = expectProblem(res, 404);
      expect(problem.code, key(r.route)).toMatch(/^(process|plan)\.not_found$/);
      for (const secret of secrets) expect(res.body, key(r.route)).not.toContain(secret);
    }
    const after = await Promise.all(
      (['plans', 'versions', 'parties'] as const).map((t) => countRows(ctx(), t)),
    );
    expect(after).toEqual(before);
    // Not listed either.
    expect((await outsider.get('/api/v1/processes')).json().items).toEqual([]);
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

  it('keeps the working draft and versions from a delegate, as if they did not exist', async () => {
    const requests = await scopedRequests(ctx());
    const mediator = await ctx().signIn(ctx().demo.mediatorEmail);
    const { content, revision } = await readDraft(mediator, ctx().demo.planId);
    const delegate = await ctx().signIn('lead@veloria.example');
    for (const r of requests.filter((x) => x.route.path.startsWith('/api/v1/plans/'))) {
      const res = await delegate.request({ method: r.method, url: r.url, payload: r.payload });
      expectProblem(res, 404, 'plan.not_found');
      expect(res.body).not.toContain(content.title);
    }
    // Nothing changed.
    expect(await readDraft(mediator, ctx().demo.planId)).toEqual({ content, revision });
    // The process itself is visible to a member, but its plans are not listed.
    const overview = await delegate.get(`/api/v1/processes/${ctx().demo.processId}`);
    expect(overview.statusCode).toBe(200);
    expect(overview.body).not.toContain(content.title);
    // Creating plans is a mediator's job.
    const create = await delegate.post(`/api/v1/processes/${ctx().demo.processId}/plans`, { title: 'Ours' });
    expectProblem(create, 403, 'auth.forbidden');
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
