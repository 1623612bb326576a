import type { Sample } from '../authorization-cases.ts';
import { matrixAgreement } from './agreements.ts';

export const MONITORING_STATUS_SAMPLES: Record<string, Sample> = {
  'GET /api/v1/processes/:processId/agreements/:agreementId/status': async (fx, c) => ({
    method: 'GET',
    url: `/api/v1/processes/${fx.processId}/agreements/${await matrixAgreement(fx, c)}/status?dueWithinHours=48`,
  }),
};
