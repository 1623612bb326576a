import { z } from 'zod';
import { TIMELINE_KINDS } from '../../domain/timeline/timeline-item.ts';
import { rangeInOrder, timeRangeFields } from '../audit/time-range.schema.ts';

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
    ...timeRangeFields,
    kinds: kinds
      .optional()
      .describe(`only these kinds (${TIMELINE_KINDS.join(', ')}), comma-separated or repeated`),
    partyId: z.string().min(1).max(64).optional().describe('only items involving this party (id)'),
  })
  .check(rangeInOrder);

export type TimelineQuery = z.output<typeof timelineQuerySchema>;
