/** One field-level problem from a problem+json document ("body.text": "too long"). */
export interface FieldError {
  field: string;
  reason: string;
}

/** An RFC 9457 problem document turned into an exception the UI can show. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly errors: FieldError[];
  /** Members beyond the standard ones (e.g. `current` on draft.conflict, `problems` on import.failed). */
  readonly extra: Record<string, unknown>;

  constructor(
    status: number,
    code: string,
    detail: string,
    errors: FieldError[],
    extra: Record<string, unknown>,
  ) {
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.errors = errors;
    this.extra = extra;
  }

  /** The reason the server gave for a field, e.g. "text" or "items.0.text" (request prefixes ignored). */
  fieldReason(field: string): string | undefined {
    return this.errors.find((e) => normaliseField(e.field) === field)?.reason;
  }
}

/** "body.op.items.0.text" and "/op/items/0/text" both become "items.0.text". */
export function normaliseField(field: string): string {
  const parts = field.split(/[./]/).filter((p) => p !== '');
  while (parts.length > 1 && ['body', 'op', 'query', 'params'].includes(parts[0] ?? '')) parts.shift();
  return parts.join('.');
}

const STANDARD = new Set(['type', 'title', 'status', 'detail', 'code', 'errors', 'instance']);

/** Builds an ApiError from a failed response, whatever its body looks like. */
export async function toApiError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // Not JSON (a proxy error page, an empty body): fall back to the status line.
  }
  if (body === null || typeof body !== 'object') {
    return new ApiError(res.status, `http.${res.status}`, messageForStatus(res.status), [], {});
  }
  const doc = body as Record<string, unknown>;
  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(doc)) if (!STANDARD.has(k)) extra[k] = v;
  const errors = Array.isArray(doc.errors)
    ? doc.errors
        .filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null)
        .map((e) => ({ field: String(e.field ?? ''), reason: String(e.reason ?? e.message ?? '') }))
    : [];
  const detail =
    typeof doc.detail === 'string' && doc.detail !== ''
      ? asSentence(doc.detail)
      : typeof doc.title === 'string'
        ? asSentence(doc.title)
        : messageForStatus(res.status);
  const code = typeof doc.code === 'string' ? doc.code : `http.${res.status}`;
  return new ApiError(res.status, code, detail, errors, extra);
}

/** An ApiError for a request that never got an answer. */
export function networkError(): ApiError {
  return new ApiError(
    0,
    'network',
    'The server could not be reached. Check your connection and try again.',
    [],
    {},
  );
}

/** "e-mail or password is not correct" reads as a sentence: "E-mail or password is not correct." */
export function asSentence(message: string): string {
  const text = message.trim();
  if (text === '') return text;
  const first = text.charAt(0).toUpperCase() + text.slice(1);
  return /[\p{L}\p{N})\]”"']$/u.test(first) ? `${first}.` : first;
}

function messageForStatus(status: number): string {
  if (status === 401) return 'You are not signed in.';
  if (status === 403) return 'You do not have access to this.';
  if (status === 404) return 'This was not found. It may have been removed, or you may not have access.';
  if (status >= 500) return 'The server had a problem. Try again in a moment.';
  return `The request failed (HTTP ${status}).`;
}

/** A message for anything caught in a UI handler; never a stack trace. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.detail;
  return 'Something went wrong. Try again.';
}
