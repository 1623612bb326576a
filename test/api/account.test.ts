import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { expect, it } from 'vitest';
import { createUser } from '../../src/services/access/create-user.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { bearerClient, expectProblem, tokenClient } from '../support/factories.ts';
import { type TestApp, useTestApp } from '../support/test-app.ts';

const PASSWORD = 'the first pass phrase of mine';
let n = 0;

/** A fresh account; `session()` signs it in once more and returns a client for that session. */
async function account(ctx: TestApp, password = PASSWORD) {
  n += 1;
  const email = `account${n}@example.org`;
  const ip = `203.0.113.${n}`;
  await createUser(ctx.database, { email, name: `Account ${n}`, password, isAdmin: false });
  const session = async (userAgent = `TestBrowser/${n}`, pw = password) => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email, password: pw },
      headers: { 'user-agent': userAgent },
      remoteAddress: ip,
    });
    expect(res.statusCode, res.body).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'entente_session')!.value;
    const send = (o: InjectOptions): Promise<LightMyRequestResponse> =>
      ctx.app.inject({
        ...o,
        remoteAddress: ip,
        headers: {
          cookie: `entente_session=${cookie}`,
          'x-entente-csrf': '1',
          'user-agent': userAgent,
          ...(o.headers ?? {}),
        },
      });
    return {
      cookie,
      send,
      get: (url: string) => send({ method: 'GET', url }),
      post: (url: string, payload?: Record<string, unknown>) =>
        send({ method: 'POST', url, payload: payload ?? {} }),
      del: (url: string) => send({ method: 'DELETE', url }),
    };
  };
  const user = await ctx.database.db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  return { email, ip, userId: user.id, session };
}

describeEachDatabase('account: password, sessions, API tokens, sign-in history', (dialect) => {
  const ctx = useTestApp(dialect);

  it('changes the password only with the current one, and signs the other sessions out', async () => {
    const a = await account(ctx());
    const here = await a.session('Here/1');
    const elsewhere = await a.session('Elsewhere/1');
    const change = (currentPassword: string, newPassword: string) =>
      here.post('/api/v1/me/password', { currentPassword, newPassword });

    const wrong = await change('not my password at all', 'a brand new pass phrase');
    expect(expectProblem(wrong, 400, 'validation.failed').errors).toEqual([
      { field: 'currentPassword', reason: 'is not your current password' },
    ]);
    const short = await change(PASSWORD, 'too short');
    expect(expectProblem(short, 400).errors).toEqual([
      { field: 'body.newPassword', reason: 'must be at least 12 characters long' },
    ]);
    const common = await change(PASSWORD, 'Password1234');
    expect(expectProblem(common, 400).errors?.[0]?.reason).toMatch(/one of the most common passwords/);
    const mine = await change(PASSWORD, `${a.email.split('@')[0]} is my name`);
    expect(expectProblem(mine, 400).errors?.[0]?.reason).toMatch(/must not contain your e-mail address/);
    const same = await change(PASSWORD, PASSWORD);
    expect(expectProblem(same, 400).errors?.[0]).toEqual({
      field: 'newPassword',
      reason: 'must differ from your current password',
    });
    // Nothing was changed by the refusals.
    expect((await elsewhere.get('/api/v1/auth/me')).statusCode).toBe(200);

    const ok = await change(PASSWORD, 'a brand new pass phrase');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ otherSessionsEnded: 1 });
    expect((await here.get('/api/v1/auth/me')).statusCode).toBe(200);
    const ended = expectProblem(await elsewhere.get('/api/v1/auth/me'), 401, 'auth.required');
    expect(ended.detail).toContain('your session was ended');

    const row = await ctx()
      .database.db.selectFrom('users')
      .selectAll()
      .where('id', '=', a.userId)
      .executeTakeFirstOrThrow();
    expect(Date.parse(row.password_changed_at ?? '')).toBeGreaterThan(Date.now() - 60_000);
    expectProblem(
      await ctx().app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email: a.email, password: PASSWORD },
        remoteAddress: a.ip,
      }),
      401,
      'auth.invalid_credentials',
    );
    await a.session('Later/1', 'a brand new pass phrase');
    const audit = await ctx()
      .database.db.selectFrom('audit_log')
      .select(['detail'])
      .where('action', '=', 'auth.password_changed')
      .where('actor_id', '=', a.userId)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.detail).not.toContain('brand new');
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({ otherSessionsEnded: 1, ip: a.ip });
  });

  it('lists my open sessions with the current one marked, and ends one of them', async () => {
    const a = await account(ctx());
    const one = await a.session('Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0');
    const two = await a.session('Mozilla/5.0 (Macintosh) Safari/605.1.15');
    const list = await one.get('/api/v1/me/sessions');
    expect(list.statusCode, list.body).toBe(200);
    const items = list.json().items as {
      id: string;
      current: boolean;
      userAgent: string;
      expiresAt: string;
    }[];
    expect(items).toHaveLength(2);
    expect(items.filter((s) => s.current)).toHaveLength(1);
    const mine = items.find((s) => s.current)!;
    const other = items.find((s) => !s.current)!;
    expect(mine.userAgent).toContain('Firefox');
    expect(other.userAgent).toContain('Safari');
    expect(Date.parse(mine.expiresAt)).toBeLessThanOrEqual(Date.now() + 31 * 60_000);
    // The list never holds a cookie value.
    expect(list.body).not.toContain(one.cookie);
    expect(list.body).not.toContain(two.cookie);

    expect((await one.del(`/api/v1/me/sessions/${other.id}`)).statusCode).toBe(204);
    expectProblem(await two.get('/api/v1/auth/me'), 401, 'auth.required');
    expectProblem(await one.del(`/api/v1/me/sessions/${other.id}`), 404, 'not_found');
    expectProblem(await one.del(`/api/v1/me/sessions/${'0'.repeat(64)}`), 404, 'not_found');
    expectProblem(await one.del('/api/v1/me/sessions/../../processes'), 404);
    expect(problemField(await one.del('/api/v1/me/sessions/not-a-session'))).toBe('params.sessionId');
    expect((await one.get('/api/v1/me/sessions')).json().items).toHaveLength(1);

    // Ending the current session signs this browser out too.
    const self = await one.del(`/api/v1/me/sessions/${mine.id}`);
    expect(self.statusCode).toBe(204);
    expect(self.cookies.find((c) => c.name === 'entente_session')?.value ?? '').toBe('');
    expectProblem(await one.get('/api/v1/auth/me'), 401, 'auth.required');
  });

  it("cannot end another user's session", async () => {
    const a = await account(ctx());
    const b = await account(ctx());
    const sa = await a.session();
    const sb = await b.session();
    const bId = ((await sb.get('/api/v1/me/sessions')).json().items as { id: string }[])[0]!.id;
    const res = await sa.del(`/api/v1/me/sessions/${bId}`);
    expectProblem(res, 404, 'not_found');
    expect((await sb.get('/api/v1/auth/me')).statusCode).toBe(200);
  });

  it('signs out everywhere, this session included, and keeps API tokens', async () => {
    const a = await account(ctx());
    const sessions = [await a.session(), await a.session(), await a.session()];
    const token = await tokenClient(ctx(), a.email, 'read');
    const res = await sessions[0]!.post('/api/v1/auth/sign-out-everywhere');
    expect(res.statusCode, res.body).toBe(204);
    expect(res.cookies.find((c) => c.name === 'entente_session')?.value ?? '').toBe('');
    for (const s of sessions) expectProblem(await s.get('/api/v1/auth/me'), 401, 'auth.required');
    expect((await token.get('/api/v1/auth/me')).statusCode).toBe(200);
    const audit = await ctx()
      .database.db.selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'auth.sign_out_everywhere')
      .where('actor_id', '=', a.userId)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail)).toEqual({ sessionsEnded: 3 });
  });

  it('creates read-only and read-write API tokens shown once, lists and revokes them', async () => {
    const a = await account(ctx());
    const s = await a.session();
    const created = await s.post('/api/v1/me/tokens', { name: 'nightly export' });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.headers['cache-control']).toBe('no-store');
    const { token, secret } = created.json() as { token: { id: string; scope: string }; secret: string };
    expect(token).toMatchObject({ name: 'nightly export', scope: 'read', lastUsedAt: null });
    expect(secret).toMatch(/^ent_[A-Za-z0-9_-]{43}$/);

    const bearer = bearerClient(ctx(), secret);
    expect((await bearer.get('/api/v1/auth/me')).json()).toMatchObject({ via: 'token', canWrite: false });
    expectProblem(await bearer.post('/api/v1/processes', { title: 'Scripted' }), 403, 'auth.forbidden');
    const writer = await s.post('/api/v1/me/tokens', { name: 'sync', scope: 'write' });
    expect(writer.json().token.scope).toBe('write');
    const writerClient = bearerClient(ctx(), writer.json().secret);
    expect((await writerClient.post('/api/v1/processes', { title: 'Scripted' })).statusCode).toBe(201);

    const list = await s.get('/api/v1/me/tokens');
    const items = list.json().items as { id: string; name: string; lastUsedAt: string | null }[];
    expect(items.map((t) => t.name)).toEqual(['sync', 'nightly export']);
    expect(items.find((t) => t.id === token.id)?.lastUsedAt).not.toBeNull();
    expect(list.body).not.toContain(secret);
    expect(list.body).not.toMatch(/ent_|hash/);

    // A token may read the list, but not mint or revoke tokens.
    expect((await bearer.get('/api/v1/me/tokens')).statusCode).toBe(200);
    expectProblem(await writerClient.post('/api/v1/me/tokens', { name: 'more' }), 403, 'auth.forbidden');
    expectProblem(
      await writerClient.request({ method: 'DELETE', url: `/api/v1/me/tokens/${token.id}` }),
      403,
      'auth.forbidden',
    );

    expect((await s.del(`/api/v1/me/tokens/${token.id}`)).statusCode).toBe(204);
    const refused = expectProblem(await bearer.get('/api/v1/auth/me'), 401, 'auth.required');
    expect(refused.detail).toContain('has been revoked');
    expectProblem(await s.del(`/api/v1/me/tokens/${token.id}`), 404, 'not_found');
    expect(((await s.get('/api/v1/me/tokens')).json().items as unknown[]).length).toBe(1);

    const bad = await s.post('/api/v1/me/tokens', { name: ' ', scope: 'admin' });
    expect(
      expectProblem(bad, 400, 'validation.failed')
        .errors?.map((e) => e.field)
        .sort(),
    ).toEqual(['body.name', 'body.scope']);
  });

  it("cannot revoke another user's token", async () => {
    const a = await account(ctx());
    const b = await account(ctx());
    const sb = await b.session();
    const { token, secret } = (await sb.post('/api/v1/me/tokens', { name: 'b’s' })).json();
    const sa = await a.session();
    expectProblem(await sa.del(`/api/v1/me/tokens/${token.id}`), 404, 'not_found');
    expect((await bearerClient(ctx(), secret).get('/api/v1/auth/me')).statusCode).toBe(200);
  });

  it('shows my own sign-in history, newest first, a page at a time', async () => {
    const a = await account(ctx());
    const b = await account(ctx());
    const wrong = () =>
      ctx().app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email: a.email, password: 'a wrong guess here' },
        headers: { 'user-agent': 'Guesser/1' },
        remoteAddress: '198.51.100.250',
      });
    await wrong();
    await wrong();
    const s = await a.session('Mine/2');
    await (await b.session()).post('/api/v1/auth/sign-out');
    await s.post('/api/v1/me/tokens', { name: 'history token' });

    const first = await s.get('/api/v1/me/sign-ins?limit=3');
    expect(first.statusCode, first.body).toBe(200);
    const page = first.json() as {
      items: {
        seq: number;
        action: string;
        failed: boolean;
        ip: string | null;
        userAgent: string | null;
        reason: string | null;
      }[];
      nextBefore: number | null;
    };
    expect(page.items.map((e) => e.action)).toEqual(['token.create', 'auth.sign_in', 'auth.sign_in_failed']);
    expect(page.items[1]).toMatchObject({ failed: false, ip: a.ip, userAgent: 'Mine/2' });
    expect(page.items[2]).toMatchObject({
      failed: true,
      ip: '198.51.100.250',
      userAgent: 'Guesser/1',
      reason: 'password',
    });
    expect(page.nextBefore).toBe(page.items[2]!.seq);

    const rest = (await s.get(`/api/v1/me/sign-ins?before=${page.nextBefore}`)).json() as typeof page;
    expect(rest.items.map((e) => e.action)).toEqual(['auth.sign_in_failed']);
    expect(rest.nextBefore).toBeNull();
    const seqs = [...page.items, ...rest.items].map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((x, y) => y - x));
    // Nothing of b's: not b's sign-in, not b's sign-out.
    expect(JSON.stringify(rest) + first.body).not.toContain(b.email);
    expect([...page.items, ...rest.items].some((e) => e.action === 'auth.sign_out')).toBe(false);

    expectProblem(await s.get('/api/v1/me/sign-ins?limit=1000'), 400, 'validation.failed');
    expectProblem(await s.get('/api/v1/me/sign-ins?before=abc'), 400, 'validation.failed');
  });
});

function problemField(res: LightMyRequestResponse): string | undefined {
  expect(res.statusCode).toBe(400);
  return (res.json().errors as { field: string }[])[0]?.field;
}
