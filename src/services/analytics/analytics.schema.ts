import { z } from 'zod';

const id = z.string().min(1).max(64);
const ref = z.strictObject({ pointId: id, optionId: id });

/** One alternative formulation of a point; without `id` it is new. */
export const pointOptionInputSchema = z.strictObject({
  id: id.optional(),
  label: z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters'),
  text: z.string().trim().min(1, 'must not be empty').max(8000, 'must be at most 8000 characters'),
});

/** A point taken into the analysis: a good (no options) or a contested point with ≥ 2 options. */
export const analysisPointBodySchema = z
  .strictObject({
    good: z.boolean(),
    options: z.array(pointOptionInputSchema).max(12, 'at most 12 options per point'),
  })
  .superRefine((value, ctx) => {
    if (value.good && value.options.length > 0)
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: 'a good has no options: it is awarded to one party',
      });
    if (!value.good && value.options.length < 2)
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: 'a contested point needs at least 2 options',
      });
    const seen = new Set<string>();
    value.options.forEach((o, i) => {
      if (o.id === undefined) return;
      if (seen.has(o.id))
        ctx.addIssue({ code: 'custom', path: ['options', i, 'id'], message: 'is given twice' });
      seen.add(o.id);
    });
  });

/** The whole set of constraints between options ("requires" / "excludes"). */
export const constraintsBodySchema = z.strictObject({
  constraints: z
    .array(z.strictObject({ kind: z.enum(['requires', 'excludes']), option: ref, other: ref }))
    .max(200, 'at most 200 constraints'),
});

/** Running the analysis takes no input. */
export const runAnalysisBodySchema = z.strictObject({});

/** Applying a package: the chosen option per point, against the draft revision the page showed. */
export const applyPackageBodySchema = z.strictObject({
  choice: z.record(id, id),
  baseRevision: z.number().int().min(0),
});

export const pointParams = z.strictObject({ planId: id, pointId: id });
export const partyParams = z.strictObject({ planId: id, partyId: id });

export type AnalysisPointBody = z.output<typeof analysisPointBodySchema>;
export type ConstraintsBody = z.output<typeof constraintsBodySchema>;
export type ApplyPackageBody = z.output<typeof applyPackageBodySchema>;
