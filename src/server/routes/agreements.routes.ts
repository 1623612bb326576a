import { adoptAgreement } from '../../services/monitoring/agreements/adopt-agreement.ts';
import {
  agreementChangesSchema,
  agreementListParams,
  agreementParams,
  newAgreementSchema,
} from '../../services/monitoring/agreements/agreement.schema.ts';
import { getAgreement } from '../../services/monitoring/agreements/get-agreement.ts';
import { listAgreements } from '../../services/monitoring/agreements/list-agreements.ts';
import { updateAgreement } from '../../services/monitoring/agreements/update-agreement.ts';
import { defineRoute, type RouteDef } from '../http/route.ts';

// biome-ignore lint/suspicious/noExplicitAny: routes differ in their parameter types; each is checked where defined.
export const agreementsRoutes: RouteDef<any, any, any>[] = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/processes/:processId/agreements',
    summary:
      'Agreements of the process: all for the mediator team, those on versions your party holds otherwise',
    tag: 'monitoring',
    access: 'user',
    policy: 'process.read',
    params: agreementListParams,
    async handler({ database, actor, params }) {
      return listAgreements(database, actor, params.processId);
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/processes/:processId/agreements',
    summary: 'Adopt a version as an agreement, with signatures, entry into force and phases',
    tag: 'monitoring',
    access: 'user',
    policy: 'agreement.manage',
    params: agreementListParams,
    body: newAgreementSchema,
    status: 201,
    async handler({ database, actor, params, body }) {
      return { agreement: await adoptAgreement(database, actor, params.processId, body) };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/processes/:processId/agreements/:agreementId',
    summary: 'An agreement with its adopted version, signatures, entry into force and phases',
    tag: 'monitoring',
    access: 'user',
    policy: 'monitoring.read',
    params: agreementParams,
    async handler({ database, actor, params }) {
      return { agreement: await getAgreement(database, actor, params.processId, params.agreementId) };
    },
  }),
  defineRoute({
    method: 'PATCH',
    path: '/api/v1/processes/:processId/agreements/:agreementId',
    summary: 'Change an agreement (title, adoption date, entry into force, signatures, phases) at a revision',
    tag: 'monitoring',
    access: 'user',
    policy: 'agreement.manage',
    params: agreementParams,
    body: agreementChangesSchema,
    async handler({ database, actor, params, body }) {
      return {
        agreement: await updateAgreement(database, actor, params.processId, params.agreementId, body),
      };
    },
  }),
];
