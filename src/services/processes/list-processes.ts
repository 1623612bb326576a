import { can } from '../../domain/access/policies.ts';
import type { Database } from '../../store/database.ts';
import { listProcessesFor } from '../../store/processes/processes.repository.ts';
import { countPlansHeldBy } from '../../store/releases/releases.repository.ts';
import { viewerFrom } from '../access/authorize.ts';
import type { Actor } from '../access/sessions.ts';

/** The processes the actor is a member of, each with the number of plans the actor may see. */
export async function listProcesses(database: Database, actor: Actor) {
  const rows = await listProcessesFor(database.db, actor.user.id);
  return Promise.all(
    rows.map(async (r) => {
      const membership = r.role && r.party_id ? { role: r.role, party_id: r.party_id } : null;
      const seesDraft = can(viewerFrom(actor, membership), 'draft.read');
      // Outside the mediator team a member counts the plans their party was given, and only those.
      const planCount = seesDraft
        ? Number(r.plan_count ?? 0)
        : membership
          ? await countPlansHeldBy(database.db, r.id, membership.party_id)
          : null;
      return {
        id: r.id,
        title: r.title,
        description: r.description,
        createdAt: r.created_at,
        membership: membership
          ? { partyId: membership.party_id, partyName: r.party_name, role: membership.role }
          : null,
        planCount,
      };
    }),
  );
}
