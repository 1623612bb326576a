import { z } from 'zod';

/** The stances a party can take on a point, most favourable first. */
export const stanceSchema = z.enum(['support', 'reservations', 'undecided', 'oppose']);

const id = z.string().min(1).max(64);

/** A party's stance on a point, stated against a version the party holds. */
export const newPositionSchema = z.strictObject({
  pointId: id,
  versionId: id,
  stance: stanceSchema,
  /** 1 (minor) to 5 (vital). */
  priority: z.number().int().min(1, 'must be 1 to 5').max(5, 'must be 1 to 5'),
  rationale: z.string().trim().max(4000, 'must be at most 4000 characters').default(''),
  /** Whether the mediator may read the rationale; the stance and priority always reach it. */
  rationaleShared: z.boolean().default(false),
});

/** Which history to read: one point of the plan, one party. */
export const positionHistoryQuerySchema = z.strictObject({ pointId: id, partyId: id });
