import { z } from 'zod';
import { parseInstant } from '../../audit/time-range.schema.ts';

/** "As of" a moment: a date-time with offset, or a date standing for its end (UTC); default now. */
export const asOfField = z
  .string()
  .max(40)
  .transform((text, ctx) => {
    const parsed = parseInstant(text, 'end');
    if (parsed === null) {
      ctx.addIssue({
        code: 'custom',
        message: 'must be an ISO-8601 date or date-time with offset, like 2027-03-01 or 2027-03-01T12:00:00Z',
      });
      return z.NEVER;
    }
    return parsed;
  })
  .optional()
  .describe('the moment the status is computed for (a date stands for its end, UTC); default now');

export const asOfQuerySchema = z.strictObject({ asOf: asOfField });

/** The dashboard's question: the state of every commitment as of a moment, and what falls due soon. */
export const statusQuerySchema = z.strictObject({
  asOf: asOfField,
  dueWithinHours: z.coerce
    .number()
    .int('must be a whole number of hours')
    .min(1, 'must be at least 1')
    .max(8760, 'must be at most 8760 (a year)')
    .default(72)
    .describe('the due-soon window after asOf, in hours'),
});

export type StatusQuery = z.output<typeof statusQuerySchema>;
