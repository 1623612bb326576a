import { z } from 'zod';
import {
  EVENT_STATUSES,
  PROGRESS_KINDS,
  TIME_PRECISIONS,
} from '../../../domain/monitoring/monitoring-model.ts';
import { parseInstant, rangeInOrder, timeRangeFields } from '../../audit/time-range.schema.ts';

const id = z.string().min(1).max(64);
const line = (max: number) => z.string().trim().max(max);

/** When it happened: a date-time with its offset, or a date (the start of that day, UTC). */
const occurredAt = z
  .string()
  .max(40)
  .transform((text, ctx) => {
    const at = parseInstant(text, 'start');
    if (at === null) {
      ctx.addIssue({
        code: 'custom',
        message: 'must be an ISO-8601 date or date-time with offset, like 2027-03-01 or 2027-03-01T14:00Z',
      });
      return z.NEVER;
    }
    return at;
  });

const fields = {
  occurredAt,
  timePrecision: z.enum(TIME_PRECISIONS).describe('how precisely the time is known'),
  placeName: line(300),
  latitude: z
    .number()
    .min(-90, 'must be between -90 and 90')
    .max(90, 'must be between -90 and 90')
    .nullable(),
  longitude: z
    .number()
    .min(-180, 'must be between -180 and 180')
    .max(180, 'must be between -180 and 180')
    .nullable(),
  geoPrecision: z
    .number()
    .int()
    .min(1)
    .max(3)
    .nullable()
    .describe('1 exact place, 2 near it, 3 only the region'),
  eventType: line(120).min(1, 'is required'),
  subEventType: line(120),
  actor1: line(300),
  actor2: line(300),
  fatalities: z
    .number({ error: 'must be a whole number of people (0 or more), or left empty' })
    .int({ error: 'must be a whole number of people' })
    .min(0, { error: 'cannot be negative' })
    .max(1_000_000)
    .nullable(),
  description: line(20_000),
  source: line(2000),
  sourceReliability: z.enum(['A', 'B', 'C', 'D', 'E', 'F']).describe('Admiralty grading of the source, A–F'),
  infoCredibility: z.number().int().min(1).max(6).describe('Admiralty grading of the information, 1–6'),
  externalId: line(120).min(1).nullable().describe("the source dataset's own id, for de-duplication"),
};

type Located = { latitude?: number | null; longitude?: number | null };
const bothOrNeither = (e: Located, ctx: z.RefinementCtx) => {
  if (e.latitude === undefined && e.longitude === undefined) return;
  if (((e.latitude ?? null) === null) !== ((e.longitude ?? null) === null))
    ctx.addIssue({
      code: 'custom',
      path: [(e.latitude ?? null) === null ? 'latitude' : 'longitude'],
      message: 'give latitude and longitude together',
    });
};
/** Checked even when other fields are wrong, so that one answer names every problem. */
const always = {
  when: (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null,
};

/** A report filed by hand: an allegation, an observation of the mission, a release seen. */
export const newEventReportSchema = z
  .strictObject({
    ...fields,
    timePrecision: fields.timePrecision.default('minute'),
    placeName: fields.placeName.default(''),
    latitude: fields.latitude.default(null),
    longitude: fields.longitude.default(null),
    geoPrecision: fields.geoPrecision.default(null),
    subEventType: fields.subEventType.default(''),
    actor1: fields.actor1.default(''),
    actor2: fields.actor2.default(''),
    fatalities: fields.fatalities.default(null),
    description: fields.description.min(1, 'is required: say what happened'),
    source: fields.source.default(''),
    sourceReliability: fields.sourceReliability.default('F'),
    infoCredibility: fields.infoCredibility.default(6),
    externalId: fields.externalId.default(null),
  })
  .superRefine(bothOrNeither, always);

export type NewEventReport = z.output<typeof newEventReportSchema>;

/** Corrections to a report (its status changes through /status); `revision` is the one read. */
export const eventReportChangesSchema = z
  .strictObject({
    occurredAt: fields.occurredAt.optional(),
    timePrecision: fields.timePrecision.optional(),
    placeName: fields.placeName.optional(),
    latitude: fields.latitude.optional(),
    longitude: fields.longitude.optional(),
    geoPrecision: fields.geoPrecision.optional(),
    eventType: fields.eventType.optional(),
    subEventType: fields.subEventType.optional(),
    actor1: fields.actor1.optional(),
    actor2: fields.actor2.optional(),
    fatalities: fields.fatalities.optional(),
    description: fields.description.min(1, 'must not be empty').optional(),
    source: fields.source.optional(),
    sourceReliability: fields.sourceReliability.optional(),
    infoCredibility: fields.infoCredibility.optional(),
    externalId: fields.externalId.optional(),
    revision: z.number().int().min(1).describe('the revision you read: a change on an older one is refused'),
  })
  .superRefine(bothOrNeither, always)
  .refine((c) => Object.keys(c).some((k) => k !== 'revision'), 'change at least one field');

export type EventReportChanges = z.output<typeof eventReportChangesSchema>;

/** A step of the verification workflow; attribution goes with verified or unverified. */
export const eventStatusChangeSchema = z.strictObject({
  status: z.enum(EVENT_STATUSES),
  attributedPartyId: id.nullable().optional().describe('the party the event is attributed to'),
  note: line(4000).default(''),
});

export type EventStatusChange = z.output<typeof eventStatusChangeSchema>;

/** Links a report to a commitment; with `progress`, a verified report also moves it. */
export const eventLinkSchema = z.strictObject({
  commitmentId: id,
  progress: z
    .strictObject({
      kind: z.enum(PROGRESS_KINDS),
      quantity: z.number().int().min(0).max(1_000_000_000).nullable().default(null),
      note: line(4000).default(''),
    })
    .optional()
    .describe('a progress entry dated when the event happened (verified reports only)'),
});

export type EventLinkInput = z.output<typeof eventLinkSchema>;

export const EVENT_PAGE_MAX = 500;
export const EVENT_PAGE_DEFAULT = 100;

/** A cursor is the position of the last report of the previous page, opaque to clients. */
const cursor = z
  .string()
  .max(200)
  .transform((text, ctx) => {
    try {
      const [occurredAt, reportId] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
      if (typeof occurredAt === 'string' && typeof reportId === 'string' && reportId.length <= 64)
        return { occurredAt, id: reportId };
    } catch {}
    ctx.addIssue({ code: 'custom', message: 'is not a cursor this list returned: use nextCursor as given' });
    return z.NEVER;
  });

/** Encodes the position after `row` as a cursor. */
export const encodeEventCursor = (row: { occurred_at: string; id: string }) =>
  Buffer.from(JSON.stringify([row.occurred_at, row.id])).toString('base64url');

const filterFields = {
  ...timeRangeFields,
  type: line(120).min(1).optional().describe('only events of this type'),
  status: z.enum(EVENT_STATUSES).optional(),
};

/** The list's filters and page; the web page's URL carries the same. */
export const eventListQuerySchema = z
  .strictObject({
    ...filterFields,
    partyId: id.optional().describe('only events attributed to this party'),
    q: line(200).optional().describe('words in the place, actors, type, source or description'),
    cursor: cursor.optional().describe('the nextCursor of the previous page'),
    limit: z
      .string()
      .regex(/^[0-9]{1,4}$/, 'must be a whole number')
      .transform(Number)
      .pipe(z.number().min(1).max(EVENT_PAGE_MAX, `must be at most ${EVENT_PAGE_MAX}`))
      .optional(),
  })
  .check(rangeInOrder);

export type EventListQuery = z.output<typeof eventListQuerySchema>;

/** The map's filters: the same as the list's, without paging or text search. */
export const eventMapQuerySchema = z.strictObject(filterFields).check(rangeInOrder);

export type EventMapQuery = z.output<typeof eventMapQuerySchema>;

export const eventParams = z.strictObject({ processId: id, eventId: id });
export const eventLinkParams = z.strictObject({ processId: id, eventId: id, commitmentId: id });
