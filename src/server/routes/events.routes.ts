import { authorize, viewerIn } from '../../services/access/authorize.ts';
import { processNotFound } from '../../services/processes/add-party.ts';
import { defineRoute } from '../http/route.ts';
import { processParams } from './processes.routes.ts';

export const eventRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/processes/:processId/events',
    summary: 'Live updates of one process, as server-sent events',
    tag: 'processes',
    access: 'user',
    policy: 'process.read',
    params: processParams,
    responseDescription:
      'A text/event-stream. Each event is one JSON `data:` line naming what changed and where ' +
      '(`draft.changed`, `version.cut`, `release.created`, `note.changed`, `membership.changed`) with ' +
      'ids only, never text: re-fetch it through the API. You receive only events about what you may ' +
      'read. Missed events are not replayed (Last-Event-ID is ignored): re-fetch after reconnecting.',
    async handler({ database, actor, params, request, reply, live }) {
      const viewer = await viewerIn(database.db, actor, params.processId);
      authorize(viewer, 'process.read', () => processNotFound(params.processId));
      live.open({ processId: params.processId, actor, viewer, request, reply });
      return reply;
    },
  }),
];
