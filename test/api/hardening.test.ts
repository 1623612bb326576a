import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/demo-process.ts';
import { KEY_FILE, openTotpSecret, sealTotpSecret } from '../../src/services/access/totp-secret-box.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { bearerClient, buildPlan, buildProcess, expectProblem, tokenClient } from '../support/factories.ts';
import { type TestApp, useTestApp } from '../support/test-app.ts';

const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror="alert(2)">',
  '[click me](javascript:alert(3))',
  '<a href="javascript:alert(4)">link</a>',
];

async function refusals(ctx: TestApp, action = 'auth.credential_refused') {
  const rows = await ctx.database.db
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', action)
    .execute();
  return rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }));
}

async function signInFrom(ctx: TestApp, email: string, ip: string) {
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { email, password: DEMO_PASSWORD },
    remoteAddress: ip,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.cookies.find((c) => c.name === 'entente_session')!.value;
}

describeEachDatabase('hardening against bad credentials and hostile input', (dialect) => {
  const ctx = useTestApp(dialect);

  it('refuses forged, expired, idle and revoked session cookies with 401 saying which', async () => {
    const me = (cookie: string, ip: string) =>
      ctx().app.inject({
        method: 'GET',
        url: '/api/v1/auth/me',
        headers: { cookie: `entente_session=${cookie}` },
        remoteAddress: ip,
      });
    const forged = expectProblem(await me('forged-cookie-value', '192.0.2.10'), 401, 'auth.required');
    expect(forged.detail).toBe('the session cookie is not valid; sign in again');

    const expired = await signInFrom(ctx(), 'legal@veloria.example', '192.0.2.11');
    const idle = await signInFrom(ctx(), 'legal@veloria.example', '192.0.2.11');
    const db = ctx().database.db;
    const { sha256 } = await import('../../src/services/access/sessions.ts');
    const past = new Date(Date.now() - 60_000).toISOString();
    await db.updateTable('sessions').set({ expires_at: past }).where('id', '=', sha256(expired)).execute();
    const longAgo = new Date(Date.now() - 31 * 60_000).toISOString();
    await db.updateTable('sessions').set({ last_seen_at: longAgo }).where('id', '=', sha256(idle)).execute();
    expect(expectProblem(await me(expired, '192.0.2.12'), 401, 'auth.required').detail).toContain(
      'has expired',
    );
    expect(expectProblem(await me(idle, '192.0.2.13'), 401, 'auth.required').detail).toContain(
      'after 30 minutes without use',
    );

    const user = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'legal@veloria.example')
      .executeTakeFirstOrThrow();
    const logged = await refusals(ctx());
    expect(logged.find((r) => r.detail.ip === '192.0.2.10')).toMatchObject({
      actor_id: null,
      detail: { credential: 'session', reason: 'unknown', request: 'GET /api/v1/auth/me' },
    });
    expect(logged.find((r) => r.detail.ip === '192.0.2.12')).toMatchObject({
      actor_id: user.id,
      detail: { reason: 'expired' },
    });
    expect(logged.find((r) => r.detail.ip === '192.0.2.13')?.detail.reason).toBe('idle');
  });

  it('refuses forged and revoked API tokens, logging a flood once a minute per address', async () => {
    const before = (await refusals(ctx())).length;
    const forged = bearerClient(ctx(), 'ent_forged_token_value');
    const flood = await Promise.all(
      Array.from({ length: 40 }, () =>
        forged.request({ method: 'GET', url: '/api/v1/processes', remoteAddress: '198.51.100.66' }),
      ),
    );
    for (const res of flood) {
      const problem = expectProblem(res, 401, 'auth.required');
      expect(problem.detail).toBe('the API token is not valid');
    }
    const after = await refusals(ctx());
    const fromFlood = after.filter((r) => r.detail.ip === '198.51.100.66');
    expect(fromFlood).toHaveLength(1);
    expect(after.length - before).toBe(1);
    // The counter behind it is one row, not one per request.
    const counters = await ctx()
      .database.db.selectFrom('sign_in_throttle')
      .selectAll()
      .where('key', 'like', 'refused:token:198.51.100.66')
      .execute();
    expect(counters).toEqual([expect.objectContaining({ failures: 40 })]);

    // A revoked token says so, and the refusal is logged against its owner (in their own history).
    const token = await tokenClient(ctx(), 'lead@karst.example', 'read');
    const owner = await ctx().signIn('lead@karst.example');
    const id = ((await owner.get('/api/v1/me/tokens')).json().items as { id: string }[])[0]!.id;
    expect((await owner.request({ method: 'DELETE', url: `/api/v1/me/tokens/${id}` })).statusCode).toBe(204);
    const revoked = await token.request({
      method: 'GET',
      url: '/api/v1/processes',
      remoteAddress: '198.51.100.67',
    });
    expect(expectProblem(revoked, 401, 'auth.required').detail).toContain('has been revoked');
    const history = (await owner.get('/api/v1/me/sign-ins')).json().items as {
      action: string;
      reason: string;
    }[];
    expect(history[0]).toMatchObject({ action: 'auth.credential_refused', reason: 'revoked' });
  });

  it('refuses and logs a cross-site write: a cookie without the CSRF header', async () => {
    const cookie = await signInFrom(ctx(), 'military@karst.example', '192.0.2.30');
    const res = await ctx().app.inject({
      method: 'POST',
      url: '/api/v1/processes',
      headers: { cookie: `entente_session=${cookie}`, origin: 'https://evil.example' },
      payload: { title: 'Planted' },
      remoteAddress: '192.0.2.31',
    });
    expectProblem(res, 403, 'auth.forbidden');
    const logged = (await refusals(ctx(), 'auth.csrf_refused')).find((r) => r.detail.ip === '192.0.2.31');
    expect(logged?.detail).toMatchObject({ credential: 'csrf', request: 'POST /api/v1/processes' });
    expect(logged?.actor_id).not.toBeNull();
  });

  it('sends a CSP without inline or eval scripts, and the other security headers', async () => {
    const res = await ctx().app.inject({ method: 'GET', url: '/api/health' });
    const csp = String(res.headers['content-security-policy']);
    const directives = new Map(
      csp.split(';').map((d) => {
        const [name = '', ...values] = d.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    // The TOTP QR code is shown as a data: image.
    expect(directives.get('img-src')).toContain('data:');
    expect(csp).not.toMatch(/unsafe-eval/);
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    });
    expect(res.headers['strict-transport-security']).toBeUndefined();
    const https = await ctx().app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(https.headers['strict-transport-security']).toBe('max-age=31536000');
    // Problem documents carry them too.
    const missing = await ctx().app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(missing.headers['content-security-policy']).toBe(csp);
  });

  it('refuses oversized uploads with 413 problem documents, on sign-in and on imports', async () => {
    const signIn = await ctx().app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'x@example.org', password: 'p'.repeat(2 * 1024 * 1024) },
    });
    expectProblem(signIn, 413, 'payload.too_large');
    const client = await ctx().signIn(ctx().demo.mediatorEmail);
    const huge = Buffer.alloc(29 * 1024 * 1024, 'A').toString();
    const docx = await client.post(`/api/v1/processes/${ctx().demo.processId}/plans/import`, {
      format: 'docx',
      contentBase64: huge,
    });
    const problem = expectProblem(docx, 413, 'payload.too_large');
    expect(problem.errors).toEqual([{ field: 'body', reason: 'is too large' }]);
    // A long password below the body limit is refused by its rule, naming the field.
    const long = await ctx().app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'x@example.org', password: 'p'.repeat(201) },
    });
    expect(expectProblem(long, 400, 'validation.failed').errors?.[0]?.field).toBe('body.password');
  });

  it('keeps path separators and dot segments out of download file names', async () => {
    const client = await ctx().signIn(ctx().demo.mediatorEmail);
    const process = await buildProcess(client);
    for (const title of ['../../etc/passwd', '..\\..\\Windows\\win.ini', '/abs/olute', 'Плán/../..']) {
      const { plan } = await buildPlan(client, process.id, undefined, title);
      for (const format of ['md', 'pdf'] as const) {
        const res = await client.get(`/api/v1/plans/${plan.id}/export?format=${format}`);
        expect(res.statusCode).toBe(200);
        const header = String(res.headers['content-disposition']);
        const names = [/filename="([^"]*)"/.exec(header)?.[1] ?? ''];
        const star = /filename\*=UTF-8''(.+)$/.exec(header)?.[1];
        if (star) names.push(decodeURIComponent(star));
        for (const name of names) {
          expect(name, header).not.toMatch(/[/\\]|\.\.|^\./);
          expect(name.endsWith(`.${format}`)).toBe(true);
        }
      }
    }
  });

  it('stores script in text fields as text and exports it inert in every format', async () => {
    const client = await ctx().signIn(ctx().demo.mediatorEmail);
    const process = await buildProcess(client);
    const text = `# ${HOSTILE[0]}\n\n${HOSTILE.map((h, i) => `${i + 1}. Point ${h} ends here.`).join('\n\n')}\n`;
    const { plan, content } = await buildPlan(client, process.id, text);
    // Kept verbatim as data: escaping is the renderer's job, and the web renders text, never HTML.
    expect(content.points.map((p) => p.text)).toEqual(HOSTILE.map((h) => `Point ${h} ends here.`));

    const docx = await client.request({ method: 'GET', url: `/api/v1/plans/${plan.id}/export?format=docx` });
    expect(docx.statusCode).toBe(200);
    const zip = await JSZip.loadAsync(docx.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    // Only as escaped text inside <w:t>: no element, no hyperlink, no field code that could act.
    expect(xml).not.toMatch(/<script|<img|<a |<w:hyperlink|<w:fldSimple|<w:instrText/);
    for (const name of Object.keys(zip.files)) {
      if (!name.endsWith('.rels')) continue;
      expect(await zip.file(name)!.async('string')).not.toMatch(/javascript:|TargetMode="External"/);
    }

    const pdf = await client.request({ method: 'GET', url: `/api/v1/plans/${plan.id}/export?format=pdf` });
    expect(pdf.statusCode).toBe(200);
    const raw = pdf.rawPayload.toString('latin1');
    expect(raw.startsWith('%PDF-')).toBe(true);
    // No script, no link annotation, no action: the text is only drawn.
    expect(raw).not.toMatch(/\/JavaScript|\/JS\b|\/URI|\/Launch|\/OpenAction|\/AA\b/);

    const md = await client.get(`/api/v1/plans/${plan.id}/export?format=md`);
    expect(md.headers['content-type']).toContain('text/markdown');
    expect(md.headers['content-disposition']).toMatch(/^attachment;/);
    expect(md.headers['x-content-type-options']).toBe('nosniff');
    expect(md.headers['content-security-policy']).toContain("script-src 'self'");
  });
});

it('seals TOTP secrets with a key file made owner-only in the data directory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'entente-key-'));
  const env = { ENTENTE_DATA_DIR: dir };
  const sealed = sealTotpSecret('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', 'usr_1', env);
  expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
  expect(statSync(join(dir, KEY_FILE)).mode & 0o777).toBe(0o600);
  expect(openTotpSecret(sealed, 'usr_1', env)).toBe('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');
  // Not with another account bound in, nor with another instance's key.
  expect(() => openTotpSecret(sealed, 'usr_2', env)).toThrow(/cannot be read/);
  expect(() =>
    openTotpSecret(sealed, 'usr_1', { ENTENTE_DATA_DIR: mkdtempSync(join(tmpdir(), 'entente-key-')) }),
  ).toThrow(/cannot be read/);
  expect(() => openTotpSecret(sealed, 'usr_1', { ENTENTE_SECRET: 'a different sixteen+ char key' })).toThrow(
    /cannot be read/,
  );
  expect(() => sealTotpSecret('X', 'usr_1', { ENTENTE_SECRET: 'short' })).toThrow(/at least 16 characters/);
});
