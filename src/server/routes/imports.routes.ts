import { authorize, viewerIn } from '../../services/access/authorize.ts';
import { importPlan } from '../../services/plans/import-plan.ts';
import {
  importPlanSchema,
  MAX_IMPORT_BYTES,
  planSourceSchema,
} from '../../services/plans/plan-source.schema.ts';
import { type RawPlanSource, readPlanSource } from '../../services/plans/read-plan-source.ts';
import { processNotFound } from '../../services/processes/add-party.ts';
import { defineRoute } from '../http/route.ts';
import { processParams } from './processes.routes.ts';

// Base64 grows a file by a third; leave room for the JSON around it.
const IMPORT_BODY_LIMIT = Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 64 * 1024;

function rawSource(body: {
  format: 'text' | 'docx' | 'json';
  text?: string | undefined;
  contentBase64?: string | undefined;
}): RawPlanSource {
  if (body.format === 'docx')
    return { format: 'docx', bytes: Buffer.from(body.contentBase64 ?? '', 'base64') };
  return { format: body.format, text: body.text ?? '' };
}

export const importRoutes = [
  defineRoute({
    method: 'POST',
    path: '/api/v1/processes/:processId/imports/preview',
    summary: 'Parse a plan (text, .docx or Entente JSON) and show its structure and problems; writes nothing',
    tag: 'plans',
    access: 'user',
    policy: 'plan.create',
    params: processParams,
    body: planSourceSchema,
    opaqueBodyFields: ['text'],
    bodyLimit: IMPORT_BODY_LIMIT,
    async handler({ database, actor, params, body }) {
      authorize(await viewerIn(database.db, actor, params.processId), 'plan.create', () =>
        processNotFound(params.processId),
      );
      return readPlanSource(rawSource(body));
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/processes/:processId/plans/import',
    summary: 'Import a plan as a new working draft: all of it, or nothing',
    tag: 'plans',
    access: 'user',
    policy: 'plan.create',
    params: processParams,
    body: importPlanSchema,
    opaqueBodyFields: ['text'],
    bodyLimit: IMPORT_BODY_LIMIT,
    status: 201,
    async handler({ database, actor, params, body }) {
      return importPlan(database, actor, params.processId, rawSource(body), body.title);
    },
  }),
];
