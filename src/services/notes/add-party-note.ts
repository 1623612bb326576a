import type { z } from 'zod';
import { newId } from '../../domain/shared/ids.ts';
import { appendAudit } from '../../store/audit/audit.repository.ts';
import type { Database } from '../../store/database.ts';
import { findPartyNoteWithNames, insertPartyNote } from '../../store/notes/party-notes.repository.ts';
import { authorize } from '../access/authorize.ts';
import type { Actor } from '../access/sessions.ts';
import { publishLiveEvent } from '../live/live-bus.ts';
import { loadReadablePlan, planNotFound } from '../plans/plan-access.ts';
import type { newPartyNoteSchema } from './party-note.schema.ts';
import { assertPointVisible } from './party-note-access.ts';
import { presentPartyNote } from './party-note-presenter.ts';

/** Adds a private note of the actor's party on a point. The audit entry records the note, not its text. */
export async function addPartyNote(
  database: Database,
  actor: Actor,
  planId: string,
  input: z.output<typeof newPartyNoteSchema>,
) {
  const added = await database.db.transaction().execute(async (tx) => {
    const { plan, viewer } = await loadReadablePlan(tx, actor, planId);
    const partyId = viewer.membership?.partyId ?? '';
    authorize(viewer, 'note.write', () => planNotFound(planId), {
      note: { partyId, sharedWithMediator: input.sharedWithMediator },
    });
    await assertPointVisible(tx, viewer, plan, input.pointId);
    const now = new Date().toISOString();
    const id = newId('pnt');
    await insertPartyNote(tx, {
      id,
      process_id: plan.process_id,
      plan_id: planId,
      point_id: input.pointId,
      party_id: partyId,
      author_id: actor.user.id,
      body: input.body,
      shared_with_mediator: input.sharedWithMediator ? 1 : 0,
      created_at: now,
      updated_at: now,
    });
    await appendAudit(tx, {
      processId: plan.process_id,
      actorId: actor.user.id,
      action: 'note.create',
      subjectType: 'party_note',
      subjectId: id,
      detail: { planId, pointId: input.pointId, partyId, shared: input.sharedWithMediator },
    });
    const row = await findPartyNoteWithNames(tx, planId, id);
    return { processId: plan.process_id, note: presentPartyNote(row!) };
  });
  await publishLiveEvent(database, {
    type: 'note.changed',
    processId: added.processId,
    planId,
    partyId: added.note.party.id,
    sharedWithMediator: added.note.sharedWithMediator,
  });
  return added;
}
