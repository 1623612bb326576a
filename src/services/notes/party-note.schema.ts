import { z } from 'zod';

const body = z.string().trim().min(1, 'must not be empty').max(10_000);

/** A new private note on a point. */
export const newPartyNoteSchema = z.strictObject({
  pointId: z.string().min(1).max(64),
  body,
  /** Whether the mediator team may read it too; by default only the party's own members do. */
  sharedWithMediator: z.boolean().default(false),
});

/** Changes to a note: its text, or whether it is shared with the mediator. */
export const partyNoteChangesSchema = z
  .strictObject({ body: body.optional(), sharedWithMediator: z.boolean().optional() })
  .refine(
    (v) => v.body !== undefined || v.sharedWithMediator !== undefined,
    'change body or sharedWithMediator',
  );
