import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signing of outgoing webhooks, in the scheme Stripe and Standard Webhooks use.
 *
 * Every delivery carries the header
 *
 *     Entente-Signature: t=1767225600,v1=45b40331de0325606dc5400202ade162460fbe48daf9401adfdcd0d7b4f35470
 *
 * where `t` is the time of sending in Unix seconds and `v1` the lowercase hex HMAC-SHA256 of the
 * string `${t}.${body}` (the timestamp, a full stop, then the raw request body exactly as received,
 * before any JSON parsing), keyed with the webhook's secret (the whole "whsec_…" string, as UTF-8).
 * The example is the signature of the body `{"id":"evt_1"}` under the secret "whsec_test"; in a shell:
 * `printf '%s' '1767225600.{"id":"evt_1"}' | openssl dgst -sha256 -hmac whsec_test`.
 *
 * To verify, a receiver:
 * 1. splits the header on "," into `key=value` pairs, takes `t` and every `v1` (more than one may
 *    come while a secret is being replaced; any one matching is enough; unknown keys are ignored);
 * 2. computes the HMAC of `${t}.${body}` with its secret and compares it with each `v1` in
 *    constant time (never with `===`, which leaks how many leading characters matched);
 * 3. refuses a `t` further than the tolerance (5 minutes by default) from its own clock, so that a
 *    captured request cannot be replayed later;
 * 4. uses the payload's `id` to ignore a delivery it has already processed: a delivery that timed
 *    out is retried, so the same event may arrive more than once.
 */
export const SIGNATURE_HEADER = 'Entente-Signature';

/** How far a signature's timestamp may be from the receiver's clock, either way. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/** Prefix of webhook secrets, so that one pasted into the wrong place is recognisable. */
export const WEBHOOK_SECRET_PREFIX = 'whsec_';

/** The hex HMAC-SHA256 of `${timestamp}.${body}` under `secret`. */
export function webhookSignature(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
}

/** The `Entente-Signature` header value for `body` sent at `timestamp` (Unix seconds). */
export function signWebhook(secret: string, body: string, timestamp: number): string {
  return `t=${timestamp},v1=${webhookSignature(secret, timestamp, body)}`;
}

export type SignatureCheck =
  | { ok: true; timestamp: number }
  | { ok: false; reason: 'malformed' | 'expired' | 'mismatch' };

export interface VerifyOptions {
  secret: string;
  /** The raw body as received. */
  body: string;
  /** The header value; null or undefined when the header is missing. */
  header: string | null | undefined;
  /** The receiver's clock, Unix seconds. */
  nowSeconds: number;
  toleranceSeconds?: number;
}

const HEX_SHA256 = /^[0-9a-f]{64}$/;

/** Checks a signature header against the body and secret (steps 1–3 above); never throws. */
export function verifyWebhook(options: VerifyOptions): SignatureCheck {
  const parsed = parseSignatureHeader(options.header ?? '');
  if (!parsed) return { ok: false, reason: 'malformed' };
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (Math.abs(options.nowSeconds - parsed.timestamp) > tolerance) return { ok: false, reason: 'expired' };
  const expected = Buffer.from(webhookSignature(options.secret, parsed.timestamp, options.body), 'hex');
  // Every candidate is compared, so the time taken does not tell which one (if any) matched.
  let matched = false;
  for (const candidate of parsed.signatures)
    matched = timingSafeEqual(expected, Buffer.from(candidate, 'hex')) || matched;
  return matched ? { ok: true, timestamp: parsed.timestamp } : { ok: false, reason: 'mismatch' };
}

/** The timestamp and `v1` signatures of a header, or null when it has no usable timestamp or none. */
export function parseSignatureHeader(header: string): { timestamp: number; signatures: string[] } | null {
  if (header.length > 4096) return null;
  let timestamp: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't') {
      if (!/^\d{1,12}$/.test(value) || timestamp !== null) return null;
      timestamp = Number(value);
    } else if (key === 'v1' && HEX_SHA256.test(value)) signatures.push(value);
  }
  return timestamp === null || signatures.length === 0 ? null : { timestamp, signatures };
}
