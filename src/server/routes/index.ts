import type { RouteDef } from '../http/route.ts';
import { accountRoutes } from './account.routes.ts';
import { agreementsRoutes } from './agreements.routes.ts';
import { amendmentRoutes } from './amendments.routes.ts';
import { analyticsRoutes } from './analytics.routes.ts';
import { auditRoutes } from './audit.routes.ts';
import { authRoutes } from './auth.routes.ts';
import { briefRoutes } from './briefs.routes.ts';
import { commentRoutes } from './comments.routes.ts';
import { commitmentsRoutes } from './commitments.routes.ts';
import { counterProposalRoutes } from './counter-proposals.routes.ts';
import { eventImportsRoutes } from './event-imports.routes.ts';
import { eventReportsRoutes } from './event-reports.routes.ts';
import { eventRoutes } from './events.routes.ts';
import { exportRoutes } from './exports.routes.ts';
import { healthRoutes } from './health.routes.ts';
import { importRoutes } from './imports.routes.ts';
import { meetingRoutes } from './meetings.routes.ts';
import { monitoringReportRoutes } from './monitoring-report.routes.ts';
import { monitoringStatusRoutes } from './monitoring-status.routes.ts';
import { partyNoteRoutes } from './party-notes.routes.ts';
import { planRoutes } from './plans.routes.ts';
import { positionRoutes } from './positions.routes.ts';
import { processRoutes } from './processes.routes.ts';
import { releaseRoutes } from './releases.routes.ts';
import { taxonomyRoutes } from './taxonomy.routes.ts';
import { timelineRoutes } from './timeline.routes.ts';
import { versionRoutes } from './versions.routes.ts';
import { webhooksRoutes } from './webhooks.routes.ts';
import { zonesRoutes } from './zones.routes.ts';

/** Every API route: registered by the app, documented in OpenAPI, walked by the authorization tests. */
// biome-ignore lint/suspicious/noExplicitAny: routes differ in their parameter types; each is checked where defined.
export const ROUTES: RouteDef<any, any, any>[] = [
  ...healthRoutes,
  ...authRoutes,
  ...accountRoutes,
  ...taxonomyRoutes,
  ...processRoutes,
  ...planRoutes,
  ...importRoutes,
  ...versionRoutes,
  ...exportRoutes,
  ...eventRoutes,
  ...releaseRoutes,
  ...partyNoteRoutes,
  ...amendmentRoutes,
  ...counterProposalRoutes,
  ...positionRoutes,
  ...commentRoutes,
  ...meetingRoutes,
  ...auditRoutes,
  ...timelineRoutes,
  ...briefRoutes,
  ...analyticsRoutes,
  ...agreementsRoutes,
  ...commitmentsRoutes,
  ...monitoringStatusRoutes,
  ...eventReportsRoutes,
  ...eventImportsRoutes,
  ...zonesRoutes,
  ...webhooksRoutes,
  ...monitoringReportRoutes,
];
