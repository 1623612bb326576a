import type { Sample } from '../authorization-cases.ts';
import { recordPartyOf } from './sample-records.ts';

/** The timeline of the process, and the negotiation brief ("own": the asker's party, "other": Veloria's). */
export const TIMELINE_SAMPLES: Record<string, Sample> = {
  'GET /api/v1/processes/:processId/timeline': async (fx) => ({
    method: 'GET',
    url: `/api/v1/processes/${fx.processId}/timeline`,
  }),
  'GET /api/v1/plans/:planId/brief': async (fx, c) => ({
    method: 'GET',
    url: `/api/v1/plans/${fx.planId}/brief?format=docx&party=${await recordPartyOf(fx, c)}`,
  }),
};
