import type { Tx } from '../transaction.ts';

/**
 * What a negotiation brief is made of. Each query narrows by party where it can (`partyIds`: the
 * parties whose records the brief may carry); the brief builder still checks every row against
 * the policies before anything is written into a file.
 */

/** The newest version of a plan a party holds, with its text; undefined when it holds none. */
export async function newestVersionHeldBy(tx: Tx, planId: string, partyId: string) {
  return tx
    .selectFrom('releases as r')
    .innerJoin('versions as v', 'v.id', 'r.version_id')
    .select(['v.id', 'v.seq', 'v.label', 'v.title', 'v.content', 'v.content_hash', 'r.released_at'])
    .where('r.plan_id', '=', planId)
    .where('r.party_id', '=', partyId)
    .orderBy('v.seq', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Every position of some parties on a plan, each point's history oldest first. */
export async function listBriefPositions(tx: Tx, planId: string, partyIds: readonly string[] | null) {
  let query = tx
    .selectFrom('positions as p')
    .innerJoin('versions as v', 'v.id', 'p.version_id')
    .select([
      'p.id',
      'p.point_id',
      'p.party_id',
      'p.version_id',
      'v.label as version_label',
      'p.stance',
      'p.priority',
      'p.rationale',
      'p.rationale_shared',
      'p.recorded_at',
    ])
    .where('p.plan_id', '=', planId);
  if (partyIds !== null) {
    if (partyIds.length === 0) return [];
    query = query.where('p.party_id', 'in', partyIds);
  }
  return query.orderBy('p.party_id').orderBy('p.point_id').orderBy('p.recorded_at').orderBy('p.id').execute();
}

/** A plan's amendments still open (a draft or submitted), of some parties, oldest first. */
export async function listOpenAmendments(tx: Tx, planId: string, partyIds: readonly string[] | null) {
  let query = tx
    .selectFrom('amendments as a')
    .innerJoin('versions as v', 'v.id', 'a.base_version_id')
    .select([
      'a.id',
      'a.party_id',
      'a.base_version_id',
      'v.label as base_label',
      'v.content as base_content',
      'a.kind',
      'a.point_id',
      'a.after_point_id',
      'a.text',
      'a.rationale',
      'a.state',
      'a.created_at',
      'a.submitted_at',
    ])
    .where('a.plan_id', '=', planId)
    .where('a.state', 'in', ['draft', 'submitted']);
  if (partyIds !== null) {
    if (partyIds.length === 0) return [];
    query = query.where('a.party_id', 'in', partyIds);
  }
  return query.orderBy('a.created_at').orderBy('a.id').execute();
}

/** Meetings of a process not yet over (ending at or after `from`), soonest first. */
export async function listUpcomingMeetings(tx: Tx, processId: string, from: string) {
  return tx
    .selectFrom('meetings')
    .select(['id', 'title', 'starts_at', 'ends_at', 'time_zone', 'place_kind', 'place', 'status'])
    .where('process_id', '=', processId)
    .where('ends_at', '>=', from)
    .orderBy('starts_at')
    .orderBy('id')
    .execute();
}

/** The parties taking part in some meetings. */
export async function listParticipantParties(tx: Tx, meetingIds: readonly string[]) {
  if (meetingIds.length === 0) return [];
  return tx
    .selectFrom('meeting_participants')
    .select(['meeting_id', 'party_id'])
    .where('meeting_id', 'in', meetingIds)
    .where('party_id', 'is not', null)
    .execute();
}
