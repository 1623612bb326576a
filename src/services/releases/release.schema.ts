import { z } from 'zod';

/** A release of one version to one or more parties: the request body, the web form and the CLI. */
export const releaseSchema = z.strictObject({
  partyIds: z
    .array(z.string().min(1).max(64))
    .min(1, 'name at least one party')
    .max(50)
    .refine((ids) => new Set(ids).size === ids.length, 'lists a party twice'),
  /** The meeting or channel it was handed over at. */
  channel: z.string().trim().max(300).optional(),
  note: z.string().trim().max(2000).optional(),
  /** When it was handed over, if earlier than now (a release recorded after the meeting). */
  releasedAt: z.iso.datetime({ offset: true }).optional(),
});

export type ReleaseInput = z.output<typeof releaseSchema>;
