import { changeEventStatus } from '../../services/monitoring/events/change-event-status.ts';
import { eventMap } from '../../services/monitoring/events/event-map.ts';
import {
  eventLinkParams,
  eventLinkSchema,
  eventListQuerySchema,
  eventMapQuerySchema,
  eventParams,
  eventReportChangesSchema,
  eventStatusChangeSchema,
  newEventReportSchema,
} from '../../services/monitoring/events/event-report.schema.ts';
import { fileEventReport } from '../../services/monitoring/events/file-event-report.ts';
import { getEventReport } from '../../services/monitoring/events/get-event-report.ts';
import {
  linkEventToCommitment,
  unlinkEventFromCommitment,
} from '../../services/monitoring/events/link-event-commitment.ts';
import { listEventReports } from '../../services/monitoring/events/list-event-reports.ts';
import { updateEventReport } from '../../services/monitoring/events/update-event-report.ts';
import { defineRoute, type RouteDef } from '../http/route.ts';
import { processParams } from './processes.routes.ts';

const base = '/api/v1/processes/:processId/event-reports';

// biome-ignore lint/suspicious/noExplicitAny: routes differ in their parameter types; each is checked where defined.
export const eventReportsRoutes: RouteDef<any, any, any>[] = [
  defineRoute({
    method: 'GET',
    path: base,
    summary:
      'Event reports you may read, newest first: all for the mission, verified ones and your party’s otherwise',
    tag: 'monitoring',
    access: 'user',
    policy: 'process.read',
    params: processParams,
    query: eventListQuerySchema,
    async handler({ database, actor, params, query }) {
      return listEventReports(database, actor, params.processId, query);
    },
  }),
  defineRoute({
    method: 'GET',
    path: `${base}/map`,
    summary:
      'Located events you may read as compact rows for the map: [id, lon, lat, typeIndex, epochSeconds, statusIndex]',
    tag: 'monitoring',
    access: 'user',
    policy: 'process.read',
    params: processParams,
    query: eventMapQuerySchema,
    async handler({ database, actor, params, query }) {
      return eventMap(database, actor, params.processId, query);
    },
  }),
  defineRoute({
    method: 'POST',
    path: base,
    summary: 'File an event report (a delegate files it for their party; the mission as itself)',
    tag: 'monitoring',
    access: 'user',
    policy: 'event.report',
    params: processParams,
    body: newEventReportSchema,
    status: 201,
    async handler({ database, actor, params, body }) {
      return { eventReport: await fileEventReport(database, actor, params.processId, body) };
    },
  }),
  defineRoute({
    method: 'GET',
    path: `${base}/:eventId`,
    summary: 'An event report with its verification history and the commitments it concerns',
    tag: 'monitoring',
    access: 'user',
    policy: 'event.read',
    params: eventParams,
    async handler({ database, actor, params }) {
      return { eventReport: await getEventReport(database, actor, params.processId, params.eventId) };
    },
  }),
  defineRoute({
    method: 'PATCH',
    path: `${base}/:eventId`,
    summary: 'Correct an event report (the mission), naming the revision you read',
    tag: 'monitoring',
    access: 'user',
    policy: 'event.verify',
    params: eventParams,
    body: eventReportChangesSchema,
    async handler({ database, actor, params, body }) {
      return {
        eventReport: await updateEventReport(database, actor, params.processId, params.eventId, body),
      };
    },
  }),
  defineRoute({
    method: 'POST',
    path: `${base}/:eventId/status`,
    summary: 'Move an event report through verification; attribute it to a party when verified or unverified',
    tag: 'monitoring',
    access: 'user',
    policy: 'event.verify',
    params: eventParams,
    body: eventStatusChangeSchema,
    async handler({ database, actor, params, body }) {
      return {
        eventReport: await changeEventStatus(database, actor, params.processId, params.eventId, body),
      };
    },
  }),
  defineRoute({
    method: 'POST',
    path: `${base}/:eventId/links`,
    summary:
      'Link an event report to a commitment; with progress, a verified report also moves the commitment',
    tag: 'monitoring',
    access: 'user',
    policy: 'event.verify',
    params: eventParams,
    body: eventLinkSchema,
    status: 201,
    async handler({ database, actor, params, body }) {
      return linkEventToCommitment(database, actor, params.processId, params.eventId, body);
    },
  }),
  defineRoute({
    method: 'DELETE',
    path: `${base}/:eventId/links/:commitmentId`,
    summary: 'Unlink an event report from a commitment (progress it brought stays on record)',
    tag: 'monitoring',
    access: 'user',
    policy: 'event.verify',
    params: eventLinkParams,
    status: 204,
    async handler({ database, actor, params }) {
      await unlinkEventFromCommitment(database, actor, params.processId, params.eventId, params.commitmentId);
      return null;
    },
  }),
];
