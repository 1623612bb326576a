import type { FastifyError, FastifyReply } from 'fastify';
import { AppError, type ErrorCode } from '../../domain/shared/app-error.ts';

/** The one mapping from error codes to HTTP statuses. */
const STATUS: Record<ErrorCode, number> = {
  'validation.failed': 400,
  'auth.required': 401,
  'auth.invalid_credentials': 401,
  'auth.forbidden': 403,
  'auth.locked': 429,
  'auth.totp_required': 401,
  'auth.totp_invalid': 401,
  not_found: 404,
  'plan.not_found': 404,
  'version.not_found': 404,
  'process.not_found': 404,
  'point.not_found': 404,
  'area.not_found': 404,
  'amendment.not_found': 404,
  'comment.not_found': 404,
  'meeting.not_found': 404,
  'feed.not_found': 404,
  'agreement.not_found': 404,
  'commitment.not_found': 404,
  'event_report.not_found': 404,
  'zone.not_found': 404,
  'webhook.not_found': 404,
  'transition.not_allowed': 409,
  conflict: 409,
  'draft.conflict': 409,
  'payload.too_large': 413,
  too_many_requests: 429,
  'import.failed': 422,
  internal: 500,
};

const TITLES: Partial<Record<number, string>> = {
  400: 'Invalid request',
  401: 'Sign-in required',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Conflict',
  413: 'Too large',
  415: 'Unsupported media type',
  422: 'Cannot process',
  429: 'Too many requests',
  500: 'Internal error',
};

/** Converts framework errors (bad JSON, body too large, wrong media type) into our own. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const e = error as FastifyError;
  switch (e?.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError(
        'payload.too_large',
        // Said for every route, so name both limits: most bodies are small, plan imports are files.
        'the request body is too large: requests take at most 1 MiB, plan imports files of up to 20 MB',
        {
          problems: [{ field: 'body', reason: 'is too large' }],
        },
      );
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('validation.failed', 'send the request body as application/json', {
        problems: [{ field: 'body', reason: 'must be application/json' }],
        extra: { status: 415 },
      });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('validation.failed', 'the request body is empty; send a JSON object', {
        problems: [{ field: 'body', reason: 'is empty' }],
      });
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('validation.failed', 'the Content-Length header does not match the body', {
        problems: [{ field: 'body', reason: 'length mismatch' }],
      });
  }
  if (e?.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return new AppError('validation.failed', 'the request body is not valid JSON', {
      problems: [{ field: 'body', reason: 'is not valid JSON' }],
    });
  }
  // Other client errors raised by the framework or its plugins (a bad path to a static file…).
  const status = e?.statusCode ?? 0;
  if (status === 403 || status === 404) return new AppError('not_found', 'no such resource');
  if (status >= 400 && status < 500) {
    return new AppError('validation.failed', 'the request could not be read', {
      problems: [{ field: 'request', reason: 'is malformed' }],
    });
  }
  return new AppError('internal', 'something went wrong on the server; the error was logged');
}

/** Sends an RFC 9457 problem document for any error; internal details never leave the server. */
export function sendProblem(reply: FastifyReply, error: unknown, instance: string): FastifyReply {
  const appError = toAppError(error);
  const status = (appError.extra.status as number | undefined) ?? STATUS[appError.code];
  const { status: _ignored, ...extra } = appError.extra;
  return reply
    .status(status)
    .type('application/problem+json')
    .send({
      type: `urn:entente:problem:${appError.code}`,
      title: TITLES[status] ?? 'Error',
      status,
      detail: appError.message,
      code: appError.code,
      instance,
      ...(appError.problems.length > 0 ? { errors: appError.problems } : {}),
      ...extra,
    });
}

export { STATUS as PROBLEM_STATUS };
