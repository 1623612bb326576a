import type { Selectable } from 'kysely';
import type { MeetingParticipantTable } from '../schema.ts';
import type { Tx } from '../transaction.ts';

export type MeetingParticipantRow = Selectable<MeetingParticipantTable>;

/** Replaces the participants of a meeting with `rows`. */
export async function replaceParticipants(
  tx: Tx,
  meetingId: string,
  rows: MeetingParticipantRow[],
): Promise<void> {
  await tx.deleteFrom('meeting_participants').where('meeting_id', '=', meetingId).execute();
  if (rows.length > 0) await tx.insertInto('meeting_participants').values(rows).execute();
}

/** The participants of some meetings, in the order entered, with their party's and user's names. */
export async function listParticipants(tx: Tx, meetingIds: readonly string[]) {
  if (meetingIds.length === 0) return [];
  return (
    tx
      .selectFrom('meeting_participants as mp')
      .leftJoin('parties as p', 'p.id', 'mp.party_id')
      .leftJoin('users as u', 'u.id', 'mp.user_id')
      .select([
        'mp.id',
        'mp.meeting_id',
        'mp.party_id',
        'mp.user_id',
        'mp.name',
        'p.name as party_name',
        'p.code as party_code',
        'p.colour as party_colour',
        'u.name as user_name',
      ])
      .where('mp.meeting_id', 'in', meetingIds)
      // Ids are random: the insertion order lives in the id's numeric suffix (see the service).
      .orderBy('mp.meeting_id')
      .orderBy('mp.id')
      .execute()
  );
}

/** The parties taking part in a meeting (as parties or through their people). */
export async function participantPartyIds(tx: Tx, meetingId: string): Promise<string[]> {
  const rows = await tx
    .selectFrom('meeting_participants')
    .select('party_id')
    .distinct()
    .where('meeting_id', '=', meetingId)
    .where('party_id', 'is not', null)
    .execute();
  return rows.flatMap((r) => (r.party_id === null ? [] : [r.party_id]));
}
