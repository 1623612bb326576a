import type { LightMyRequestResponse } from 'fastify';
import { expect, it } from 'vitest';
import { createUser } from '../../src/services/access/create-user.ts';
import { THROTTLE } from '../../src/services/access/sign-in-throttle.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { expectProblem } from '../support/factories.ts';
import { type TestApp, useTestApp } from '../support/test-app.ts';

const PASSWORD = 'a sturdy test pass phrase';
let n = 0;
/** A fresh account and a fresh client address per test, so that no test inherits another's counts. */
async function fixture(ctx: TestApp) {
  n += 1;
  const email = `throttle${n}@example.org`;
  await createUser(ctx.database, { email, name: `Throttle ${n}`, password: PASSWORD, isAdmin: false });
  return { email, ip: `198.51.100.${n}` };
}

function attempt(ctx: TestApp, email: string, password: string, ip: string): Promise<LightMyRequestResponse> {
  return ctx.app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { email, password },
    remoteAddress: ip,
  });
}

async function auditActions(ctx: TestApp, action: string) {
  return ctx.database.db.selectFrom('audit_log').selectAll().where('action', '=', action).execute();
}

describeEachDatabase('sign-in throttling', (dialect) => {
  const ctx = useTestApp(dialect);

  it('locks an account for 15 minutes after 5 failures, with 429, Retry-After and when to retry', async () => {
    const { email, ip } = await fixture(ctx());
    for (let i = 1; i < THROTTLE.email.limit; i++)
      expectProblem(await attempt(ctx(), email, 'wrong password', ip), 401, 'auth.invalid_credentials');
    const fifth = await attempt(ctx(), email, 'wrong password', ip);
    const locked = expectProblem(fifth, 429, 'auth.locked');
    expect(locked.detail).toMatch(
      /too many failed sign-ins for this account; try again in 15 minutes \(after \d\d:\d\d UTC\)/,
    );
    expect(Number(fifth.headers['retry-after'])).toBeGreaterThan(14 * 60);
    expect(Number(fifth.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
    expect(locked.retryAfter).toBe(Number(fifth.headers['retry-after']));
    expect(Date.parse(String(locked.lockedUntil))).toBeGreaterThan(Date.now() + 14 * 60_000);
    // Now even the right password is refused, without a cookie.
    const right = await attempt(ctx(), email, PASSWORD, ip);
    expectProblem(right, 429, 'auth.locked');
    expect(right.cookies).toEqual([]);
    // From another address too: the lock is on the account.
    expectProblem(await attempt(ctx(), email, PASSWORD, '192.0.2.200'), 429, 'auth.locked');
  });

  it('answers a locked unknown e-mail exactly like a locked account', async () => {
    const { email, ip } = await fixture(ctx());
    const ghost = `ghost${n}@example.org`;
    const last = async (who: string) => {
      let res: LightMyRequestResponse | undefined;
      for (let i = 0; i < THROTTLE.email.limit + 1; i++)
        res = await attempt(ctx(), who, 'wrong password', ip);
      return res!;
    };
    const real = await last(email);
    const unknown = await last(ghost);
    const strip = (res: LightMyRequestResponse) => {
      const { lockedUntil: _t, retryAfter: _r, ...rest } = res.json() as Record<string, unknown>;
      return { ...rest, detail: String(rest.detail).replace(/\d\d:\d\d/, 'HH:MM') };
    };
    expect(real.statusCode).toBe(429);
    expect(unknown.statusCode).toBe(429);
    expect(strip(unknown)).toEqual(strip(real));
  });

  it('logs each lockout once in the audit log, against the account', async () => {
    const { email, ip } = await fixture(ctx());
    const user = await ctx()
      .database.db.selectFrom('users')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    for (let i = 0; i < THROTTLE.email.limit + 3; i++) await attempt(ctx(), email, 'wrong password', ip);
    const locks = (await auditActions(ctx(), 'auth.locked')).filter((r) => r.actor_id === user.id);
    expect(locks).toHaveLength(1);
    expect(JSON.parse(locks[0]!.detail)).toMatchObject({
      key: `email:${email}`,
      failures: THROTTLE.email.limit,
    });
    const failures = (await auditActions(ctx(), 'auth.sign_in_failed')).filter((r) => r.actor_id === user.id);
    // Attempts refused while locked are not password checks: only the five are failures.
    expect(failures).toHaveLength(THROTTLE.email.limit);
    expect(JSON.parse(failures[0]!.detail)).toMatchObject({ email, reason: 'password', ip });
  });

  it('lets the account in again once the lock has run out', async () => {
    const { email, ip } = await fixture(ctx());
    for (let i = 0; i < THROTTLE.email.limit; i++) await attempt(ctx(), email, 'wrong password', ip);
    expectProblem(await attempt(ctx(), email, PASSWORD, ip), 429, 'auth.locked');
    // Fifteen minutes later (moved back in the database, not waited for).
    const past = new Date(Date.now() - 16 * 60_000).toISOString();
    await ctx()
      .database.db.updateTable('sign_in_throttle')
      .set({ locked_until: past, window_started_at: past })
      .where('key', '=', `email:${email}`)
      .execute();
    const ok = await attempt(ctx(), email, PASSWORD, ip);
    expect(ok.statusCode, ok.body).toBe(200);
    // The success cleared the account's counter.
    const row = await ctx()
      .database.db.selectFrom('sign_in_throttle')
      .selectAll()
      .where('key', '=', `email:${email}`)
      .executeTakeFirst();
    expect(row).toBeUndefined();
  });

  it('forgets earlier failures after a successful sign-in', async () => {
    const { email, ip } = await fixture(ctx());
    for (let i = 0; i < THROTTLE.email.limit - 1; i++) await attempt(ctx(), email, 'wrong password', ip);
    expect((await attempt(ctx(), email, PASSWORD, ip)).statusCode).toBe(200);
    for (let i = 0; i < THROTTLE.email.limit - 1; i++)
      expectProblem(await attempt(ctx(), email, 'wrong password', ip), 401, 'auth.invalid_credentials');
  });

  it('checks at most 5 passwords even when guesses arrive all at once', async () => {
    const { email, ip } = await fixture(ctx());
    const results = await Promise.all(
      Array.from({ length: 15 }, () => attempt(ctx(), email, 'wrong password', ip)),
    );
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(THROTTLE.email.limit - 1);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(15 - THROTTLE.email.limit);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
    const user = await ctx()
      .database.db.selectFrom('users')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    const failures = (await auditActions(ctx(), 'auth.sign_in_failed')).filter((r) => r.actor_id === user.id);
    expect(failures.length).toBeLessThanOrEqual(THROTTLE.email.limit);
    expectProblem(await attempt(ctx(), email, PASSWORD, ip), 429, 'auth.locked');
  });

  // Fifty password checks: a minute allowed on a busy 2-core machine.
  it('locks a client address that tries many accounts, but not other addresses', {
    timeout: 90_000,
  }, async () => {
    const { email } = await fixture(ctx());
    const ip = '203.0.113.77';
    // Different (unknown) e-mails each time, so no account lock is reached: only the address counts.
    const sprayed = await Promise.all(
      Array.from({ length: THROTTLE.ip.limit - 1 }, (_, i) =>
        attempt(ctx(), `spray${i}@example.org`, 'password123', ip),
      ),
    );
    for (const res of sprayed) expectProblem(res, 401, 'auth.invalid_credentials');
    const last = await attempt(ctx(), 'spray-last@example.org', 'password123', ip);
    const problem = expectProblem(last, 429, 'auth.locked');
    expect(problem.detail).toContain('from your network address');
    expectProblem(await attempt(ctx(), email, PASSWORD, ip), 429, 'auth.locked');
    // Someone else, elsewhere, signs in as usual.
    expect((await attempt(ctx(), email, PASSWORD, '203.0.113.78')).statusCode).toBe(200);
    const lock = (await auditActions(ctx(), 'auth.locked')).find((r) => r.detail.includes(`ip:${ip}`));
    expect(lock?.subject_type).toBe('address');
  });

  it('counts an IPv6 client by its /64 network', { timeout: 90_000 }, async () => {
    const { email } = await fixture(ctx());
    await Promise.all(
      Array.from({ length: THROTTLE.ip.limit }, (_, i) =>
        attempt(ctx(), `v6-${i}@example.org`, 'password123', `2001:db8:1:2::${(i + 1).toString(16)}`),
      ),
    );
    expectProblem(await attempt(ctx(), email, PASSWORD, '2001:db8:1:2:ffff::1'), 429, 'auth.locked');
    expect((await attempt(ctx(), email, PASSWORD, '2001:db8:1:3::1')).statusCode).toBe(200);
  });

  it('keeps counting on the database, not in memory: a second app instance sees the lock', async () => {
    const { email, ip } = await fixture(ctx());
    for (let i = 0; i < THROTTLE.email.limit; i++) await attempt(ctx(), email, 'wrong password', ip);
    const { buildApp } = await import('../../src/server/app.ts');
    const second = await buildApp({ database: ctx().database, serveWeb: false });
    try {
      const res = await second.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email, password: PASSWORD },
        remoteAddress: ip,
      });
      expectProblem(res, 429, 'auth.locked');
    } finally {
      await second.close();
    }
  });
});
