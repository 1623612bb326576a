import type { Sample } from '../authorization-cases.ts';
import { matrixAgreement } from './agreements.ts';

/** The report of the agreement on the case's version (Draft 2 held by all, Draft 3 by Veloria alone). */
export const MONITORING_REPORT_SAMPLES: Record<string, Sample> = {
  'GET /api/v1/processes/:processId/agreements/:agreementId/report': async (fx, c) => ({
    method: 'GET',
    url: `/api/v1/processes/${fx.processId}/agreements/${await matrixAgreement(fx, c)}/report?format=pdf`,
  }),
};
