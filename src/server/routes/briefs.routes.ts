import { briefQuerySchema } from '../../services/briefs/brief.schema.ts';
import { exportBrief } from '../../services/briefs/export-brief.ts';
import { attachmentHeader } from '../http/content-disposition.ts';
import { defineRoute } from '../http/route.ts';
import { planParams } from './plans.routes.ts';

export const briefRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/plans/:planId/brief',
    summary:
      'Download a negotiation brief (Word or PDF): the text with stances, open amendments, next meetings',
    tag: 'briefs',
    access: 'user',
    policy: 'brief.export',
    params: planParams,
    query: briefQuerySchema,
    responseDescription:
      'the file, as an attachment. Mediators get the working draft with the stances of one party or all; ' +
      'other members the newest version their party holds with its own stances, marked for leak tracing.',
    async handler({ database, actor, params, query, reply }) {
      const file = await exportBrief(database, actor, params.planId, query.format, query.party);
      reply
        .header('content-type', file.mediaType)
        .header('content-disposition', attachmentHeader(file.fileName, 'attachment'))
        .header('cache-control', 'no-store');
      return Buffer.from(file.body);
    },
  }),
];
