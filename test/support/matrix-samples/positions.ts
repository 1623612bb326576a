import { next, type Sample } from '../authorization-cases.ts';
import { recordPartyOf } from './sample-records.ts';

/** The positions routes: the matrix, recording a stance, one cell's history, and the per-party summary. */
export const POSITIONS_SAMPLES: Record<string, Sample> = {
  'GET /api/v1/plans/:planId/positions': async (fx) => ({
    method: 'GET',
    url: `/api/v1/plans/${fx.planId}/positions`,
  }),
  // A new position is always the asker's own party's, stated on Draft 2, which every party holds
  // (position.write does not depend on the version, so both version cases use it).
  'POST /api/v1/plans/:planId/positions': async (fx, c) =>
    c.note === 'other'
      ? null
      : {
          method: 'POST',
          url: `/api/v1/plans/${fx.planId}/positions`,
          payload: {
            pointId: fx.sharedPointId,
            versionId: fx.released.id,
            stance: 'reservations',
            priority: 3,
            rationale: `Matrix rationale ${next()}`,
            rationaleShared: false,
          },
        },
  'GET /api/v1/plans/:planId/positions/history': async (fx, c) => ({
    method: 'GET',
    url: `/api/v1/plans/${fx.planId}/positions/history?pointId=${fx.sharedPointId}&partyId=${await recordPartyOf(fx, c)}`,
  }),
  'GET /api/v1/plans/:planId/positions/summary': async (fx) => ({
    method: 'GET',
    url: `/api/v1/plans/${fx.planId}/positions/summary`,
  }),
};
