import { z } from 'zod';

/** Largest page of audit entries one request returns. */
export const AUDIT_PAGE_MAX = 200;
export const AUDIT_PAGE_DEFAULT = 50;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * An ISO-8601 date or date-time as the UTC instant `at` is stored in. A bare date stands for the
 * whole UTC day: its first millisecond as a lower bound, its last as an upper one. A date-time
 * must carry its offset, or "14:00" would mean a different moment on every server.
 */
export function parseInstant(text: string, edge: 'start' | 'end'): string | null {
  const date = DATE.exec(text);
  if (date) {
    const [y, m, d] = [Number(date[1]), Number(date[2]), Number(date[3])];
    const day = new Date(Date.UTC(y, m - 1, d));
    // Date.UTC rolls 2025-02-30 over into March; a date that does not round-trip does not exist.
    if (day.getUTCFullYear() !== y || day.getUTCMonth() !== m - 1 || day.getUTCDate() !== d) return null;
    return edge === 'start' ? day.toISOString() : new Date(day.getTime() + 86_400_000 - 1).toISOString();
  }
  if (!DATE_TIME.test(text)) return null;
  const t = Date.parse(text);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

const instant = (edge: 'start' | 'end') =>
  z
    .string()
    .max(40)
    .transform((text, ctx) => {
      const parsed = parseInstant(text, edge);
      if (parsed === null) {
        ctx.addIssue({
          code: 'custom',
          message:
            'must be an ISO-8601 date or date-time with offset, like 2025-03-01 or 2025-03-01T14:00:00Z',
        });
        return z.NEVER;
      }
      return parsed;
    });

const wholeNumber = (max: number) =>
  z
    .string()
    .regex(/^[0-9]{1,15}$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().min(1, 'must be at least 1').max(max, `must be at most ${max}`));

const entityId = z.string().min(1).max(64);

/** The filters and cursor of the audit log view; the API's query string, also the web page's URL. */
export const auditLogQuerySchema = z
  .strictObject({
    actor: entityId.optional().describe('only entries by this user (id)'),
    party: entityId.optional().describe('only entries by members of this party (id)'),
    action: z
      .string()
      .max(64)
      .regex(
        /^[a-z][a-z_]*(\.[a-z][a-z_]*)*\.?$/,
        'must be an action such as version.export, or a family such as version.',
      )
      .optional()
      .describe('an action, or a family of actions when it ends in a dot ("version.")'),
    from: instant('start').optional().describe('earliest time, inclusive (a date is its whole day, UTC)'),
    to: instant('end').optional().describe('latest time, inclusive (a date is its whole day, UTC)'),
    before: wholeNumber(Number.MAX_SAFE_INTEGER)
      .optional()
      .describe('entries older than this sequence number: the nextBefore of the previous page'),
    limit: wholeNumber(AUDIT_PAGE_MAX)
      .optional()
      .describe(`entries per page (default ${AUDIT_PAGE_DEFAULT}, at most ${AUDIT_PAGE_MAX})`),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    path: ['from'],
    message: 'must not be after to',
  });

export type AuditLogQuery = z.output<typeof auditLogQuerySchema>;
