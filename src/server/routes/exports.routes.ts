import { z } from 'zod';
import { EXPORT_FORMATS, exportPlan } from '../../services/plans/export-plan.ts';
import { attachmentHeader } from '../http/content-disposition.ts';
import { defineRoute } from '../http/route.ts';
import { planParams } from './plans.routes.ts';

export const exportRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/plans/:planId/export',
    summary: 'Download the working draft or a version as Markdown, JSON, Word or PDF',
    tag: 'versions',
    access: 'user',
    policy: 'version.read',
    params: planParams,
    query: z
      .strictObject({
        format: z.enum(EXPORT_FORMATS),
        version: z.string().min(1).max(64).default('draft'),
        print: z
          .enum(['1'])
          .optional()
          .describe('"1": a PDF to open and print in the browser (shown inline, recorded as a print)'),
      })
      .refine((q) => q.print === undefined || q.format === 'pdf', {
        path: ['print'],
        message: 'printing is done from the PDF: use format=pdf',
      }),
    responseDescription: 'the file, as an attachment (inline when printing)',
    async handler({ database, actor, params, query, reply }) {
      const print = query.print === '1';
      const file = await exportPlan(database, actor, params.planId, query.version, query.format, print);
      reply
        .header('content-type', file.mediaType)
        .header('content-disposition', attachmentHeader(file.fileName, print ? 'inline' : 'attachment'))
        .header('cache-control', 'no-store');
      return typeof file.body === 'string' ? file.body : Buffer.from(file.body);
    },
  }),
];
