import { z } from 'zod';
import { MAX_IMPORT_BYTES } from '../plans/plan-source.schema.ts';

const id = z.string().min(1).max(64);
const MB = MAX_IMPORT_BYTES / 1024 / 1024;

/** Most changes one counter-proposal may turn into (a whole 20,000-point plan rewritten is not a counter-proposal). */
export const MAX_COUNTER_CHANGES = 2000;

const textSource = {
  baseVersionId: id,
  format: z.literal('text'),
  /** The counter-text as pasted: numbered however the party numbers it. */
  text: z
    .string()
    .max(MAX_IMPORT_BYTES, `must be at most ${MB} MB`)
    .refine((s) => s.trim() !== '', 'must not be empty: paste the text of your counter-proposal'),
};
const docxSource = {
  baseVersionId: id,
  format: z.literal('docx'),
  /** The bytes of a Word (.docx) file, base64-encoded. */
  dataBase64: z
    .string()
    .min(1, 'must not be empty: choose a Word (.docx) file')
    .max(Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 4, `must encode at most ${MB} MB`)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
};
/** The changes to write, by the keys the preview gave them; all of them when absent. */
const chosen = {
  changes: z
    .array(z.string().min(1).max(80))
    .min(1, 'choose at least one change')
    .max(MAX_COUNTER_CHANGES)
    .optional(),
};

/** A counter-proposal to align: the base version it answers, and its text or Word file. */
export const counterProposalPreviewSchema = z.discriminatedUnion('format', [
  z.strictObject(textSource),
  z.strictObject(docxSource),
]);

/** The same, to be written as draft amendments (optionally only some of its changes). */
export const counterProposalCreateSchema = z.discriminatedUnion('format', [
  z.strictObject({ ...textSource, ...chosen }),
  z.strictObject({ ...docxSource, ...chosen }),
]);

export type CounterProposalInput = z.output<typeof counterProposalPreviewSchema>;
export type CounterProposalCreateInput = z.output<typeof counterProposalCreateSchema>;
