/**
 * The one error type of Entente. A stable `code` says what went wrong; the HTTP layer maps
 * codes to statuses in exactly one place (src/server/http/problem.ts), the CLI to exit codes.
 */
export type ErrorCode =
  | 'validation.failed'
  | 'auth.required'
  | 'auth.invalid_credentials'
  | 'auth.forbidden'
  | 'auth.locked'
  | 'auth.totp_required'
  | 'auth.totp_invalid'
  | 'not_found'
  | 'plan.not_found'
  | 'version.not_found'
  | 'process.not_found'
  | 'point.not_found'
  | 'area.not_found'
  | 'amendment.not_found'
  | 'comment.not_found'
  | 'meeting.not_found'
  | 'feed.not_found'
  | 'agreement.not_found'
  | 'commitment.not_found'
  | 'event_report.not_found'
  | 'zone.not_found'
  | 'webhook.not_found'
  | 'draft.conflict'
  /** A state change the workflow does not allow (accepting a withdrawn amendment). */
  | 'transition.not_allowed'
  | 'import.failed'
  | 'payload.too_large'
  | 'too_many_requests'
  | 'conflict'
  | 'internal';

/** One field-level problem: `field` is a dotted path into the input ("body.points.3.text"). */
export interface FieldProblem {
  field: string;
  reason: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly problems: FieldProblem[];
  /** Extra members for the problem document (e.g. the current text in a conflict). */
  readonly extra: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    message: string,
    options: { problems?: FieldProblem[]; extra?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.problems = options.problems ?? [];
    this.extra = options.extra ?? {};
  }
}

/** Shorthand for a single-field validation error. */
export function invalid(field: string, reason: string): AppError {
  return new AppError('validation.failed', `${field}: ${reason}`, { problems: [{ field, reason }] });
}
