import { z } from 'zod';
import { rangeInOrder, timeRangeFields } from './time-range.schema.ts';

/** Largest page of audit entries one request returns. */
export const AUDIT_PAGE_MAX = 200;
export const AUDIT_PAGE_DEFAULT = 50;

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
    ...timeRangeFields,
    before: wholeNumber(Number.MAX_SAFE_INTEGER)
      .optional()
      .describe('entries older than this sequence number: the nextBefore of the previous page'),
    limit: wholeNumber(AUDIT_PAGE_MAX)
      .optional()
      .describe(`entries per page (default ${AUDIT_PAGE_DEFAULT}, at most ${AUDIT_PAGE_MAX})`),
  })
  .check(rangeInOrder);

export type AuditLogQuery = z.output<typeof auditLogQuerySchema>;
