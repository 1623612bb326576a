import { getPartySummary } from '../../services/positions/get-party-summary.ts';
import { getPositionHistory } from '../../services/positions/get-position-history.ts';
import { getPositionsMatrix } from '../../services/positions/get-positions-matrix.ts';
import { newPositionSchema, positionHistoryQuerySchema } from '../../services/positions/positions.schema.ts';
import { recordPosition } from '../../services/positions/record-position.ts';
import { defineRoute } from '../http/route.ts';
import { planParams } from './plans.routes.ts';

export const positionRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/plans/:planId/positions',
    summary:
      "The positions matrix: points × parties with each party's current stance (the mediator sees every party, a party only its own)",
    tag: 'positions',
    access: 'user',
    policy: 'plan.read',
    params: planParams,
    async handler({ database, actor, params }) {
      return getPositionsMatrix(database, actor, params.planId);
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/plans/:planId/positions',
    summary:
      "State your party's position on a point of a version it holds; earlier positions stay as history",
    tag: 'positions',
    access: 'user',
    policy: 'position.write',
    params: planParams,
    body: newPositionSchema,
    status: 201,
    async handler({ database, actor, params, body }) {
      return { position: (await recordPosition(database, actor, params.planId, body)).position };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/plans/:planId/positions/history',
    summary:
      "One party's stance on one point through the versions (your own party's, or any for the mediator)",
    tag: 'positions',
    access: 'user',
    policy: 'position.read',
    params: planParams,
    query: positionHistoryQuerySchema,
    async handler({ database, actor, params, query }) {
      return getPositionHistory(database, actor, params.planId, query.pointId, query.partyId);
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/plans/:planId/positions/summary',
    summary: 'How far each side is heard: amendments taken in and stance moves across versions, per party',
    tag: 'positions',
    access: 'user',
    policy: 'plan.read',
    params: planParams,
    async handler({ database, actor, params }) {
      return getPartySummary(database, actor, params.planId);
    },
  }),
];
