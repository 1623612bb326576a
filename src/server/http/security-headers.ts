import type { FastifyReply } from 'fastify';

// Scripts only from our own origin: no inline script, no eval. Inline styles are allowed because
// the API docs page (Swagger UI) sets them; they cannot run code.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers sent with every response. */
export function applySecurityHeaders(reply: FastifyReply): void {
  reply.header('content-security-policy', CSP);
  reply.header('x-content-type-options', 'nosniff');
  reply.header('referrer-policy', 'no-referrer');
  reply.header('x-frame-options', 'DENY');
  reply.header('cross-origin-opener-policy', 'same-origin');
  reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=()');
  const request = reply.request;
  // Over https, browsers are told to keep to https for a year (ASVS 14.4.5).
  if (request.protocol === 'https' || request.headers['x-forwarded-proto'] === 'https')
    reply.header('strict-transport-security', 'max-age=31536000');
  // API answers hold confidential text and account data: no shared or disk cache keeps them (ASVS 8.2.1).
  if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control'))
    reply.header('cache-control', 'no-store');
}
