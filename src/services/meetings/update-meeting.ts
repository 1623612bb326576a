import type { z } from 'zod';
import { isFinalStatus, MEETING_STATUS_LABELS } from '../../domain/meetings/meeting-status.ts';
import { meetingInstants } from '../../domain/meetings/meeting-time.ts';
import { AppError } from '../../domain/shared/app-error.ts';
import { newId } from '../../domain/shared/ids.ts';
import { appendAudit } from '../../store/audit/audit.repository.ts';
import type { Database } from '../../store/database.ts';
import { insertHistory } from '../../store/meetings/meeting-history.repository.ts';
import {
  participantPartyIds,
  replaceParticipants,
} from '../../store/meetings/meeting-participants.repository.ts';
import { replaceMeetingVersions } from '../../store/meetings/meeting-versions.repository.ts';
import {
  findMeeting,
  updateMeeting as storeMeetingChanges,
} from '../../store/meetings/meetings.repository.ts';
import type { Actor } from '../access/sessions.ts';
import type { meetingChangesSchema } from './meeting.schema.ts';
import { loadManageableMeeting } from './meeting-access.ts';
import { publishMeetingChanged } from './meeting-events.ts';
import { resolveMeetingLinks } from './meeting-inputs.ts';
import { presentMeetings } from './meeting-presenter.ts';

/**
 * Edits a meeting: title, place, participants, versions, outcome notes, or its time (to correct
 * it; a move to a later date is a postponement, see change-meeting-status.ts). A new time is
 * recorded in the status history too, so that no date the meeting had is lost. A held or
 * cancelled meeting keeps its time; its notes, participants and versions can still be completed.
 */
export async function updateMeeting(
  database: Database,
  actor: Actor,
  processId: string,
  meetingId: string,
  changes: z.output<typeof meetingChangesSchema>,
) {
  const updated = await database.db.transaction().execute(async (tx) => {
    const {
      viewer,
      meeting,
      partyIds: before,
    } = await loadManageableMeeting(tx, actor, processId, meetingId);
    const time =
      changes.startsAt !== undefined && changes.endsAt !== undefined && changes.timeZone !== undefined
        ? meetingInstants({ startsAt: changes.startsAt, endsAt: changes.endsAt, timeZone: changes.timeZone })
        : null;
    const timeChanged =
      time !== null &&
      (time.startsAt !== meeting.starts_at ||
        time.endsAt !== meeting.ends_at ||
        time.timeZone !== meeting.time_zone);
    if (timeChanged && isFinalStatus(meeting.status))
      throw new AppError(
        'transition.not_allowed',
        `a ${MEETING_STATUS_LABELS[meeting.status].toLowerCase()} meeting keeps the time it had`,
      );
    const placeKind = changes.placeKind ?? meeting.place_kind;
    const place = changes.place ?? meeting.place;
    if (placeKind === 'in_person' && place === '')
      throw new AppError('validation.failed', 'body.place: say where an in-person meeting takes place', {
        problems: [{ field: 'body.place', reason: 'say where an in-person meeting takes place' }],
      });
    const links = await resolveMeetingLinks(tx, processId, meetingId, changes);
    const now = new Date().toISOString();
    await storeMeetingChanges(tx, meetingId, {
      title: changes.title ?? meeting.title,
      place_kind: placeKind,
      place,
      outcome: changes.outcome ?? meeting.outcome,
      ...(time && timeChanged
        ? { starts_at: time.startsAt, ends_at: time.endsAt, time_zone: time.timeZone }
        : {}),
      sequence: meeting.sequence + 1,
      updated_at: now,
    });
    if (time && timeChanged)
      await insertHistory(tx, {
        id: newId('mth'),
        meeting_id: meetingId,
        status: meeting.status,
        starts_at: time.startsAt,
        ends_at: time.endsAt,
        time_zone: time.timeZone,
        note: 'Time changed',
        changed_by: actor.user.id,
        changed_at: now,
      });
    if (links.participants) await replaceParticipants(tx, meetingId, links.participants);
    if (links.versions) await replaceMeetingVersions(tx, meetingId, links.versions);
    const after = await participantPartyIds(tx, meetingId);
    await appendAudit(tx, {
      processId,
      actorId: actor.user.id,
      action: 'meeting.update',
      subjectType: 'meeting',
      subjectId: meetingId,
      detail: {
        fields: Object.keys(changes).filter((k) => changes[k as keyof typeof changes] !== undefined),
        ...(time && timeChanged
          ? { from: meeting.starts_at, to: time.startsAt, timeZone: time.timeZone }
          : {}),
        partyIds: after,
      },
    });
    const row = await findMeeting(tx, processId, meetingId);
    const [view] = await presentMeetings(tx, viewer, row ? [row] : []);
    return { meeting: view!, before, after };
  });
  await publishMeetingChanged(database, {
    processId,
    meetingId,
    before: updated.before,
    after: updated.after,
  });
  return updated.meeting;
}
