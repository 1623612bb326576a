import type { listPartyNotes } from '../../store/notes/party-notes.repository.ts';

type NoteRow = Awaited<ReturnType<typeof listPartyNotes>>[number];

/** A private note as its readers see it. */
export function presentPartyNote(row: NoteRow) {
  return {
    id: row.id,
    planId: row.plan_id,
    pointId: row.point_id,
    party: { id: row.party_id, name: row.party_name, code: row.party_code, colour: row.party_colour },
    author: { id: row.author_id, name: row.author_name },
    body: row.body,
    sharedWithMediator: row.shared_with_mediator === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
