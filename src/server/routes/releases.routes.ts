import { z } from 'zod';
import { getConsultationLog } from '../../services/releases/get-consultation-log.ts';
import { releaseSchema } from '../../services/releases/release.schema.ts';
import { releaseVersion } from '../../services/releases/release-version.ts';
import { defineRoute } from '../http/route.ts';
import { processParams } from './processes.routes.ts';

export const releaseRoutes = [
  defineRoute({
    method: 'POST',
    path: '/api/v1/plans/:planId/versions/:versionId/releases',
    summary: 'Release a version to one or more parties: from then on their members read it',
    tag: 'releases',
    access: 'user',
    policy: 'version.release',
    params: z.strictObject({ planId: z.string().min(1).max(64), versionId: z.string().min(1).max(64) }),
    body: releaseSchema,
    status: 201,
    async handler({ database, actor, params, body }) {
      const { releases } = await releaseVersion(database, actor, params.planId, params.versionId, body);
      return { releases };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/processes/:processId/releases',
    summary: 'The consultation log: which party holds which version, since when, released by whom',
    tag: 'releases',
    access: 'user',
    policy: 'process.read',
    params: processParams,
    responseDescription:
      'Mediators see every version and party; other members only the versions their party holds.',
    async handler({ database, actor, params }) {
      return getConsultationLog(database, actor, params.processId);
    },
  }),
];
