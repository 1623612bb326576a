import {
  amendmentChangesSchema,
  amendmentDecisionSchema,
  amendmentListQuerySchema,
  amendmentParams,
  amendmentStepSchema,
  bulkSubmitSchema,
  newAmendmentSchema,
} from '../../services/amendments/amendment.schema.ts';
import {
  submitAmendment,
  submitAmendments,
  withdrawAmendment,
} from '../../services/amendments/change-amendment-state.ts';
import { decideAmendment } from '../../services/amendments/decide-amendment.ts';
import { editAmendment } from '../../services/amendments/edit-amendment.ts';
import { getAmendment, getPlanAmendments } from '../../services/amendments/list-amendments.ts';
import { proposeAmendment } from '../../services/amendments/propose-amendment.ts';
import { defineRoute } from '../http/route.ts';
import { planParams } from './plans.routes.ts';

/** A delegate's step on their party's amendment, taken against the revision they last saw. */
function stepRoute(step: 'submit' | 'withdraw', summary: string, run: typeof submitAmendment) {
  return defineRoute({
    method: 'POST',
    path: `/api/v1/plans/:planId/amendments/:amendmentId/${step}`,
    summary,
    tag: 'amendments',
    access: 'user',
    policy: 'amendment.write',
    params: amendmentParams,
    body: amendmentStepSchema,
    async handler({ database, actor, params, body }) {
      return { amendment: await run(database, actor, params.planId, params.amendmentId, body.revision) };
    },
  });
}

export const amendmentRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/plans/:planId/amendments',
    summary:
      "Amendments grouped by point, each with a redline against its base version: your party's own (drafts included); for the mediator, every party's once submitted",
    tag: 'amendments',
    access: 'user',
    policy: 'amendment.read',
    params: planParams,
    query: amendmentListQuerySchema,
    async handler({ database, actor, params, query }) {
      return getPlanAmendments(database, actor, params.planId, query);
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/plans/:planId/amendments',
    summary:
      'Propose an amendment for your party (replacement text, a new point or a deletion) against a version your party holds; kept as a draft unless `submit` is true',
    tag: 'amendments',
    access: 'user',
    policy: 'amendment.write',
    params: planParams,
    body: newAmendmentSchema,
    status: 201,
    async handler({ database, actor, params, body }) {
      return { amendment: await proposeAmendment(database, actor, params.planId, body) };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/plans/:planId/amendments/submit',
    summary: "Submit several of your party's draft amendments at once: all of them, or none if any cannot be",
    tag: 'amendments',
    access: 'user',
    policy: 'amendment.write',
    params: planParams,
    body: bulkSubmitSchema,
    async handler({ database, actor, params, body }) {
      return { items: await submitAmendments(database, actor, params.planId, body.ids) };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/plans/:planId/amendments/:amendmentId',
    summary: 'One amendment, with its redline, the reply and (once accepted) the text written in',
    tag: 'amendments',
    access: 'user',
    policy: 'amendment.read',
    params: amendmentParams,
    async handler({ database, actor, params }) {
      return { amendment: await getAmendment(database, actor, params.planId, params.amendmentId) };
    },
  }),
  defineRoute({
    method: 'PATCH',
    path: '/api/v1/plans/:planId/amendments/:amendmentId',
    summary: "Edit the text or rationale of your party's draft amendment",
    tag: 'amendments',
    access: 'user',
    policy: 'amendment.write',
    params: amendmentParams,
    body: amendmentChangesSchema,
    async handler({ database, actor, params, body }) {
      return { amendment: await editAmendment(database, actor, params.planId, params.amendmentId, body) };
    },
  }),
  stepRoute('submit', "Submit your party's draft amendment to the mediator", submitAmendment),
  stepRoute(
    'withdraw',
    "Withdraw your party's amendment (a draft, or one awaiting the mediator's decision)",
    withdrawAmendment,
  ),
  defineRoute({
    method: 'POST',
    path: '/api/v1/plans/:planId/amendments/:amendmentId/decision',
    summary:
      'Decide on a submitted amendment: accept or partly accept (writing the text, edited if need be, into the working draft) or reject, with a reply',
    tag: 'amendments',
    access: 'user',
    policy: 'amendment.decide',
    params: amendmentParams,
    body: amendmentDecisionSchema,
    async handler({ database, actor, params, body }) {
      return decideAmendment(database, actor, params.planId, params.amendmentId, body);
    },
  }),
];
