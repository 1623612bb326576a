import { agreementParams } from '../../services/monitoring/agreements/agreement.schema.ts';
import {
  commitmentChangesSchema,
  commitmentParams,
  deriveCommitmentsSchema,
  newCommitmentSchema,
  progressSchema,
  scoreSchema,
} from '../../services/monitoring/commitments/commitment.schema.ts';
import { createCommitment } from '../../services/monitoring/commitments/create-commitment.ts';
import { deleteCommitment } from '../../services/monitoring/commitments/delete-commitment.ts';
import { deriveCommitments } from '../../services/monitoring/commitments/derive-from-text.ts';
import { getCommitment } from '../../services/monitoring/commitments/get-commitment.ts';
import { listCommitments } from '../../services/monitoring/commitments/list-commitments.ts';
import { recordProgress } from '../../services/monitoring/commitments/record-progress.ts';
import { recordScore } from '../../services/monitoring/commitments/record-score.ts';
import { updateCommitment } from '../../services/monitoring/commitments/update-commitment.ts';
import { asOfQuerySchema } from '../../services/monitoring/status/status.schema.ts';
import { defineRoute, type RouteDef } from '../http/route.ts';

// biome-ignore lint/suspicious/noExplicitAny: routes differ in their parameter types; each is checked where defined.
export const commitmentsRoutes: RouteDef<any, any, any>[] = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/processes/:processId/agreements/:agreementId/commitments',
    summary: 'Commitments of an agreement with their status, deadline, progress and score as of a moment',
    tag: 'monitoring',
    access: 'user',
    policy: 'monitoring.read',
    params: agreementParams,
    query: asOfQuerySchema,
    async handler({ database, actor, params, query }) {
      return listCommitments(database, actor, params.processId, params.agreementId, query.asOf);
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/processes/:processId/agreements/:agreementId/commitments',
    summary:
      'Add a commitment: obligated parties, what is to be done, deadline, quantity target, verification',
    tag: 'monitoring',
    access: 'user',
    policy: 'agreement.manage',
    params: agreementParams,
    body: newCommitmentSchema,
    status: 201,
    async handler({ database, actor, params, body }) {
      return {
        commitment: await createCommitment(database, actor, params.processId, params.agreementId, body),
      };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/processes/:processId/agreements/:agreementId/commitments/derive',
    summary: 'Derive draft commitments from the adopted text: one per point, or per sub-item, to edit',
    tag: 'monitoring',
    access: 'user',
    policy: 'agreement.manage',
    params: agreementParams,
    body: deriveCommitmentsSchema,
    status: 201,
    async handler({ database, actor, params, body }) {
      return deriveCommitments(database, actor, params.processId, params.agreementId, body);
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/processes/:processId/commitments/:commitmentId',
    summary: 'A commitment with its status, progress entries, score history and linked event reports',
    tag: 'monitoring',
    access: 'user',
    policy: 'monitoring.read',
    params: commitmentParams,
    async handler({ database, actor, params }) {
      return getCommitment(database, actor, params.processId, params.commitmentId);
    },
  }),
  defineRoute({
    method: 'PATCH',
    path: '/api/v1/processes/:processId/commitments/:commitmentId',
    summary: 'Change a commitment’s terms at a revision',
    tag: 'monitoring',
    access: 'user',
    policy: 'agreement.manage',
    params: commitmentParams,
    body: commitmentChangesSchema,
    async handler({ database, actor, params, body }) {
      return {
        commitment: await updateCommitment(database, actor, params.processId, params.commitmentId, body),
      };
    },
  }),
  defineRoute({
    method: 'DELETE',
    path: '/api/v1/processes/:processId/commitments/:commitmentId',
    summary: 'Remove a commitment with its progress and scores (not one that starts another’s clock)',
    tag: 'monitoring',
    access: 'user',
    policy: 'agreement.manage',
    params: commitmentParams,
    status: 204,
    async handler({ database, actor, params }) {
      await deleteCommitment(database, actor, params.processId, params.commitmentId);
      return null;
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/processes/:processId/commitments/:commitmentId/progress',
    summary: 'Record progress on a commitment: units delivered, completion, breach, dispute (monitors)',
    tag: 'monitoring',
    access: 'user',
    policy: 'commitment.record',
    params: commitmentParams,
    body: progressSchema,
    status: 201,
    async handler({ database, actor, params, body }) {
      return {
        commitment: await recordProgress(database, actor, params.processId, params.commitmentId, body),
      };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/processes/:processId/commitments/:commitmentId/scores',
    summary: 'Score a commitment’s implementation 0–3 with justification and evidence (monitors)',
    tag: 'monitoring',
    access: 'user',
    policy: 'commitment.record',
    params: commitmentParams,
    body: scoreSchema,
    status: 201,
    async handler({ database, actor, params, body }) {
      return {
        commitment: await recordScore(database, actor, params.processId, params.commitmentId, body),
      };
    },
  }),
];
