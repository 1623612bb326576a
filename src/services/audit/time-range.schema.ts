import { z } from 'zod';

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

/** The `from` and `to` query fields of a read filtered by time, both inclusive. */
export const timeRangeFields = {
  from: instant('start').optional().describe('earliest time, inclusive (a date is its whole day, UTC)'),
  to: instant('end').optional().describe('latest time, inclusive (a date is its whole day, UTC)'),
};

/** Refuses a range that ends before it starts, naming `from`: `.check(rangeInOrder)` on a schema with {@link timeRangeFields}. */
export const rangeInOrder = z.refine<{ from?: string | undefined; to?: string | undefined }>(
  (q) => q.from === undefined || q.to === undefined || q.from <= q.to,
  { path: ['from'], message: 'must not be after to' },
);
