import { can } from '../../domain/access/policies.ts';
import type { Database } from '../../store/database.ts';
import { listPartyNotes } from '../../store/notes/party-notes.repository.ts';
import type { Actor } from '../access/sessions.ts';
import { loadReadablePlan } from '../plans/plan-access.ts';
import { presentPartyNote } from './party-note-presenter.ts';

/**
 * The private notes on a plan the actor may read: their own party's, and for the mediator team
 * also the notes other parties chose to share with it. Each row is checked by the policy too.
 */
export async function getPartyNotes(database: Database, actor: Actor, planId: string) {
  const { viewer } = await loadReadablePlan(database.db, actor, planId);
  const partyId = viewer.membership?.partyId ?? '';
  const rows = await listPartyNotes(database.db, planId, partyId, can(viewer, 'draft.read'));
  return rows
    .filter((r) =>
      can(viewer, 'note.read', {
        note: { partyId: r.party_id, sharedWithMediator: r.shared_with_mediator === 1 },
      }),
    )
    .map(presentPartyNote);
}
