import { VERSION_SUMMARY_COLUMNS } from '../plans/plans.repository.ts';
import type { Tx } from '../transaction.ts';

/**
 * The raw material of a process's timeline. Each query narrows by party where the reader is one
 * (`partyId`), so that another party's rows are not even read; the service still checks every row
 * against the policies before anything leaves.
 */

/** Every version of every plan in a process, oldest first (mediator team only). */
export async function listProcessVersions(tx: Tx, processId: string) {
  return tx
    .selectFrom('versions as v')
    .innerJoin('plans as p', 'p.id', 'v.plan_id')
    .innerJoin('users as u', 'u.id', 'v.author_id')
    .select([...VERSION_SUMMARY_COLUMNS, 'v.content'])
    .where('p.process_id', '=', processId)
    .orderBy('v.created_at')
    .orderBy('v.seq')
    .execute();
}

/** The versions of a process one party holds, with its release of each, oldest release first. */
export async function listVersionsHeldInProcess(tx: Tx, processId: string, partyId: string) {
  return releasesWithVersions(tx, processId)
    .select([
      'v.id',
      'v.plan_id',
      'v.seq',
      'v.label',
      'v.title',
      'v.content',
      'r.id as release_id',
      'r.party_id',
      'r.released_at',
      'r.channel',
      'r.note as release_note',
    ])
    .where('r.party_id', '=', partyId)
    .orderBy('r.released_at')
    .orderBy('v.seq')
    .execute();
}

/** The releases of a process with their versions' labels, oldest first. */
export async function listProcessReleases(tx: Tx, processId: string) {
  return releasesWithVersions(tx, processId)
    .select([
      'r.id',
      'r.plan_id',
      'r.version_id',
      'r.party_id',
      'r.released_at',
      'r.channel',
      'v.label',
      'v.title',
    ])
    .orderBy('r.released_at')
    .orderBy('r.id')
    .execute();
}

/** The releases of a process joined to the versions they hand over. */
function releasesWithVersions(tx: Tx, processId: string) {
  return tx
    .selectFrom('releases as r')
    .innerJoin('versions as v', 'v.id', 'r.version_id')
    .where('r.process_id', '=', processId);
}

/** The meetings of a process, by start. */
export async function listProcessMeetings(tx: Tx, processId: string) {
  return tx
    .selectFrom('meetings')
    .select(['id', 'title', 'starts_at', 'ends_at', 'time_zone', 'place_kind', 'place', 'status', 'outcome'])
    .where('process_id', '=', processId)
    .orderBy('starts_at')
    .orderBy('id')
    .execute();
}

/** The parties taking part in each meeting of a process (a whole party, or a person of one). */
export async function listMeetingParties(tx: Tx, processId: string) {
  return tx
    .selectFrom('meeting_participants as mp')
    .innerJoin('meetings as m', 'm.id', 'mp.meeting_id')
    .select(['mp.meeting_id', 'mp.party_id'])
    .where('m.process_id', '=', processId)
    .where('mp.party_id', 'is not', null)
    .execute();
}

/** Every status change of the meetings of a process, oldest first. */
export async function listMeetingStatusChanges(tx: Tx, processId: string) {
  return tx
    .selectFrom('meeting_status_history as h')
    .innerJoin('meetings as m', 'm.id', 'h.meeting_id')
    .select(['h.id', 'h.meeting_id', 'h.status', 'h.starts_at', 'h.ends_at', 'h.note', 'h.changed_at'])
    .where('m.process_id', '=', processId)
    .orderBy('h.meeting_id')
    .orderBy('h.changed_at')
    .orderBy('h.id')
    .execute();
}

/** Which versions were presented or released at which meeting of a process. */
export async function listMeetingVersions(tx: Tx, processId: string) {
  return tx
    .selectFrom('meeting_versions as mv')
    .innerJoin('meetings as m', 'm.id', 'mv.meeting_id')
    .select(['mv.meeting_id', 'mv.version_id', 'mv.role'])
    .where('m.process_id', '=', processId)
    .execute();
}

/** Amendments past their draft (or one party's, drafts left out: a draft has not happened yet). */
export async function listAmendmentEvents(tx: Tx, processId: string, partyId?: string) {
  let query = tx
    .selectFrom('amendments')
    .select([
      'id',
      'plan_id',
      'party_id',
      'base_version_id',
      'kind',
      'point_id',
      'after_point_id',
      'text',
      'state',
      'reply',
      'taken_in_version_id',
      'submitted_at',
      'decided_at',
    ])
    .where('process_id', '=', processId)
    .where('state', '!=', 'draft');
  if (partyId !== undefined) query = query.where('party_id', '=', partyId);
  return query.orderBy('submitted_at').orderBy('id').execute();
}

/** Positions of a process (one party's when `partyId` is set), per party and point, oldest first. */
export async function listPositionHistory(tx: Tx, processId: string, partyId?: string) {
  let query = tx
    .selectFrom('positions')
    .select(['id', 'plan_id', 'point_id', 'party_id', 'version_id', 'stance', 'priority', 'recorded_at'])
    .where('process_id', '=', processId);
  if (partyId !== undefined) query = query.where('party_id', '=', partyId);
  return query
    .orderBy('party_id')
    .orderBy('plan_id')
    .orderBy('point_id')
    .orderBy('recorded_at')
    .orderBy('id')
    .execute();
}

/** The working drafts of a process's plans (mediator team only), for point numbers. */
export async function listDraftContents(tx: Tx, processId: string) {
  return tx
    .selectFrom('plans')
    .select(['id', 'title', 'draft_content'])
    .where('process_id', '=', processId)
    .execute();
}
