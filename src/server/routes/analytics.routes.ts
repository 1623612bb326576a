import {
  analysisPointBodySchema,
  applyPackageBodySchema,
  constraintsBodySchema,
  partyParams,
  pointParams,
  runAnalysisBodySchema,
} from '../../services/analytics/analytics.schema.ts';
import { applyPackage } from '../../services/analytics/apply-package.ts';
import { defineAnalysisPoint } from '../../services/analytics/define-analysis-point.ts';
import { getAnalysisSetup } from '../../services/analytics/get-analysis-setup.ts';
import { getPreferences } from '../../services/analytics/get-preferences.ts';
import { preferencesBodySchema } from '../../services/analytics/preferences.schema.ts';
import { putPreferences } from '../../services/analytics/put-preferences.ts';
import { removeAnalysisPoint } from '../../services/analytics/remove-analysis-point.ts';
import { runAnalysis } from '../../services/analytics/run-analysis.ts';
import { setConstraints } from '../../services/analytics/set-constraints.ts';
import { defineRoute } from '../http/route.ts';
import { planParams } from './plans.routes.ts';

export const analyticsRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/plans/:planId/analysis/setup',
    summary:
      'The analysis setup: points with their options, constraints, and which parties have stated preferences (a party sees only the points it holds)',
    tag: 'analytics',
    access: 'user',
    policy: 'plan.read',
    params: planParams,
    async handler({ database, actor, params }) {
      return getAnalysisSetup(database, actor, params.planId);
    },
  }),
  defineRoute({
    method: 'PUT',
    path: '/api/v1/plans/:planId/analysis/points/:pointId',
    summary: 'Take a point of the working draft into the analysis, as a good or with its options (≥ 2)',
    tag: 'analytics',
    access: 'user',
    policy: 'analysis.manage',
    params: pointParams,
    body: analysisPointBodySchema,
    async handler({ database, actor, params, body }) {
      return defineAnalysisPoint(database, actor, params.planId, params.pointId, body);
    },
  }),
  defineRoute({
    method: 'DELETE',
    path: '/api/v1/plans/:planId/analysis/points/:pointId',
    summary: 'Take a point out of the analysis, with its options and the constraints naming it',
    tag: 'analytics',
    access: 'user',
    policy: 'analysis.manage',
    params: pointParams,
    status: 204,
    async handler({ database, actor, params }) {
      await removeAnalysisPoint(database, actor, params.planId, params.pointId);
      return null;
    },
  }),
  defineRoute({
    method: 'PUT',
    path: '/api/v1/plans/:planId/analysis/constraints',
    summary: 'Replace the constraints between options ("requires", "excludes")',
    tag: 'analytics',
    access: 'user',
    policy: 'analysis.manage',
    params: planParams,
    body: constraintsBodySchema,
    async handler({ database, actor, params, body }) {
      return setConstraints(database, actor, params.planId, body);
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/plans/:planId/preferences/:partyId',
    summary:
      "A party's sealed preferences: for its own members, and for the mediator once the party shares them",
    tag: 'analytics',
    access: 'user',
    policy: 'preferences.read',
    params: partyParams,
    async handler({ database, actor, params }) {
      return getPreferences(database, actor, params.planId, params.partyId);
    },
  }),
  defineRoute({
    method: 'PUT',
    path: '/api/v1/plans/:planId/preferences/:partyId',
    summary:
      "State your party's preferences: weights (100 points), option scores, red lines, reservation, and whether the mediator may see them",
    tag: 'analytics',
    access: 'user',
    policy: 'preferences.write',
    params: partyParams,
    body: preferencesBodySchema,
    async handler({ database, actor, params, body }) {
      return putPreferences(database, actor, params.planId, params.partyId, body);
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/plans/:planId/analysis/run',
    summary:
      'Run the analysis: the Pareto frontier, Nash, Kalai–Smorodinsky, leximin and utilitarian packages with their ledgers (sealed parties stay sealed)',
    tag: 'analytics',
    access: 'user',
    policy: 'analysis.run',
    params: planParams,
    body: runAnalysisBodySchema,
    async handler({ database, actor, params }) {
      return runAnalysis(database, actor, params.planId);
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/plans/:planId/analysis/apply',
    summary:
      "Apply a package to the working draft: each contested point gets its chosen option's text, in one revision",
    tag: 'analytics',
    access: 'user',
    policy: 'analysis.manage',
    params: planParams,
    body: applyPackageBodySchema,
    async handler({ database, actor, params, body }) {
      return applyPackage(database, actor, params.planId, body);
    },
  }),
];
