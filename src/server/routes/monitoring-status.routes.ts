import { agreementParams } from '../../services/monitoring/agreements/agreement.schema.ts';
import { getMonitoringStatus } from '../../services/monitoring/status/get-monitoring-status.ts';
import { statusQuerySchema } from '../../services/monitoring/status/status.schema.ts';
import { defineRoute, type RouteDef } from '../http/route.ts';

// biome-ignore lint/suspicious/noExplicitAny: routes differ in their parameter types; each is checked where defined.
export const monitoringStatusRoutes: RouteDef<any, any, any>[] = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/processes/:processId/agreements/:agreementId/status',
    summary:
      'Status of every commitment as of a moment, implementation by area, tag, party and phase, over time, overdue and due soon',
    tag: 'monitoring',
    access: 'user',
    policy: 'monitoring.read',
    params: agreementParams,
    query: statusQuerySchema,
    async handler({ database, actor, params, query }) {
      return getMonitoringStatus(database, actor, params.processId, params.agreementId, query);
    },
  }),
];
