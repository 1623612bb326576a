import type { PlanContent } from '../../domain/plans/plan.ts';
import type { Tx } from '../../store/transaction.ts';

/**
 * What the core demo loader has written, for the loaders of each later area (positions,
 * amendments, meetings…) to build on, in the same transaction.
 */
export interface DemoContext {
  tx: Tx;
  processId: string;
  planId: string;
  /** Party ids by the demo's party key ('envoy', 'veloria', 'karst', 'bcc', 'ccv'). */
  partyIds: ReadonlyMap<string, string>;
  /** User ids by demo e-mail. */
  userIds: ReadonlyMap<string, string>;
  /** Version ids by label ('Draft 1', 'Draft 2', 'Draft 3'), and their contents. */
  versionIds: ReadonlyMap<string, string>;
  versions: ReadonlyMap<string, PlanContent>;
  /** The working draft as loaded (newer than Draft 3). */
  draft: PlanContent;
  /** The ISO time `daysAgo` days (fractions allowed) before the demo's "now". */
  at(daysAgo: number): string;
  now: Date;
}

/** Finds a point of a demo version by its shown number, or fails loudly: demo data must match the plan. */
export function demoPoint(ctx: DemoContext, versionLabel: string, pointNumber: string) {
  const point = ctx.versions.get(versionLabel)?.points.find((p) => p.number === pointNumber);
  if (!point) throw new Error(`demo: no point ${pointNumber} in ${versionLabel}`);
  return point;
}
