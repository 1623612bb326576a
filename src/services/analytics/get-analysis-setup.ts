import { listPreferenceStatus } from '../../store/analytics/party-preferences.repository.ts';
import type { Database } from '../../store/database.ts';
import type { Actor } from '../access/sessions.ts';
import { loadReadablePlan } from '../plans/plan-access.ts';
import {
  loadAnalysisView,
  negotiatingParties,
  presentAnalysisPoint,
  presentConstraint,
} from './analysis-access.ts';

/**
 * The analysis setup: its points with their options, the constraints, and the parties with whether
 * they have stated (and share) preferences. The mediator sees all of it; a party only the points
 * it holds, the constraints among them, and itself. No preference numbers ever appear here.
 */
export async function getAnalysisSetup(database: Database, actor: Actor, planId: string) {
  return database.db.transaction().execute(async (tx) => {
    const { plan, viewer } = await loadReadablePlan(tx, actor, planId);
    const view = await loadAnalysisView(tx, viewer, plan);
    const status = new Map((await listPreferenceStatus(tx, planId)).map((s) => [s.party_id, s]));
    const ownParty = viewer.membership?.partyId ?? '';
    const parties = (await negotiatingParties(tx, plan.process_id))
      .filter((p) => view.mediator || p.id === ownParty)
      .map((p) => ({
        ...p,
        hasPreferences: status.has(p.id),
        sharedWithMediator: status.get(p.id)?.shared_with_mediator === 1,
      }));
    return {
      plan: { id: plan.id, processId: plan.process_id, title: view.title },
      viewer: viewer.membership,
      points: view.points.map(presentAnalysisPoint),
      constraints: view.constraints.map(presentConstraint),
      parties,
    };
  });
}
