import { z } from 'zod';

/** 50 MB of text or Word is far beyond any real plan; refuse it before parsing. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** A plan to import, as the API and web client send it. */
export const planSourceSchema = z
  .strictObject({
    format: z.enum(['text', 'docx', 'json']),
    text: z
      .string()
      .max(MAX_IMPORT_BYTES, `must be at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB`)
      .optional(),
    contentBase64: z
      .string()
      .max(
        Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 4,
        `must encode at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB`,
      )
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64')
      .optional(),
  })
  .superRefine((v, ctx) => {
    if (v.format === 'docx' && v.contentBase64 === undefined) {
      ctx.addIssue({ code: 'custom', path: ['contentBase64'], message: 'is required for a .docx import' });
    }
    if (v.format !== 'docx' && v.text === undefined) {
      ctx.addIssue({ code: 'custom', path: ['text'], message: `is required for a ${v.format} import` });
    }
  });

export type PlanSource = z.output<typeof planSourceSchema>;

export const importPlanSchema = z.intersection(
  planSourceSchema,
  z.object({ title: z.string().trim().max(300).optional() }),
);
