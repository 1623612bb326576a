import { z } from 'zod';
import { EVENT_FIELDS, type EventField } from '../../../domain/monitoring/event-import/event-fields.ts';

/** The largest CSV file an import reads: 100 MiB, a few hundred thousand events. */
export const EVENT_IMPORT_LIMIT = 100 * 1024 * 1024;

const flag = z
  .enum(['true', 'false', '1', '0'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1');

/** The column mapping as JSON in the query string: {"event_date": "Date", "event_type": "Kind", …}. */
const mapping = z
  .string()
  .max(4000)
  .transform((text, ctx) => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a JSON object of field → column name' });
      return z.NEVER;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      ctx.addIssue({ code: 'custom', message: 'must be a JSON object of field → column name' });
      return z.NEVER;
    }
    const out: Partial<Record<EventField, string>> = {};
    for (const [field, column] of Object.entries(value)) {
      if (!(EVENT_FIELDS as readonly string[]).includes(field)) {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `is not a field; the fields are ${EVENT_FIELDS.join(', ')}`,
        });
        continue;
      }
      if (typeof column !== 'string' || column.length > 200) {
        ctx.addIssue({ code: 'custom', path: [field], message: 'must name a column of the header' });
        continue;
      }
      out[field as EventField] = column;
    }
    return out;
  });

/** How a CSV import reads its file; the file itself is the request body (text/csv). */
export const eventImportQuerySchema = z.strictObject({
  dryRun: flag.default(false).describe('read and check the whole file, write nothing'),
  fileName: z.string().trim().min(1).max(300).default('upload.csv'),
  encoding: z.string().trim().min(1).max(40).optional().describe('default utf-8; e.g. windows-1252, latin1'),
  delimiter: z.enum([',', ';', '\t', '|']).optional().describe('default: guessed from the header line'),
  mapping: mapping.optional().describe('JSON: field → column name; default guessed from the header'),
  skipInvalid: flag.default(false).describe('write the valid rows and report the others'),
});

export type EventImportQuery = z.output<typeof eventImportQuerySchema>;
