import { z } from 'zod';
import { LOCAL_TIME_PATTERN } from '../../../domain/meetings/meeting-time.ts';
import { DEADLINE_UNITS, PROGRESS_KINDS } from '../../../domain/monitoring/monitoring-model.ts';
import { parseInstant } from '../../audit/time-range.schema.ts';

const id = z.string().min(1).max(64);
const unit = z.enum(DEADLINE_UNITS as ['hours', 'days', 'weeks', 'months']);
const amount = z.number().int('must be a whole number').min(0, 'must not be negative');

/** An instant given as an ISO-8601 date-time with offset (or a date, for its first UTC moment). */
export const instantSchema = z
  .string()
  .max(40)
  .transform((text, ctx) => {
    const parsed = parseInstant(text, 'start');
    if (parsed === null) {
      ctx.addIssue({
        code: 'custom',
        message: 'must be an ISO-8601 date-time with offset, like 2027-03-01T12:00:00Z',
      });
      return z.NEVER;
    }
    return parsed;
  });

/** When a commitment is due (see DeadlineSpec in domain/monitoring/monitoring-model.ts). */
export const deadlineSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('none') }),
    z.strictObject({
      kind: z.literal('absolute'),
      local: z.string().regex(LOCAL_TIME_PATTERN, 'must be a local time, YYYY-MM-DDTHH:mm'),
      zone: z.string().min(1, 'is required').max(64),
    }),
    z.strictObject({ kind: z.literal('after_entry_into_force'), amount, unit }),
    z.strictObject({ kind: z.literal('after_commitment'), amount, unit, commitmentId: id }),
  ],
  { error: 'kind must be none, absolute, after_entry_into_force or after_commitment' },
);

const partyIds = z
  .array(id)
  .max(100)
  .refine((ids) => new Set(ids).size === ids.length, 'lists a party twice');

const fields = {
  title: z.string().trim().min(1, 'is required').max(300),
  description: z.string().trim().max(20_000).describe('what is to be done, in the mediator’s words'),
  pointId: id.describe('the point of the adopted version it comes from'),
  subItem: z.number().int().min(0).describe('index (from 0) of the point’s sub-item it comes from'),
  phaseId: id,
  partyIds: partyIds.describe('the obligated parties'),
  deadline: deadlineSchema,
  targetQuantity: z.number().int('must be a whole number').min(1, 'must be at least 1').max(1_000_000_000),
  targetUnit: z.string().trim().min(1).max(120),
  verificationMethod: z.string().trim().max(5000),
};

const subItemNeedsPoint = (c: { pointId?: string | null; subItem?: number | null }) =>
  c.subItem === undefined || c.subItem === null || (c.pointId !== undefined && c.pointId !== null);
const subItemMessage = { path: ['subItem'], message: 'a sub-item needs the pointId it belongs to' };

/** A new commitment of an agreement (mediator team). */
export const newCommitmentSchema = z
  .strictObject({
    ...fields,
    description: fields.description.default(''),
    pointId: fields.pointId.optional(),
    subItem: fields.subItem.optional(),
    phaseId: fields.phaseId.optional(),
    partyIds: fields.partyIds.default([]),
    deadline: deadlineSchema.default({ kind: 'none' }),
    targetQuantity: fields.targetQuantity.optional(),
    targetUnit: fields.targetUnit.optional(),
    verificationMethod: fields.verificationMethod.default(''),
  })
  .refine(subItemNeedsPoint, subItemMessage);

/** Changes to a commitment, naming the revision they apply to; null clears an optional field. */
export const commitmentChangesSchema = z
  .strictObject({
    revision: z.number().int().min(1).describe('the revision the changes apply to (compare-and-set)'),
    title: fields.title.optional(),
    description: fields.description.optional(),
    pointId: fields.pointId.nullable().optional(),
    subItem: fields.subItem.nullable().optional(),
    phaseId: fields.phaseId.nullable().optional(),
    partyIds: fields.partyIds.optional(),
    deadline: deadlineSchema.optional(),
    targetQuantity: fields.targetQuantity.nullable().optional(),
    targetUnit: fields.targetUnit.nullable().optional(),
    verificationMethod: fields.verificationMethod.optional(),
  })
  .refine(({ revision: _, ...changes }) => Object.values(changes).some((v) => v !== undefined), {
    path: [],
    message: 'change at least one field',
  });

/** One click: a draft commitment per point, or per sub-item, of the adopted text. */
export const deriveCommitmentsSchema = z.strictObject({
  granularity: z.enum(['points', 'sub_items']).default('points'),
});

/** A progress entry: what happened towards the commitment on the ground, and when. */
export const progressSchema = z.strictObject({
  occurredAt: instantSchema.describe('when it happened (ISO-8601 with offset)'),
  kind: z.enum(PROGRESS_KINDS as ['progress']),
  quantity: z
    .number()
    .int('must be a whole number')
    .min(0, 'must not be negative')
    .max(1_000_000_000)
    .optional()
    .describe('units delivered by this entry, towards the target'),
  note: z.string().trim().max(5000).default(''),
  eventReportId: id.optional().describe('a verified event report this entry rests on'),
});

const evidenceSchema = z.strictObject({
  label: z.string().trim().min(1, 'is required').max(300),
  url: z
    .url({ protocol: /^https?$/, error: 'must be an http or https address' })
    .max(2000)
    .optional(),
});

/** An implementation score 0–3 with its justification and evidence (monitors). */
export const scoreSchema = z.strictObject({
  score: z
    .number()
    .int('must be 0, 1, 2 or 3')
    .min(0, 'must be 0, 1, 2 or 3')
    .max(3, 'must be 0, 1, 2 or 3')
    .describe('0 not initiated, 1 minimal, 2 intermediate, 3 full'),
  justification: z.string().trim().min(1, 'is required: say why the score is what it is').max(5000),
  evidence: z.array(evidenceSchema).max(50).default([]),
  eventReportIds: z
    .array(id)
    .max(50)
    .refine((ids) => new Set(ids).size === ids.length, 'lists an event report twice')
    .default([]),
  effectiveAt: instantSchema.optional().describe('from when the score holds (default: now)'),
});

export const commitmentParams = z.strictObject({ processId: id, commitmentId: id });

export type NewCommitment = z.output<typeof newCommitmentSchema>;
export type CommitmentChanges = z.output<typeof commitmentChangesSchema>;
export type ProgressInput = z.output<typeof progressSchema>;
export type ScoreInput = z.output<typeof scoreSchema>;
