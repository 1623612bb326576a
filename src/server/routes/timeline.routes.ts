import { getTimeline } from '../../services/timeline/get-timeline.ts';
import { timelineQuerySchema } from '../../services/timeline/timeline.schema.ts';
import { defineRoute } from '../http/route.ts';
import { processParams } from './processes.routes.ts';

export const timelineRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/processes/:processId/timeline',
    summary: 'One chronological view of the process: meetings, versions, releases, amendments, positions',
    tag: 'timeline',
    access: 'user',
    policy: 'process.read',
    params: processParams,
    query: timelineQuerySchema,
    responseDescription:
      'items oldest first (kind, event, at, title, detail, links, parties), the parties to filter by and the whole span. ' +
      'Mediators see everything; other members the versions their party holds, its meetings, amendments and positions.',
    async handler({ database, actor, params, query }) {
      return getTimeline(database, actor, params.processId, query);
    },
  }),
];
