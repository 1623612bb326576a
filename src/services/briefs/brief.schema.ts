import { z } from 'zod';

export const BRIEF_FORMATS = ['docx', 'pdf'] as const;
export type BriefFormat = (typeof BRIEF_FORMATS)[number];

/** Which brief to export: its format, and for whom (a party's id, or "all" for the mediator team). */
export const briefQuerySchema = z.strictObject({
  format: z.enum(BRIEF_FORMATS),
  party: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/, 'must be a party id or "all"')
    .optional()
    .describe(
      'the party the brief is for, or "all" (mediators); by default your own party, or all for mediators',
    ),
});
