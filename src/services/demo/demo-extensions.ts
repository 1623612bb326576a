import type { DemoContext } from './demo-context.ts';
import { loadDemoAmendments } from './load-demo-amendments.ts';
import { loadDemoAnalytics } from './load-demo-analytics.ts';
import { loadDemoComments } from './load-demo-comments.ts';
import { loadDemoMeetings } from './load-demo-meetings.ts';
import { loadDemoMonitoring } from './load-demo-monitoring.ts';
import { loadDemoPositions } from './load-demo-positions.ts';

/**
 * The loaders that add each area's demo content after the core process, in this order (later ones
 * may read what earlier ones wrote, e.g. the timeline reads meetings and amendments).
 */
export const DEMO_EXTENSIONS: ReadonlyArray<(ctx: DemoContext) => Promise<void>> = [
  loadDemoComments,
  loadDemoPositions,
  loadDemoAmendments,
  loadDemoMeetings,
  loadDemoAnalytics,
  loadDemoMonitoring,
];
