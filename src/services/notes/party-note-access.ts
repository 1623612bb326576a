import { can, type Viewer } from '../../domain/access/policies.ts';
import type { PlanContent } from '../../domain/plans/plan.ts';
import { invalid } from '../../domain/shared/app-error.ts';
import { type PlanRow, versionContents } from '../../store/plans/plans.repository.ts';
import { contentsHeldBy } from '../../store/releases/releases.repository.ts';
import type { Tx } from '../../store/transaction.ts';

/**
 * Refuses a note on a point the viewer's party has never been shown: a delegate can annotate
 * only the text it holds, and a note must not become a way to probe for unreleased point ids.
 */
export async function assertPointVisible(
  tx: Tx,
  viewer: Viewer,
  plan: PlanRow,
  pointId: string,
): Promise<void> {
  const texts = can(viewer, 'draft.read')
    ? [plan.draft_content, ...(await versionContents(tx, plan.id))]
    : await contentsHeldBy(tx, plan.id, viewer.membership?.partyId ?? '');
  const seen = texts.some((t) => (JSON.parse(t) as PlanContent).points.some((p) => p.id === pointId));
  if (!seen) throw invalid('body.pointId', 'is not a point of any text of this plan your party holds');
}
