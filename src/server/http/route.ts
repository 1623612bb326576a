import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodType, z } from 'zod';
import type { ProcessAction } from '../../domain/access/policies.ts';
import { AppError, type FieldProblem } from '../../domain/shared/app-error.ts';
import type { Actor } from '../../services/access/sessions.ts';
import type { Database } from '../../store/database.ts';
import type { LiveStreams } from './live-streams.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface HandlerContext<P, Q, B> {
  actor: Actor;
  params: P;
  query: Q;
  body: B;
  database: Database;
  /** This instance's live-update streams (the events route opens them; services publish instead). */
  live: LiveStreams;
  request: FastifyRequest;
  reply: FastifyReply;
}

/**
 * One API route: its schemas validate the request, type the handler and document the OpenAPI
 * spec. The route table (routes/index.ts) is also what the authorization tests walk.
 */
export interface RouteDef<P = unknown, Q = unknown, B = unknown> {
  method: Method;
  path: string;
  summary: string;
  tag: string;
  /** `public` routes (sign-in, health) need no credentials; all others do. */
  access: 'public' | 'user';
  /**
   * The policy action that guards a route scoped to a process or plan (src/domain/access/policies.ts);
   * the authorization matrix test walks the route table and fails for a scoped route without one.
   * Routes whose answer depends on the reader (a list) name the action that admits them at all and
   * filter the rest by the finer actions.
   */
  policy?: ProcessAction;
  params?: ZodType<P>;
  query?: ZodType<Q>;
  body?: ZodType<B>;
  /** Status on success; 200 unless set. */
  status?: number;
  /**
   * Top-level body fields that carry file content the handler reads and checks itself (an import's
   * text): NUL characters there are reported by the importer as a located problem, not refused here.
   */
  opaqueBodyFields?: readonly string[];
  /** Largest accepted body in bytes (default 1 MiB). */
  bodyLimit?: number;
  /**
   * Take a text/csv body as a stream instead of parsing it (a CSV import): the handler gets a
   * Readable of at most `limit` bytes and reads it as it arrives (see http/stream-body.ts).
   */
  streamBody?: { limit: number };
  /** What a success returns, for the documentation. */
  responseDescription?: string;
  handler(ctx: HandlerContext<P, Q, B>): Promise<unknown>;
}

/** Declares a route with inferred types. */
export function defineRoute<P = Record<string, never>, Q = Record<string, never>, B = undefined>(
  def: RouteDef<P, Q, B>,
): RouteDef<P, Q, B> {
  return def;
}

/** Parses one part of a request, turning zod issues into field problems ("body.title: is required"). */
export function parsePart<T>(
  schema: ZodType<T> | undefined,
  value: unknown,
  part: string,
  opaque: readonly string[] = [],
): T {
  if (!schema) return (value ?? {}) as T;
  // reportInput: without it zod leaves `input` off every issue and a wrong type read as "is required".
  const result = schema.safeParse(value ?? (part === 'body' ? undefined : {}), { reportInput: true });
  if (!result.success) throw validationError(result.error, part);
  // Walk what the schema let through (bounded by its shape), not the raw input, which may nest deeply.
  const nul = pathWithNul(result.data, [part], opaque);
  if (nul !== null) {
    const field = nul.join('.');
    throw new AppError('validation.failed', `invalid request: ${field} must not contain control characters`, {
      problems: [{ field, reason: 'must not contain control characters' }],
    });
  }
  return result.data;
}

/** Field problems from a zod error, each with a dotted path under `prefix`. */
export function validationError(error: z.ZodError, prefix: string): AppError {
  const problems: FieldProblem[] = [];
  for (const issue of error.issues) {
    const base = [prefix, ...issue.path.map(String)].join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        problems.push({ field: `${base}.${key}`, reason: 'is not a known field' });
    } else if (issue.code === 'invalid_type' && issue.input === undefined) {
      problems.push({ field: base, reason: 'is required' });
    } else {
      problems.push({ field: base, reason: issue.message });
    }
  }
  const summary = problems
    .slice(0, 3)
    .map((p) => `${p.field} ${p.reason}`)
    .join('; ');
  return new AppError('validation.failed', `invalid request: ${summary}${problems.length > 3 ? '; …' : ''}`, {
    problems,
  });
}

/**
 * NUL, the other C0 controls but tab and line breaks, and the noncharacters U+FFFE/U+FFFF: none
 * belongs in a plan, and they break storage (NUL on PostgreSQL) or exports (XML in Word files).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const FORBIDDEN_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

/**
 * The path of the first string holding a forbidden character, or null. PostgreSQL cannot store NUL in
 * text (the write failed with a 500) while SQLite can; refusing it at the edge keeps both alike.
 */
function pathWithNul(value: unknown, path: string[], opaque: readonly string[]): string[] | null {
  if (typeof value === 'string') return FORBIDDEN_CHARACTERS.test(value) ? path : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, child] of Object.entries(value)) {
    if (FORBIDDEN_CHARACTERS.test(key)) return [...path, key];
    if (path.length === 1 && opaque.includes(key)) continue;
    const found = pathWithNul(child, [...path, key], []);
    if (found !== null) return found;
  }
  return null;
}
