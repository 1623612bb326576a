import type { Selectable, Updateable } from 'kysely';
import type { MeetingTable } from '../schema.ts';
import type { Tx } from '../transaction.ts';

export type MeetingRow = Selectable<MeetingTable>;

export async function insertMeeting(tx: Tx, row: MeetingRow): Promise<void> {
  await tx.insertInto('meetings').values(row).execute();
}

export async function updateMeeting(tx: Tx, id: string, changes: Updateable<MeetingTable>): Promise<void> {
  await tx.updateTable('meetings').set(changes).where('id', '=', id).execute();
}

export async function findMeeting(tx: Tx, processId: string, id: string): Promise<MeetingRow | undefined> {
  return tx
    .selectFrom('meetings')
    .selectAll()
    .where('process_id', '=', processId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * The meetings of a process by start time; with `partyId`, only those the party takes part in
 * (as a party, or through a person of the party). The filter runs in the query, so another party's
 * meetings never leave the database for a reader who may not see them.
 */
export async function listMeetings(tx: Tx, processId: string, partyId: string | null): Promise<MeetingRow[]> {
  let query = tx.selectFrom('meetings as m').selectAll('m').where('m.process_id', '=', processId);
  if (partyId !== null)
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('meeting_participants as mp')
          .select('mp.id')
          .whereRef('mp.meeting_id', '=', 'm.id')
          .where('mp.party_id', '=', partyId),
      ),
    );
  return query.orderBy('m.starts_at').orderBy('m.id').execute();
}
