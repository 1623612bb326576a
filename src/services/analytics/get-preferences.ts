import { can } from '../../domain/access/policies.ts';
import { AppError } from '../../domain/shared/app-error.ts';
import { findPartyPreferences } from '../../store/analytics/party-preferences.repository.ts';
import type { Database } from '../../store/database.ts';
import { findParty } from '../../store/processes/processes.repository.ts';
import type { Actor } from '../access/sessions.ts';
import { loadReadablePlan } from '../plans/plan-access.ts';
import { presentPreferences } from './preferences-presenter.ts';

/** Another party's preferences, an unshared party's for the mediator, or a party that is not there. */
export const preferencesNotFound = (planId: string, partyId: string) =>
  new AppError(
    'not_found',
    `preferences of party ${partyId} on plan ${planId} do not exist or are not shared with you`,
  );

/**
 * One party's preferences on a plan: for its own members, and for the mediator once the party
 * shares them. Anyone else is told they do not exist, exactly as for a party that has none.
 */
export async function getPreferences(database: Database, actor: Actor, planId: string, partyId: string) {
  return database.db.transaction().execute(async (tx) => {
    const { plan, viewer } = await loadReadablePlan(tx, actor, planId);
    const party = await findParty(tx, plan.process_id, partyId);
    if (!party) throw preferencesNotFound(planId, partyId);
    const row = await findPartyPreferences(tx, planId, partyId);
    const record = { partyId, sharedWithMediator: row?.shared_with_mediator === 1 };
    if (!can(viewer, 'preferences.read', { record })) throw preferencesNotFound(planId, partyId);
    return { preferences: row ? presentPreferences(row) : null };
  });
}
