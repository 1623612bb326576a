import { can, type Viewer } from '../../domain/access/policies.ts';
import { type MeetingStatus, nextStatuses } from '../../domain/meetings/meeting-status.ts';
import { utcToLocal } from '../../domain/meetings/meeting-time.ts';
import { listHistory } from '../../store/meetings/meeting-history.repository.ts';
import { listParticipants } from '../../store/meetings/meeting-participants.repository.ts';
import { listMeetingVersions } from '../../store/meetings/meeting-versions.repository.ts';
import type { MeetingRow } from '../../store/meetings/meetings.repository.ts';
import type { Tx } from '../../store/transaction.ts';

type HistoryRow = Awaited<ReturnType<typeof listHistory>>[number];

/** A time as instants plus the wall clock at the venue; null where a date is still to be fixed. */
function timeOf(startsAt: string, endsAt: string, zone: string) {
  if (startsAt === '') return { startsAt: null, endsAt: null, localStartsAt: null, localEndsAt: null };
  return {
    startsAt,
    endsAt,
    localStartsAt: utcToLocal(startsAt, zone),
    localEndsAt: utcToLocal(endsAt, zone),
  };
}

/** Whether the meeting is postponed with no new date yet (its newest history row has none). */
export function dateToBeFixed(status: MeetingStatus, history: readonly { starts_at: string }[]): boolean {
  return status === 'postponed' && history.at(-1)?.starts_at === '';
}

/**
 * Meetings as one reader sees them (plans are named by the title of the version shown, which is
 * what the reader's party holds, not the working draft's). The caller has checked that the reader may see each meeting;
 * within it, the versions listed are those the reader's party holds (all, for the mediator team),
 * and a participant's account is linked only where the reader may see that party's members.
 */
export async function presentMeetings(tx: Tx, viewer: Viewer, meetings: readonly MeetingRow[]) {
  const ids = meetings.map((m) => m.id);
  const [participants, history, versions] = await Promise.all([
    listParticipants(tx, ids),
    listHistory(tx, ids),
    listMeetingVersions(tx, ids),
  ]);
  const partyId = viewer.membership?.partyId ?? '';
  const seesAllVersions = can(viewer, 'draft.read');
  const byMeeting = <T extends { meeting_id: string }>(rows: readonly T[], id: string) =>
    rows.filter((r) => r.meeting_id === id);
  return meetings.map((m) => {
    const own = byMeeting(history, m.id);
    return {
      id: m.id,
      processId: m.process_id,
      title: m.title,
      ...timeOf(m.starts_at, m.ends_at, m.time_zone),
      timeZone: m.time_zone,
      placeKind: m.place_kind,
      place: m.place,
      status: m.status,
      dateToBeFixed: dateToBeFixed(m.status, own),
      nextStatuses: nextStatuses(m.status),
      sequence: m.sequence,
      outcome: m.outcome,
      createdAt: m.created_at,
      updatedAt: m.updated_at,
      participants: byMeeting(participants, m.id).map((p) => ({
        id: p.id,
        // A whole party is stored without a name of its own; a person always has one.
        kind: p.user_id === null && p.name === '' ? ('party' as const) : ('person' as const),
        name: p.user_name ?? (p.name === '' ? (p.party_name ?? '') : p.name),
        party:
          p.party_id === null
            ? null
            : {
                id: p.party_id,
                name: p.party_name ?? '',
                code: p.party_code ?? '',
                colour: p.party_colour ?? '',
              },
        // Who is on another party's team is that party's business: their account stays unlinked.
        userId:
          p.user_id !== null && can(viewer, 'members.read', { partyId: p.party_id ?? '' }) ? p.user_id : null,
      })),
      versions: byMeeting(versions, m.id)
        .filter((v) => seesAllVersions || v.held_by.includes(partyId))
        .map((v) => ({
          versionId: v.version_id,
          planId: v.plan_id,
          planTitle: v.version_title,
          label: v.label,
          role: v.role,
        })),
      history: own.map((h: HistoryRow) => ({
        id: h.id,
        status: h.status,
        ...timeOf(h.starts_at, h.ends_at, h.time_zone),
        timeZone: h.time_zone,
        note: h.note,
        changedBy: { id: h.changed_by, name: h.changed_by_name },
        changedAt: h.changed_at,
      })),
    };
  });
}

export type MeetingView = Awaited<ReturnType<typeof presentMeetings>>[number];
