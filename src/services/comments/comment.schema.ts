import { z } from 'zod';

const body = z.string().trim().min(1, 'must not be empty').max(10_000);
const id = z.string().min(1).max(64);

/**
 * Who reads a thread besides the party it belongs to: 'mediator' opens it to the Office of the
 * Special Envoy, 'party' keeps it to the party's own members.
 */
export const commentVisibilitySchema = z.enum(['mediator', 'party']);

/**
 * A new comment: a new thread on a point (`pointId`, and whom it is visible to), or a reply in a
 * thread (`threadId`), which takes the thread's point, party and visibility. The mediator team may
 * address a thread to a party (`partyId`): that party's members and the mediator then read it.
 */
export const newCommentSchema = z
  .strictObject({
    pointId: id.optional(),
    threadId: id.optional(),
    body,
    visibility: commentVisibilitySchema.optional(),
    partyId: id.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.threadId !== undefined) {
      for (const field of ['pointId', 'visibility', 'partyId'] as const)
        if (v[field] !== undefined)
          ctx.addIssue({ code: 'custom', path: [field], message: 'a reply takes it from its thread' });
    } else if (v.pointId === undefined) {
      ctx.addIssue({ code: 'custom', path: ['pointId'], message: 'is required for a new thread' });
    }
  });

/** An edited comment's new text. */
export const commentChangesSchema = z.strictObject({ body });

/** Which comments to list. */
export const commentQuerySchema = z.strictObject({ pointId: id.optional() });
