import type { z } from 'zod';
import { type DraftOp, draftOpSchema } from '../../domain/plans/edit/draft-op.schema.ts';

/** Field path ("text", "items.2.text") → message, from the same schema the server checks. */
export type FieldErrors = Record<string, string>;

/** Checks an op with the shared draft-op schema and returns messages a person can act on. */
export function validateOp(op: DraftOp): FieldErrors {
  const result = draftOpSchema.safeParse(op);
  if (result.success) return {};
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join('.');
    errors[field] ??= describe(issue);
  }
  return errors;
}

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === 'too_big') {
    const max = Number(issue.maximum);
    return issue.origin === 'string'
      ? `Too long: at most ${max.toLocaleString()} characters.`
      : `Too many: at most ${max.toLocaleString()}.`;
  }
  if (issue.code === 'too_small') return issue.origin === 'string' ? 'Must not be empty.' : 'Too few.';
  return issue.message;
}
