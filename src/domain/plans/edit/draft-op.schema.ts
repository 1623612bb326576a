import { z } from 'zod';
import { PLAN_LIMITS, planItemSchema } from '../plan.schema.ts';
import { POINT_STATUSES, type PointStatus } from '../plan.ts';

const id = z.string().min(1).max(64);
const text = z.string().max(PLAN_LIMITS.textLength);
const title = z.string().trim().min(1, 'must not be empty').max(PLAN_LIMITS.titleLength);
const status = z.enum(POINT_STATUSES as [PointStatus, ...PointStatus[]]);
const tags = z.array(z.string().min(1).max(64)).max(PLAN_LIMITS.tags);
const items = z.array(planItemSchema).max(PLAN_LIMITS.items);

/**
 * One edit of the working draft. The API, the web editor and the CLI all send these;
 * `applyDraftOp` (apply-draft-op.ts) carries them out.
 */
export const draftOpSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('updatePlan'), title: title.optional(), preamble: text.optional() }),
  z.strictObject({
    type: z.literal('updatePoint'),
    pointId: id,
    number: z.string().trim().min(1).max(32).optional(),
    text: text.optional(),
    items: items.optional(),
    tags: tags.optional(),
    status: status.optional(),
  }),
  z.strictObject({
    type: z.literal('addPoint'),
    /** Insert after this point; null inserts at the start of the area (or of the plan). */
    afterPointId: id.nullable(),
    areaId: id.nullable(),
    text,
    items: items.default([]),
    tags: tags.default([]),
  }),
  z.strictObject({ type: z.literal('deletePoint'), pointId: id }),
  z.strictObject({
    type: z.literal('movePoint'),
    pointId: id,
    /** Place after this point; null places it first in `areaId`. */
    afterPointId: id.nullable(),
    areaId: id.nullable(),
  }),
  z.strictObject({
    type: z.literal('splitPoint'),
    pointId: id,
    /** Character offset in the point's text where the new point begins. */
    at: z.number().int().min(1),
  }),
  z.strictObject({
    type: z.literal('mergePoints'),
    /** Adjacent points, in reading order; the first keeps its identity. */
    pointIds: z.array(id).min(2).max(20),
  }),
  z.strictObject({ type: z.literal('addArea'), title, beforePointId: id.nullable() }),
  z.strictObject({ type: z.literal('renameArea'), areaId: id, title }),
  z.strictObject({ type: z.literal('deleteArea'), areaId: id }),
  z.strictObject({ type: z.literal('addNote'), afterPointId: id.nullable(), text: text.min(1) }),
  z.strictObject({ type: z.literal('updateNote'), noteId: id, text: text.min(1) }),
  z.strictObject({ type: z.literal('deleteNote'), noteId: id }),
]);

export type DraftOp = z.infer<typeof draftOpSchema>;

/** A request to edit the draft: the op plus the revision the editor was looking at. */
export const draftEditSchema = z.strictObject({
  baseRevision: z.number().int().min(0),
  op: draftOpSchema,
});

export type DraftEdit = z.infer<typeof draftEditSchema>;
