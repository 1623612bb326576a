import { z } from 'zod';
import { draftEditSchema } from '../../domain/plans/edit/draft-op.schema.ts';
import { createPlan } from '../../services/plans/create-plan.ts';
import { editDraft } from '../../services/plans/edit-draft.ts';
import { getPlanJson } from '../../services/plans/read-plan.ts';
import { defineRoute } from '../http/route.ts';
import { processParams } from './processes.routes.ts';

export const planParams = z.strictObject({ planId: z.string().min(1).max(64) });

export const planRoutes = [
  defineRoute({
    method: 'POST',
    path: '/api/v1/processes/:processId/plans',
    summary: 'Create an empty plan',
    tag: 'plans',
    access: 'user',
    policy: 'plan.create',
    params: processParams,
    body: z.strictObject({ title: z.string().trim().min(1, 'is required').max(300) }),
    status: 201,
    async handler({ database, actor, params, body }) {
      return { plan: await createPlan(database, actor, params.processId, { title: body.title }) };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/plans/:planId',
    summary: 'A plan: its working draft and version history',
    tag: 'plans',
    access: 'user',
    policy: 'draft.read',
    params: planParams,
    async handler({ database, actor, params, reply }) {
      reply.type('application/json; charset=utf-8');
      return getPlanJson(database, actor, params.planId);
    },
  }),
  defineRoute({
    method: 'PATCH',
    path: '/api/v1/plans/:planId/draft',
    summary: 'Apply one edit to the working draft (409 draft.conflict when it collides with a newer edit)',
    tag: 'plans',
    access: 'user',
    policy: 'draft.edit',
    params: planParams,
    body: draftEditSchema,
    async handler({ database, actor, params, body }) {
      return editDraft(database, actor, params.planId, body);
    },
  }),
];
