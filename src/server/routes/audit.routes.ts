import { auditLogQuerySchema } from '../../services/audit/audit-log.schema.ts';
import { listAuditLog } from '../../services/audit/list-audit-log.ts';
import { defineRoute } from '../http/route.ts';
import { processParams } from './processes.routes.ts';

export const auditRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/processes/:processId/audit',
    summary: "The process's audit log, newest first, filtered by user, party, action and time (mediators)",
    tag: 'audit',
    access: 'user',
    policy: 'audit.read',
    params: processParams,
    query: auditLogQuerySchema,
    responseDescription:
      'entries (seq, at, actor, action, summary, subject, detail, short hash), nextBefore for the next page, and on the first page the actions present',
    async handler({ database, actor, params, query }) {
      return listAuditLog(database, actor, params.processId, query);
    },
  }),
];
