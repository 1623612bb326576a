import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { generate } from 'otplib';
import { beforeAll, expect, it, vi } from 'vitest';
import { createUser } from '../../src/services/access/create-user.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { expectProblem, tokenClient } from '../support/factories.ts';
import { type TestApp, useTestApp } from '../support/test-app.ts';

const PASSWORD = 'two factors are better than one';

beforeAll(() => {
  // The sealing key for TOTP secrets; without it the server would make a key file under ./data.
  vi.stubEnv('ENTENTE_SECRET', 'a test key for sealing two-factor secrets');
});

/** The code an authenticator app shows `steps` 30-second steps from now. */
function codeAt(secret: string, steps = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });
}

/** Waits, if need be, until at least `seconds` remain in the current 30-second step. */
async function roomInStep(seconds: number): Promise<void> {
  const left = 30 - ((Date.now() / 1000) % 30);
  if (left < seconds) await new Promise((r) => setTimeout(r, left * 1000 + 200));
}

let n = 0;

/** A fresh account, signed in from its own address; `send` carries its cookie and the CSRF header. */
async function account(ctx: TestApp) {
  n += 1;
  const email = `totp${n}@example.org`;
  const ip = `192.0.2.${n}`;
  await createUser(ctx.database, { email, name: `Totp ${n}`, password: PASSWORD, isAdmin: false });
  const signIn = (payload: Record<string, unknown>) =>
    ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email, password: PASSWORD, ...payload },
      remoteAddress: ip,
    });
  const first = await signIn({});
  expect(first.statusCode, first.body).toBe(200);
  const cookie = first.cookies.find((c) => c.name === 'entente_session')!.value;
  const send = (o: InjectOptions): Promise<LightMyRequestResponse> =>
    ctx.app.inject({
      ...o,
      remoteAddress: ip,
      headers: { cookie: `entente_session=${cookie}`, 'x-entente-csrf': '1', ...(o.headers ?? {}) },
    });
  const post = (url: string, payload: Record<string, unknown>) => send({ method: 'POST', url, payload });
  return { email, ip, signIn, send, post };
}

/** Sets up two-factor sign-in, confirming with the code of `confirmStep`; returns the secret. */
async function enrol(ctx: TestApp, a: Awaited<ReturnType<typeof account>>, confirmStep = 0) {
  const setup = await a.post('/api/v1/me/two-factor/setup', { password: PASSWORD });
  expect(setup.statusCode, setup.body).toBe(200);
  const { secret } = setup.json() as { secret: string };
  const confirmed = await a.post('/api/v1/me/two-factor/confirm', {
    code: await codeAt(secret, confirmStep),
  });
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  expect(confirmed.json()).toMatchObject({ enabled: true, pending: false });
  void ctx;
  return secret;
}

describeEachDatabase('two-factor sign-in (TOTP)', (dialect) => {
  const ctx = useTestApp(dialect);

  it('sets up with a QR code and an otpauth URI, pending until a valid code confirms it', async () => {
    const a = await account(ctx());
    expect((await a.send({ method: 'GET', url: '/api/v1/me/two-factor' })).json()).toEqual({
      enabled: false,
      enabledAt: null,
      pending: false,
    });
    const wrongPassword = await a.post('/api/v1/me/two-factor/setup', { password: 'not my password at all' });
    expect(expectProblem(wrongPassword, 400, 'validation.failed').errors).toEqual([
      { field: 'password', reason: 'is not your current password' },
    ]);
    const setup = await a.post('/api/v1/me/two-factor/setup', { password: PASSWORD });
    expect(setup.statusCode, setup.body).toBe(200);
    expect(setup.headers['cache-control']).toBe('no-store');
    const { secret, uri, qrSvg } = setup.json() as { secret: string; uri: string; qrSvg: string };
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(uri).toBe(`otpauth://totp/Entente:${encodeURIComponent(a.email)}?secret=${secret}&issuer=Entente`);
    expect(qrSvg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 \d+ \d+">/);
    expect(qrSvg).not.toMatch(/<script|on\w+=/i);
    expect((await a.send({ method: 'GET', url: '/api/v1/me/two-factor' })).json()).toMatchObject({
      pending: true,
    });
    // Pending: sign-in does not ask for a code yet.
    expect((await a.signIn({})).statusCode).toBe(200);

    // The secret is stored sealed: reading the database alone does not give it away.
    const row = await ctx()
      .database.db.selectFrom('users')
      .select(['totp_secret', 'totp_enabled_at'])
      .where('email', '=', a.email)
      .executeTakeFirstOrThrow();
    expect(row.totp_secret).toMatch(/^v1\./);
    expect(row.totp_secret).not.toContain(secret);
    expect(row.totp_enabled_at).toBeNull();

    const wrong = await a.post('/api/v1/me/two-factor/confirm', { code: '000000' });
    expect(expectProblem(wrong, 400, 'validation.failed').errors?.[0]?.field).toBe('code');
    const malformed = await a.post('/api/v1/me/two-factor/confirm', { code: '12ab56' });
    expect(expectProblem(malformed, 400, 'validation.failed').errors?.[0]).toEqual({
      field: 'body.code',
      reason: 'must be the 6-digit code from your authenticator app',
    });
    const ok = await a.post('/api/v1/me/two-factor/confirm', { code: await codeAt(secret) });
    expect(ok.statusCode, ok.body).toBe(200);
    const status = (await a.send({ method: 'GET', url: '/api/v1/me/two-factor' })).json();
    expect(status).toMatchObject({ enabled: true, pending: false });
    expect(Date.parse(status.enabledAt)).toBeGreaterThan(Date.now() - 60_000);
    // Once on, a second setup is refused rather than silently replacing the phone.
    expectProblem(await a.post('/api/v1/me/two-factor/setup', { password: PASSWORD }), 409, 'conflict');
  });

  it('asks for the code at sign-in, allows one step of clock drift, and never takes a code twice', async () => {
    const a = await account(ctx());
    await roomInStep(15);
    // Confirmed with the previous step's code: a phone 30 s behind is accepted.
    const secret = await enrol(ctx(), a, -1);

    const noCode = await a.signIn({});
    const problem = expectProblem(noCode, 401, 'auth.totp_required');
    expect(problem.detail).toBe('enter the 6-digit code from your authenticator app');
    expect(problem.errors).toEqual([{ field: 'code', reason: 'is required for this account' }]);
    expect(noCode.cookies).toEqual([]);

    // The confirming code is used up, and so is every older one.
    expectProblem(await a.signIn({ code: await codeAt(secret, -1) }), 401, 'auth.totp_invalid');
    const now = await codeAt(secret, 0);
    const ok = await a.signIn({ code: now });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.cookies.find((c) => c.name === 'entente_session')).toBeDefined();
    // Replaying the same code, even right away, fails.
    const replay = expectProblem(await a.signIn({ code: now }), 401, 'auth.totp_invalid');
    expect(replay.detail).toContain('already used');
    // A phone 30 s ahead is accepted; two steps ahead is not.
    expectProblem(await a.signIn({ code: await codeAt(secret, 2) }), 401, 'auth.totp_invalid');
    expect((await a.signIn({ code: await codeAt(secret, 1) })).statusCode).toBe(200);
    // Five digits is not a code at all: refused as bad input, before any check.
    expectProblem(await a.signIn({ code: '123 45' }), 400, 'validation.failed');

    const failures = await ctx()
      .database.db.selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'auth.sign_in_failed')
      .where('detail', 'like', `%${a.email}%`)
      .execute();
    expect(failures.map((f) => JSON.parse(f.detail).reason)).toEqual(['code', 'code', 'code']);
  });

  it('counts wrong codes as failed sign-ins, up to the lockout', async () => {
    const a = await account(ctx());
    await enrol(ctx(), a);
    for (let i = 0; i < 4; i++) expectProblem(await a.signIn({ code: '000000' }), 401, 'auth.totp_invalid');
    expectProblem(await a.signIn({ code: '000000' }), 429, 'auth.locked');
    // Locked: the right password with no code is not even told a code is needed.
    expectProblem(await a.signIn({}), 429, 'auth.locked');
  });

  it('does not count "code required" answers against the limits', async () => {
    const a = await account(ctx());
    const secret = await enrol(ctx(), a);
    for (let i = 0; i < 8; i++) expectProblem(await a.signIn({}), 401, 'auth.totp_required');
    await roomInStep(5);
    // Typed as the app shows it, "123 456": the space is ignored.
    const code = await codeAt(secret, 1);
    expect((await a.signIn({ code: `${code.slice(0, 3)} ${code.slice(3)}` })).statusCode).toBe(200);
  });

  it('turns off only with the password and a current code', async () => {
    const a = await account(ctx());
    await roomInStep(10);
    const secret = await enrol(ctx(), a, -1);
    const badPassword = await a.post('/api/v1/me/two-factor/disable', {
      password: 'not the password at all',
      code: await codeAt(secret),
    });
    expect(expectProblem(badPassword, 400, 'validation.failed').errors?.[0]?.field).toBe('password');
    const badCode = await a.post('/api/v1/me/two-factor/disable', { password: PASSWORD, code: '000000' });
    expect(expectProblem(badCode, 400, 'validation.failed').errors?.[0]?.field).toBe('code');
    const off = await a.post('/api/v1/me/two-factor/disable', {
      password: PASSWORD,
      code: await codeAt(secret),
    });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toEqual({ enabled: false, enabledAt: null, pending: false });
    expect((await a.signIn({})).statusCode).toBe(200);
    const row = await ctx()
      .database.db.selectFrom('users')
      .select(['totp_secret', 'totp_enabled_at', 'totp_last_step'])
      .where('email', '=', a.email)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ totp_secret: null, totp_enabled_at: null, totp_last_step: null });
    const actions = await ctx()
      .database.db.selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'auth.totp%')
      .where(
        'actor_id',
        '=',
        (
          await ctx()
            .database.db.selectFrom('users')
            .select('id')
            .where('email', '=', a.email)
            .executeTakeFirstOrThrow()
        ).id,
      )
      .orderBy('seq')
      .execute();
    expect(actions.map((r) => r.action)).toEqual([
      'auth.totp_setup_started',
      'auth.totp_enabled',
      'auth.totp_disabled',
    ]);
  });

  it('refuses two-factor changes made with an API token', async () => {
    const token = await tokenClient(ctx(), ctx().demo.mediatorEmail, 'write');
    const res = await token.post('/api/v1/me/two-factor/setup', { password: 'entente-demo' });
    const problem = expectProblem(res, 403, 'auth.forbidden');
    expect(problem.detail).toContain('not with an API token');
  });

  it('does not open a sealed secret moved onto another account', async () => {
    const a = await account(ctx());
    const b = await account(ctx());
    const secret = await enrol(ctx(), a);
    const sealed = await ctx()
      .database.db.selectFrom('users')
      .select(['totp_secret', 'totp_enabled_at'])
      .where('email', '=', a.email)
      .executeTakeFirstOrThrow();
    await ctx().database.db.updateTable('users').set(sealed).where('email', '=', b.email).execute();
    const res = await b.signIn({ code: await codeAt(secret, 1) });
    const problem = expectProblem(res, 500, 'internal');
    expect(problem.detail).toContain('cannot be read with this server');
  });
});
