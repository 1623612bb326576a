import type { z } from 'zod';
import { can } from '../../domain/access/policies.ts';
import { AppError } from '../../domain/shared/app-error.ts';
import { appendAudit } from '../../store/audit/audit.repository.ts';
import type { Database } from '../../store/database.ts';
import {
  deletePartyNote,
  findPartyNote,
  findPartyNoteWithNames,
  type PartyNoteRow,
  updatePartyNote,
} from '../../store/notes/party-notes.repository.ts';
import type { Tx } from '../../store/transaction.ts';
import { authorize } from '../access/authorize.ts';
import type { Actor } from '../access/sessions.ts';
import { publishLiveEvent } from '../live/live-bus.ts';
import { loadReadablePlan } from '../plans/plan-access.ts';
import type { partyNoteChangesSchema } from './party-note.schema.ts';
import { presentPartyNote } from './party-note-presenter.ts';

const noteNotFound = (id: string) =>
  new AppError('not_found', `note ${id} does not exist or is not yours to read`);

/** Loads a note the actor's party may change; another party's note is "not found" unless readable. */
async function loadWritableNote(tx: Tx, actor: Actor, planId: string, noteId: string) {
  const { plan, viewer } = await loadReadablePlan(tx, actor, planId);
  const note = await findPartyNote(tx, planId, noteId);
  const subject = note && {
    note: { partyId: note.party_id, sharedWithMediator: note.shared_with_mediator === 1 },
  };
  if (!note || !subject || !can(viewer, 'note.read', subject)) throw noteNotFound(noteId);
  authorize(viewer, 'note.write', () => noteNotFound(noteId), subject);
  return { plan, note };
}

/** Edits a party's note or changes whether the mediator may read it. */
export async function changePartyNote(
  database: Database,
  actor: Actor,
  planId: string,
  noteId: string,
  changes: z.output<typeof partyNoteChangesSchema>,
) {
  const changed = await database.db.transaction().execute(async (tx) => {
    const { plan, note } = await loadWritableNote(tx, actor, planId, noteId);
    const shared = changes.sharedWithMediator ?? note.shared_with_mediator === 1;
    await updatePartyNote(tx, noteId, {
      body: changes.body ?? note.body,
      shared_with_mediator: shared ? 1 : 0,
      updated_at: new Date().toISOString(),
    });
    await appendAudit(
      tx,
      noteAudit(actor, note, 'note.update', { shared, textChanged: changes.body !== undefined }),
    );
    const row = await findPartyNoteWithNames(tx, planId, noteId);
    return {
      processId: plan.process_id,
      note: presentPartyNote(row!),
      wasShared: note.shared_with_mediator === 1,
    };
  });
  // A note that stops being shared must also leave the mediator's screen: tell them too.
  await publishLiveEvent(database, {
    type: 'note.changed',
    processId: changed.processId,
    planId,
    partyId: changed.note.party.id,
    sharedWithMediator: changed.note.sharedWithMediator || changed.wasShared,
  });
  return changed;
}

/** Deletes a party's note; the audit log keeps that it existed, never what it said. */
export async function removePartyNote(database: Database, actor: Actor, planId: string, noteId: string) {
  const removed = await database.db.transaction().execute(async (tx) => {
    const { plan, note } = await loadWritableNote(tx, actor, planId, noteId);
    await deletePartyNote(tx, noteId);
    await appendAudit(tx, noteAudit(actor, note, 'note.delete', {}));
    return { processId: plan.process_id, partyId: note.party_id, wasShared: note.shared_with_mediator === 1 };
  });
  await publishLiveEvent(database, {
    type: 'note.changed',
    processId: removed.processId,
    planId,
    partyId: removed.partyId,
    sharedWithMediator: removed.wasShared,
  });
  return removed;
}

function noteAudit(actor: Actor, note: PartyNoteRow, action: string, extra: Record<string, unknown>) {
  return {
    processId: note.process_id,
    actorId: actor.user.id,
    action,
    subjectType: 'party_note',
    subjectId: note.id,
    detail: { planId: note.plan_id, pointId: note.point_id, partyId: note.party_id, ...extra },
  };
}
