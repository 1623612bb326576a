import { z } from 'zod';
import { LOCAL_TIME_PATTERN } from '../../domain/meetings/meeting-time.ts';

const MEETING_STATUS_VALUES = ['planned', 'confirmed', 'held', 'postponed', 'on_hold', 'cancelled'] as const;
const id = z.string().min(1).max(64);
const localTime = z
  .string()
  .regex(LOCAL_TIME_PATTERN, 'must be a local time at the venue, YYYY-MM-DDTHH:mm')
  .describe('wall-clock time at the venue, e.g. 2025-06-12T10:00');
const timeZone = z
  .string()
  .min(1, 'is required')
  .max(64)
  .describe('IANA time zone of the venue, e.g. Europe/Zurich');

/**
 * A participant: a whole party `{partyId}`, a member of the process `{userId}` (who brings their
 * party along), or a named person `{name, partyId?}` such as a minister without an account.
 */
export const participantSchema = z
  .strictObject({
    partyId: id.optional(),
    userId: id.optional(),
    name: z.string().trim().min(1).max(200).optional(),
  })
  .superRefine((p, ctx) => {
    if (p.userId !== undefined && (p.partyId !== undefined || p.name !== undefined))
      ctx.addIssue({ code: 'custom', path: ['userId'], message: 'a member is named by userId alone' });
    else if (p.userId === undefined && p.partyId === undefined && p.name === undefined)
      ctx.addIssue({ code: 'custom', path: ['partyId'], message: 'give a partyId, a userId or a name' });
  });

export const meetingVersionSchema = z.strictObject({
  versionId: id,
  role: z.enum(['presented', 'released']),
});

const fields = {
  title: z.string().trim().min(1, 'is required').max(300),
  startsAt: localTime,
  endsAt: localTime,
  timeZone,
  placeKind: z.enum(['in_person', 'phone', 'video']),
  place: z.string().trim().max(300),
  participants: z.array(participantSchema).max(100),
  versions: z.array(meetingVersionSchema).max(50),
  outcome: z.string().trim().max(20_000).describe('outcome notes, read by every party taking part'),
};

const placeGiven = (m: { placeKind?: string; place?: string }) =>
  m.placeKind !== 'in_person' || (m.place ?? '') !== '';
const placeMessage = { path: ['place'], message: 'say where an in-person meeting takes place' };

/** A new meeting, as the mediator enters it: local times at the venue and its zone. */
export const newMeetingSchema = z
  .strictObject({
    ...fields,
    placeKind: fields.placeKind.default('in_person'),
    place: fields.place.default(''),
    participants: fields.participants.default([]),
    versions: fields.versions.default([]),
    outcome: fields.outcome.default(''),
    status: z.enum(['planned', 'confirmed']).default('planned'),
  })
  .refine(placeGiven, placeMessage);

/** Changes to a meeting; a new time is given whole (start, end and zone together). */
export const meetingChangesSchema = z
  .strictObject({
    title: fields.title.optional(),
    startsAt: localTime.optional(),
    endsAt: localTime.optional(),
    timeZone: timeZone.optional(),
    placeKind: fields.placeKind.optional(),
    place: fields.place.optional(),
    participants: fields.participants.optional(),
    versions: fields.versions.optional(),
    outcome: fields.outcome.optional(),
  })
  .superRefine((c, ctx) => {
    const time = [c.startsAt, c.endsAt, c.timeZone];
    if (time.some((t) => t !== undefined))
      for (const key of ['startsAt', 'endsAt', 'timeZone'] as const)
        if (c[key] === undefined)
          ctx.addIssue({ code: 'custom', path: [key], message: 'give start, end and time zone together' });
    if (Object.values(c).every((v) => v === undefined))
      ctx.addIssue({ code: 'custom', path: [], message: 'change at least one field' });
  });

/**
 * A change of status. A postponement gives the new time (startsAt and endsAt, in the meeting's
 * zone unless timeZone says otherwise) or `toBeFixed: true`.
 */
export const statusChangeSchema = z
  .strictObject({
    status: z.enum(MEETING_STATUS_VALUES),
    startsAt: localTime.optional(),
    endsAt: localTime.optional(),
    timeZone: timeZone.optional(),
    toBeFixed: z.boolean().default(false),
    note: z.string().trim().max(2000).default(''),
  })
  .superRefine((c, ctx) => {
    if ((c.startsAt === undefined) !== (c.endsAt === undefined))
      ctx.addIssue({
        code: 'custom',
        path: [c.startsAt === undefined ? 'startsAt' : 'endsAt'],
        message: 'give the new start and end together',
      });
    if (c.timeZone !== undefined && c.startsAt === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['timeZone'],
        message: 'a time zone goes with a new start and end',
      });
  });

export const meetingParams = z.strictObject({ processId: id, meetingId: id });
