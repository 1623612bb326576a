import { emailOf, partyOf, type Sample } from '../authorization-cases.ts';

/** The timeline of the process, and the negotiation brief ("own": the asker's party, "other": Veloria's). */
export const TIMELINE_SAMPLES: Record<string, Sample> = {
  'GET /api/v1/processes/:processId/timeline': async (fx) => ({
    method: 'GET',
    url: `/api/v1/processes/${fx.processId}/timeline`,
  }),
  'GET /api/v1/plans/:planId/brief': async (fx, c) => {
    const email = emailOf(c.role);
    const party =
      c.note === 'own' && email ? await partyOf(fx, email) : await partyOf(fx, 'lead@veloria.example');
    return { method: 'GET', url: `/api/v1/plans/${fx.planId}/brief?format=docx&party=${party}` };
  },
};
