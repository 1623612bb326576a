import { agreementParams } from '../../services/monitoring/agreements/agreement.schema.ts';
import { exportMonitoringReport } from '../../services/monitoring/report/export-monitoring-report.ts';
import { reportQuerySchema } from '../../services/monitoring/report/report.schema.ts';
import { attachmentHeader } from '../http/content-disposition.ts';
import { defineRoute } from '../http/route.ts';

export const monitoringReportRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/processes/:processId/agreements/:agreementId/report',
    summary:
      'Download the implementation report as of a moment (Word or PDF): status, deadlines, progress, scores and charts',
    tag: 'monitoring',
    access: 'user',
    policy: 'monitoring.read',
    params: agreementParams,
    query: reportQuerySchema,
    responseDescription: 'the file, as an attachment, marked confidential for the reader’s party',
    async handler({ database, actor, params, query, reply }) {
      const file = await exportMonitoringReport(
        database,
        actor,
        params.processId,
        params.agreementId,
        query.format,
        query.asOf,
      );
      reply
        .header('content-type', file.mediaType)
        .header('content-disposition', attachmentHeader(file.fileName, 'attachment'))
        .header('cache-control', 'no-store');
      return Buffer.from(file.body);
    },
  }),
];
