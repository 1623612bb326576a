import type { Selectable, Updateable } from 'kysely';
import type { PartyNoteTable } from '../schema.ts';
import type { Tx } from '../transaction.ts';

export type PartyNoteRow = Selectable<PartyNoteTable>;

export async function insertPartyNote(tx: Tx, row: PartyNoteRow): Promise<void> {
  await tx.insertInto('party_notes').values(row).execute();
}

export async function updatePartyNote(
  tx: Tx,
  id: string,
  changes: Updateable<PartyNoteTable>,
): Promise<void> {
  await tx.updateTable('party_notes').set(changes).where('id', '=', id).execute();
}

export async function deletePartyNote(tx: Tx, id: string): Promise<void> {
  await tx.deleteFrom('party_notes').where('id', '=', id).execute();
}

export async function findPartyNote(tx: Tx, planId: string, id: string) {
  return tx
    .selectFrom('party_notes')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** One note with author and party names. */
export async function findPartyNoteWithNames(tx: Tx, planId: string, id: string) {
  return notesWithNames(tx, planId).where('n.id', '=', id).executeTakeFirst();
}

function notesWithNames(tx: Tx, planId: string) {
  return tx
    .selectFrom('party_notes as n')
    .innerJoin('users as u', 'u.id', 'n.author_id')
    .innerJoin('parties as p', 'p.id', 'n.party_id')
    .selectAll('n')
    .select([
      'u.name as author_name',
      'p.name as party_name',
      'p.code as party_code',
      'p.colour as party_colour',
    ])
    .where('n.plan_id', '=', planId);
}

/**
 * Notes on a plan, with author and party names: the given party's own notes, plus, when
 * `sharedToo` is set, the notes other parties share with the mediator.
 */
export async function listPartyNotes(tx: Tx, planId: string, partyId: string, sharedToo: boolean) {
  return notesWithNames(tx, planId)
    .where((eb) =>
      sharedToo
        ? eb.or([eb('n.party_id', '=', partyId), eb('n.shared_with_mediator', '=', 1)])
        : eb('n.party_id', '=', partyId),
    )
    .orderBy('n.created_at')
    .orderBy('n.id')
    .execute();
}
