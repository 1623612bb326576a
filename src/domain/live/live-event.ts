import { z } from 'zod';

// Ids only, in our own ASCII alphabet, so that the largest event stays far below the 8000-byte
// limit of a PostgreSQL NOTIFY payload (100 parties × 67 bytes ≈ 6.7 kB).
const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/**
 * What a live update says: which thing changed and where, never its text. A client that hears one
 * re-fetches through the API, which applies the same authorization as any other read.
 */
export const liveEventSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('draft.changed'),
    processId: id,
    planId: id,
    revision: z.number().int().nonnegative(),
  }),
  z.strictObject({ type: z.literal('version.cut'), processId: id, planId: id, versionId: id }),
  z.strictObject({
    type: z.literal('release.created'),
    processId: id,
    planId: id,
    versionId: id,
    partyIds: z.array(id).max(100),
  }),
  z.strictObject({
    type: z.literal('note.changed'),
    processId: id,
    planId: id,
    partyId: id,
    sharedWithMediator: z.boolean(),
  }),
  z.strictObject({ type: z.literal('membership.changed'), processId: id }),
  z.strictObject({ type: z.literal('position.changed'), processId: id, planId: id, partyId: id }),
  z.strictObject({
    type: z.literal('amendment.changed'),
    processId: id,
    planId: id,
    amendmentId: id,
    partyId: id,
    /** False while the amendment is the party's draft: then only its own members hear of it. */
    sharedWithMediator: z.boolean(),
  }),
  z.strictObject({
    type: z.literal('comment.changed'),
    processId: id,
    planId: id,
    partyId: id,
    sharedWithMediator: z.boolean(),
  }),
  z.strictObject({
    type: z.literal('meeting.changed'),
    processId: id,
    meetingId: id,
    /** The parties taking part (before and after the change): those who may know of it. */
    partyIds: z.array(id).max(100),
  }),
  z.strictObject({
    type: z.literal('commitment.changed'),
    processId: id,
    agreementId: id,
    /** The commitment that changed; null when the agreement itself or several commitments did. */
    commitmentId: id.nullable(),
    /** Parties holding the adopted version (one per event): those who may read the agreement. */
    partyIds: z.array(id).max(100),
  }),
  z.strictObject({
    type: z.literal('event_report.changed'),
    processId: id,
    /** The report that changed; null when an import added many at once. */
    eventReportId: id.nullable(),
    /** Who may hear of it, as event.read decides: the filing party (null: the mission) and whether it is verified. */
    reportedByPartyId: id.nullable(),
    verified: z.boolean(),
  }),
]);

export type LiveEvent = z.infer<typeof liveEventSchema>;
export type LiveEventType = LiveEvent['type'];

/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more. */
export const MAX_LIVE_PAYLOAD_BYTES = 7999;

/** The wire form of an event (NOTIFY payload, SSE data line): one line of JSON. */
export function encodeLiveEvent(event: LiveEvent): string {
  const text = JSON.stringify(liveEventSchema.parse(event));
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_LIVE_PAYLOAD_BYTES)
    throw new Error(`live event ${event.type} is ${bytes} bytes, over the NOTIFY limit`);
  return text;
}

/** Reads a wire-form event, or null when it is not one (anyone with database access can NOTIFY). */
export function decodeLiveEvent(text: string): LiveEvent | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = liveEventSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
