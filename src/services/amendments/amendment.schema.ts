import { z } from 'zod';
import { AMENDMENT_STATES, type AmendmentState } from '../../domain/negotiation/amendment-workflow.ts';

const id = z.string().min(1).max(64);
export const AMENDMENT_TEXT_LIMIT = 8000;
const text = z
  .string()
  .trim()
  .max(
    AMENDMENT_TEXT_LIMIT,
    `is longer than ${AMENDMENT_TEXT_LIMIT.toLocaleString('en')} characters; shorten it`,
  );
const revision = z.number().int().min(1);

type Kind = 'replace' | 'add' | 'delete';
type Issue = { path: string[]; message: string };

/** What a kind of amendment needs: a point for a replacement or deletion, a text unless deleting. */
function kindProblems(v: {
  kind: Kind;
  pointId?: string | undefined;
  afterPointId?: string | null | undefined;
  areaId?: string | null | undefined;
  text?: string | undefined;
}): Issue[] {
  const issues: Issue[] = [];
  if (v.kind !== 'add' && v.pointId === undefined)
    issues.push({ path: ['pointId'], message: 'is required: name the point to replace or delete' });
  if (v.kind === 'add' && v.pointId !== undefined)
    issues.push({
      path: ['pointId'],
      message: 'is not used for a new point: place it with afterPointId or areaId',
    });
  if (v.kind !== 'add' && (v.afterPointId != null || v.areaId != null))
    issues.push({
      path: [v.afterPointId != null ? 'afterPointId' : 'areaId'],
      message: 'is only for a new point',
    });
  if (v.kind !== 'delete' && (v.text ?? '') === '')
    issues.push({ path: ['text'], message: 'must not be empty: give the text you propose' });
  if (v.kind === 'delete' && (v.text ?? '') !== '')
    issues.push({ path: ['text'], message: 'must be empty for a deletion; give your reasons in rationale' });
  return issues;
}

/** A new amendment: replacement text for a point, a new point, or a deletion, against a version the party holds. */
export const newAmendmentSchema = z
  .strictObject({
    kind: z.enum(['replace', 'add', 'delete']),
    baseVersionId: id,
    /** The point replaced or deleted (replace, delete). */
    pointId: id.optional(),
    /** A new point goes after this point of the base version; null or absent: first in `areaId`. */
    afterPointId: id.nullable().optional(),
    /** The section a new point goes into; taken from `afterPointId` when that is given. */
    areaId: id.nullable().optional(),
    /** The whole text proposed: body, then sub-items one a line ("a) …"). Empty for a deletion. */
    text: text.default(''),
    rationale: text.default(''),
    /** Submit to the mediator at once instead of keeping it as the party's draft. */
    submit: z.boolean().default(false),
  })
  .superRefine((v, ctx) => {
    for (const issue of kindProblems(v)) ctx.addIssue({ code: 'custom', ...issue });
  });

export type NewAmendment = z.output<typeof newAmendmentSchema>;

/** Changes to a draft amendment: its text or rationale. */
export const amendmentChangesSchema = z
  .strictObject({
    text: text.optional(),
    rationale: text.optional(),
    /** The revision the editor loaded: a change made on an older one is refused, not merged. */
    revision: revision.optional(),
  })
  .refine((v) => v.text !== undefined || v.rationale !== undefined, 'change text or rationale');

export type AmendmentChanges = z.output<typeof amendmentChangesSchema>;

/** A step of the party's own: submit or withdraw, optionally guarded by the revision seen. */
export const amendmentStepSchema = z.strictObject({ revision: revision.optional() }).default({});

/** The mediator's decision on a submitted amendment. */
export const amendmentDecisionSchema = z.strictObject({
  decision: z.enum(['accept', 'partly_accept', 'reject']),
  /**
   * The text written into the working draft when accepting (the proposed text unless given): the
   * mediator may edit it, and does for a partial acceptance.
   */
  text: text.optional(),
  /** The reply the party reads. */
  reply: text.default(''),
  revision: revision.optional(),
});

export type AmendmentDecisionInput = z.output<typeof amendmentDecisionSchema>;

/** Submitting several of the party's drafts at once (after a counter-proposal was imported). */
export const bulkSubmitSchema = z.strictObject({
  ids: z.array(id).min(1, 'name at least one amendment').max(500),
});

/** Which amendments to list. */
export const amendmentListQuerySchema = z.strictObject({
  state: z.enum(AMENDMENT_STATES as [AmendmentState, ...AmendmentState[]]).optional(),
  partyId: id.optional(),
});

export const amendmentParams = z.strictObject({ planId: id, amendmentId: id });
