import { z } from 'zod';
import { addPartyNote } from '../../services/notes/add-party-note.ts';
import { changePartyNote, removePartyNote } from '../../services/notes/change-party-note.ts';
import { getPartyNotes } from '../../services/notes/list-party-notes.ts';
import { newPartyNoteSchema, partyNoteChangesSchema } from '../../services/notes/party-note.schema.ts';
import { defineRoute } from '../http/route.ts';
import { planParams } from './plans.routes.ts';

const noteParams = z.strictObject({ planId: z.string().min(1).max(64), noteId: z.string().min(1).max(64) });

export const partyNoteRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/plans/:planId/notes',
    summary: "Your party's private notes on the plan (the mediator also sees notes shared with it)",
    tag: 'notes',
    access: 'user',
    policy: 'plan.read',
    params: planParams,
    async handler({ database, actor, params }) {
      return { items: await getPartyNotes(database, actor, params.planId) };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/plans/:planId/notes',
    summary: "Add a private note of your party on a point; only your party's members read it unless shared",
    tag: 'notes',
    access: 'user',
    policy: 'note.write',
    params: planParams,
    body: newPartyNoteSchema,
    status: 201,
    async handler({ database, actor, params, body }) {
      return { note: (await addPartyNote(database, actor, params.planId, body)).note };
    },
  }),
  defineRoute({
    method: 'PATCH',
    path: '/api/v1/plans/:planId/notes/:noteId',
    summary: 'Edit a note of your party, or share it with the mediator (or stop sharing)',
    tag: 'notes',
    access: 'user',
    policy: 'note.write',
    params: noteParams,
    body: partyNoteChangesSchema,
    async handler({ database, actor, params, body }) {
      return { note: (await changePartyNote(database, actor, params.planId, params.noteId, body)).note };
    },
  }),
  defineRoute({
    method: 'DELETE',
    path: '/api/v1/plans/:planId/notes/:noteId',
    summary: 'Delete a note of your party',
    tag: 'notes',
    access: 'user',
    policy: 'note.write',
    params: noteParams,
    status: 204,
    async handler({ database, actor, params }) {
      await removePartyNote(database, actor, params.planId, params.noteId);
      return null;
    },
  }),
];
