import { z } from 'zod';
import {
  createCalendarFeed,
  getMyCalendarFeed,
  revokeCalendarFeed,
} from '../../services/meetings/calendar-feed.ts';
import { changeMeetingStatus } from '../../services/meetings/change-meeting-status.ts';
import { createMeeting } from '../../services/meetings/create-meeting.ts';
import { getMeeting } from '../../services/meetings/get-meeting.ts';
import { listMeetings } from '../../services/meetings/list-meetings.ts';
import {
  meetingChangesSchema,
  meetingParams,
  newMeetingSchema,
  statusChangeSchema,
} from '../../services/meetings/meeting.schema.ts';
import { serveCalendarFeed } from '../../services/meetings/serve-calendar-feed.ts';
import { updateMeeting } from '../../services/meetings/update-meeting.ts';
import { attachmentHeader } from '../http/content-disposition.ts';
import { defineRoute } from '../http/route.ts';
import { processParams } from './processes.routes.ts';

/** The origin the request came to, for absolute URLs (feed address, links in calendar events). */
const originOf = (request: { protocol: string; host: string }) => `${request.protocol}://${request.host}`;

export const meetingRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/processes/:processId/meetings',
    summary: 'Meetings of the process: all for the mediator team, those your party takes part in otherwise',
    tag: 'meetings',
    access: 'user',
    policy: 'process.read',
    params: processParams,
    async handler({ database, actor, params }) {
      return listMeetings(database, actor, params.processId);
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/processes/:processId/meetings',
    summary: 'Schedule a meeting (local start and end at the venue, with its IANA time zone)',
    tag: 'meetings',
    access: 'user',
    policy: 'meeting.manage',
    params: processParams,
    body: newMeetingSchema,
    status: 201,
    async handler({ database, actor, params, body }) {
      return { meeting: await createMeeting(database, actor, params.processId, body) };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/processes/:processId/meetings/:meetingId',
    summary: 'A meeting with its participants, status history, versions and outcome notes',
    tag: 'meetings',
    access: 'user',
    policy: 'meeting.read',
    params: meetingParams,
    async handler({ database, actor, params }) {
      return { meeting: await getMeeting(database, actor, params.processId, params.meetingId) };
    },
  }),
  defineRoute({
    method: 'PATCH',
    path: '/api/v1/processes/:processId/meetings/:meetingId',
    summary: 'Edit a meeting: title, time, place, participants, versions, outcome notes',
    tag: 'meetings',
    access: 'user',
    policy: 'meeting.manage',
    params: meetingParams,
    body: meetingChangesSchema,
    async handler({ database, actor, params, body }) {
      return { meeting: await updateMeeting(database, actor, params.processId, params.meetingId, body) };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/processes/:processId/meetings/:meetingId/status',
    summary: 'Change the status of a meeting; a postponement gives the new date or toBeFixed',
    tag: 'meetings',
    access: 'user',
    policy: 'meeting.manage',
    params: meetingParams,
    body: statusChangeSchema,
    async handler({ database, actor, params, body }) {
      return {
        meeting: await changeMeetingStatus(database, actor, params.processId, params.meetingId, body),
      };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/processes/:processId/calendar-feed',
    summary: 'Whether you have a calendar feed URL for this process (the URL itself is shown once)',
    tag: 'meetings',
    access: 'user',
    policy: 'process.read',
    params: processParams,
    async handler({ database, actor, params }) {
      return getMyCalendarFeed(database, actor, params.processId);
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/processes/:processId/calendar-feed',
    summary: 'Create your secret calendar feed URL (replaces any earlier one); shown once',
    tag: 'meetings',
    access: 'user',
    policy: 'feed.manage',
    params: processParams,
    status: 201,
    async handler({ database, actor, params, request }) {
      const created = await createCalendarFeed(database, actor, params.processId);
      return { feed: created.feed, url: `${originOf(request)}${created.path}` };
    },
  }),
  defineRoute({
    method: 'DELETE',
    path: '/api/v1/processes/:processId/calendar-feed',
    summary: 'Revoke your calendar feed URL: calendar apps using it stop receiving meetings',
    tag: 'meetings',
    access: 'user',
    policy: 'feed.manage',
    params: processParams,
    status: 204,
    async handler({ database, actor, params }) {
      await revokeCalendarFeed(database, actor, params.processId);
      return null;
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/calendar/:token',
    summary: 'An iCalendar (RFC 5545) feed of the meetings its owner may see, by its secret URL',
    tag: 'meetings',
    // The secret in the URL is the credential: calendar apps send no cookies or tokens.
    access: 'public',
    params: z.strictObject({ token: z.string().min(1).max(200) }),
    responseDescription: 'text/calendar',
    async handler({ database, params, request, reply }) {
      const feed = await serveCalendarFeed(database, params.token, originOf(request));
      reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('content-disposition', attachmentHeader(feed.fileName, 'inline'))
        .header('cache-control', 'no-store')
        // The URL is a secret: keep it out of Referer headers of anything the calendar links to.
        .header('referrer-policy', 'no-referrer');
      return feed.text;
    },
  }),
];
