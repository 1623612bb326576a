import { z } from 'zod';
import { compareTexts } from '../../services/plans/compare-texts.ts';
import { cutVersion } from '../../services/plans/cut-version.ts';
import { getVersions, readPlanText } from '../../services/plans/read-plan.ts';
import { defineRoute } from '../http/route.ts';
import { planParams } from './plans.routes.ts';

const textRef = z.string().min(1).max(64).describe('a version id, or "draft" for the working draft');

export const versionRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/plans/:planId/versions',
    summary: 'Versions of a plan, newest first',
    tag: 'versions',
    access: 'user',
    policy: 'plan.read',
    params: planParams,
    async handler({ database, actor, params }) {
      return getVersions(database, actor, params.planId);
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/plans/:planId/versions',
    summary: 'Cut a version: freeze the working draft as an immutable, content-hashed snapshot',
    tag: 'versions',
    access: 'user',
    policy: 'version.cut',
    params: planParams,
    body: z.strictObject({
      note: z.string().max(2000).optional(),
      label: z.string().trim().max(100).optional(),
    }),
    status: 201,
    async handler({ database, actor, params, body }) {
      return { version: await cutVersion(database, actor, params.planId, body) };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/plans/:planId/versions/:versionId',
    summary: 'One version with its text',
    tag: 'versions',
    access: 'user',
    policy: 'version.read',
    params: z.strictObject({ planId: z.string().min(1).max(64), versionId: z.string().min(1).max(64) }),
    async handler({ database, actor, params }) {
      const text = await readPlanText(database, actor, params.planId, params.versionId, 'view');
      return { version: 'version' in text ? text.version : null, content: text.content };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/plans/:planId/redline',
    summary: 'Redline two texts of a plan: points aligned by identity, then word by word',
    tag: 'versions',
    access: 'user',
    policy: 'version.read',
    params: planParams,
    query: z.strictObject({ from: textRef, to: textRef.default('draft') }),
    async handler({ database, actor, params, query }) {
      return compareTexts(database, actor, params.planId, query.from, query.to);
    },
  }),
];
