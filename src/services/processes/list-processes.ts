import { can } from '../../domain/access/policies.ts';
import type { Database } from '../../store/database.ts';
import { listProcessesFor } from '../../store/processes/processes.repository.ts';
import { viewerFrom } from '../access/authorize.ts';
import type { Actor } from '../access/sessions.ts';

/** The processes the actor is a member of; plan counts only where the actor may see the plans. */
export async function listProcesses(database: Database, actor: Actor) {
  const rows = await listProcessesFor(database.db, actor.user.id);
  return rows.map((r) => {
    const membership = r.role && r.party_id ? { role: r.role, party_id: r.party_id } : null;
    const seesPlans = can(viewerFrom(actor, membership), 'draft.read');
    return {
      id: r.id,
      title: r.title,
      description: r.description,
      createdAt: r.created_at,
      membership: membership
        ? { partyId: membership.party_id, partyName: r.party_name, role: membership.role }
        : null,
      // A count of plans a party was not given would itself say something; it is left out.
      planCount: seesPlans ? Number(r.plan_count ?? 0) : null,
    };
  });
}
