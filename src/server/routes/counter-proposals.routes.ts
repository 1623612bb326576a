import {
  counterProposalCreateSchema,
  counterProposalPreviewSchema,
} from '../../services/amendments/counter-proposal.schema.ts';
import {
  importCounterProposal,
  previewCounterProposal,
} from '../../services/amendments/import-counter-proposal.ts';
import { MAX_IMPORT_BYTES } from '../../services/plans/plan-source.schema.ts';
import { defineRoute } from '../http/route.ts';
import { planParams } from './plans.routes.ts';

// Base64 grows a file by a third; leave room for the JSON around it (as plan imports do).
const COUNTER_BODY_LIMIT = Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 64 * 1024;

export const counterProposalRoutes = [
  defineRoute({
    method: 'POST',
    path: '/api/v1/plans/:planId/counter-proposals/preview',
    summary:
      "Align your party's counter-text (pasted text or .docx) to a version it holds and list the amendments it would make; writes nothing",
    tag: 'amendments',
    access: 'user',
    policy: 'amendment.write',
    params: planParams,
    body: counterProposalPreviewSchema,
    opaqueBodyFields: ['text'],
    bodyLimit: COUNTER_BODY_LIMIT,
    async handler({ database, actor, params, body }) {
      return previewCounterProposal(database, actor, params.planId, body);
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/plans/:planId/counter-proposals',
    summary:
      "Turn your party's counter-text into draft amendments, one per changed point (all, or the changes named); the mediator sees them once submitted",
    tag: 'amendments',
    access: 'user',
    policy: 'amendment.write',
    params: planParams,
    body: counterProposalCreateSchema,
    opaqueBodyFields: ['text'],
    bodyLimit: COUNTER_BODY_LIMIT,
    status: 201,
    async handler({ database, actor, params, body }) {
      return importCounterProposal(database, actor, params.planId, body);
    },
  }),
];
