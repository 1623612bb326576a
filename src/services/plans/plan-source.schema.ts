import { z } from 'zod';

/** 50 MB of text or Word is far beyond any real plan; refuse it before parsing. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

const sourceFields = {
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
};

function requireContent(
  v: { format: 'text' | 'docx' | 'json'; text?: string | undefined; contentBase64?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  if (v.format === 'docx' && v.contentBase64 === undefined) {
    ctx.addIssue({ code: 'custom', path: ['contentBase64'], message: 'is required for a .docx import' });
  }
  if (v.format !== 'docx' && v.text === undefined) {
    ctx.addIssue({ code: 'custom', path: ['text'], message: `is required for a ${v.format} import` });
  }
}

/** A plan to import, as the API and web client send it. */
export const planSourceSchema = z.strictObject(sourceFields).superRefine(requireContent);

export type PlanSource = z.output<typeof planSourceSchema>;

// One strict object, not an intersection: an intersection with a non-strict side let unknown
// fields through silently.
export const importPlanSchema = z
  .strictObject({ ...sourceFields, title: z.string().trim().max(300).optional() })
  .superRefine(requireContent);
