import { z } from 'zod';
import { TIMELINE_KINDS } from '../../domain/timeline/timeline-item.ts';
import { parseInstant } from '../audit/audit-log.schema.ts';

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

/** `kinds=meeting,version`, or the key repeated (`kinds=meeting&kinds=version`). */
const kinds = z
  .union([z.string().max(200), z.array(z.string().max(40)).max(10)])
  .transform((v) =>
    (Array.isArray(v) ? v : [v])
      .flatMap((s) => s.split(','))
      .map((s) => s.trim())
      .filter((s) => s !== ''),
  )
  .pipe(z.array(z.enum(TIMELINE_KINDS, { error: `must be one of ${TIMELINE_KINDS.join(', ')}` })));

/** The filters of a timeline read: the API's query string, and the web page's URL. */
export const timelineQuerySchema = z
  .strictObject({
    from: instant('start').optional().describe('earliest time, inclusive (a date is its whole day, UTC)'),
    to: instant('end').optional().describe('latest time, inclusive (a date is its whole day, UTC)'),
    kinds: kinds
      .optional()
      .describe(`only these kinds (${TIMELINE_KINDS.join(', ')}), comma-separated or repeated`),
    partyId: z.string().min(1).max(64).optional().describe('only items involving this party (id)'),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    path: ['from'],
    message: 'must not be after to',
  });

export type TimelineQuery = z.output<typeof timelineQuerySchema>;
