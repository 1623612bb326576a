import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSignatureHeader, signWebhook, verifyWebhook, webhookSignature } from './webhook-signature.ts';

const NOW = 1_767_225_600;
const secret = 'whsec_test';

describe('webhook signatures', () => {
  it('matches a signature computed independently (openssl dgst -sha256 -hmac)', () => {
    expect(webhookSignature(secret, NOW, '{"id":"evt_1"}')).toBe(
      '45b40331de0325606dc5400202ade162460fbe48daf9401adfdcd0d7b4f35470',
    );
    expect(signWebhook(secret, '{"id":"evt_1"}', NOW)).toBe(
      `t=${NOW},v1=45b40331de0325606dc5400202ade162460fbe48daf9401adfdcd0d7b4f35470`,
    );
  });

  it('verifies what it signs, for any body and secret', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }),
        fc.string(),
        fc.integer({ min: 0, max: 2e9 }),
        (key, body, t) => {
          const header = signWebhook(key, body, t);
          expect(verifyWebhook({ secret: key, body, header, nowSeconds: t })).toEqual({
            ok: true,
            timestamp: t,
          });
        },
      ),
    );
  });

  it('refuses a changed body, another secret or a changed timestamp', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1 }), (body, extra) => {
        const header = signWebhook(secret, body, NOW);
        const check = (o: Partial<Parameters<typeof verifyWebhook>[0]>) =>
          verifyWebhook({ secret, body, header, nowSeconds: NOW, ...o });
        expect(check({ body: body + extra })).toEqual({ ok: false, reason: 'mismatch' });
        expect(check({ secret: secret + extra })).toEqual({ ok: false, reason: 'mismatch' });
        expect(check({ header: header.replace(`t=${NOW}`, `t=${NOW + 1}`) })).toEqual({
          ok: false,
          reason: 'mismatch',
        });
      }),
    );
  });

  it('refuses a timestamp outside the tolerance, either way', () => {
    const header = signWebhook(secret, 'x', NOW);
    const at = (nowSeconds: number, toleranceSeconds?: number) =>
      verifyWebhook({ secret, body: 'x', header, nowSeconds, toleranceSeconds }).ok;
    expect(at(NOW + 300)).toBe(true);
    expect(at(NOW - 300)).toBe(true);
    expect(at(NOW + 301)).toBe(false);
    expect(at(NOW - 301)).toBe(false);
    expect(verifyWebhook({ secret, body: 'x', header, nowSeconds: NOW + 301 })).toEqual({
      ok: false,
      reason: 'expired',
    });
    expect(at(NOW + 3600, 3600)).toBe(true);
  });

  it('accepts any one of several v1 signatures (a secret being replaced) and ignores unknown keys', () => {
    const good = webhookSignature(secret, NOW, 'x');
    const other = webhookSignature('whsec_old', NOW, 'x');
    const header = `t=${NOW},v1=${other},v0=abc,v1=${good},v2=zzz`;
    expect(verifyWebhook({ secret, body: 'x', header, nowSeconds: NOW }).ok).toBe(true);
  });

  it('calls malformed headers malformed and never throws', () => {
    for (const header of [
      null,
      undefined,
      '',
      'garbage',
      `v1=${'a'.repeat(64)}`,
      `t=${NOW}`,
      `t=${NOW},v1=nothex`,
      `t=-5,v1=${'a'.repeat(64)}`,
      `t=${NOW},t=${NOW},v1=${'a'.repeat(64)}`,
      `t=${NOW},v1=${'a'.repeat(63)}`,
    ])
      expect(verifyWebhook({ secret, body: 'x', header, nowSeconds: NOW }), String(header)).toEqual({
        ok: false,
        reason: 'malformed',
      });
    fc.assert(
      fc.property(fc.string(), (header) => {
        const check = verifyWebhook({ secret, body: 'x', header, nowSeconds: NOW });
        expect(check.ok).toBe(false);
      }),
    );
  });

  it('reads spaces around keys and values', () => {
    const sig = webhookSignature(secret, NOW, 'x');
    expect(parseSignatureHeader(` t = ${NOW} , v1 = ${sig} `)).toEqual({ timestamp: NOW, signatures: [sig] });
  });
});
