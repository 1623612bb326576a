import type { z } from 'zod';
import { checkStatusChange } from '../../domain/meetings/meeting-status.ts';
import { meetingInstants } from '../../domain/meetings/meeting-time.ts';
import { newId } from '../../domain/shared/ids.ts';
import { appendAudit } from '../../store/audit/audit.repository.ts';
import type { Database } from '../../store/database.ts';
import { insertHistory, listHistory } from '../../store/meetings/meeting-history.repository.ts';
import { findMeeting, updateMeeting } from '../../store/meetings/meetings.repository.ts';
import type { Actor } from '../access/sessions.ts';
import type { statusChangeSchema } from './meeting.schema.ts';
import { loadManageableMeeting } from './meeting-access.ts';
import { publishMeetingChanged } from './meeting-events.ts';
import { dateToBeFixed, presentMeetings } from './meeting-presenter.ts';

/**
 * Moves a meeting to another status (see meeting-status.ts for the rules) and appends the change
 * to its history with the time it has from then on. A postponement moves the meeting to its new
 * date, or leaves it at the old one marked "to be fixed"; either way the row before keeps the old
 * date. Calendar apps see the change through the bumped SEQUENCE.
 */
export async function changeMeetingStatus(
  database: Database,
  actor: Actor,
  processId: string,
  meetingId: string,
  input: z.output<typeof statusChangeSchema>,
) {
  const changed = await database.db.transaction().execute(async (tx) => {
    const { viewer, meeting, partyIds } = await loadManageableMeeting(tx, actor, processId, meetingId);
    const history = await listHistory(tx, [meetingId]);
    const time =
      input.startsAt !== undefined && input.endsAt !== undefined
        ? meetingInstants({
            startsAt: input.startsAt,
            endsAt: input.endsAt,
            timeZone: input.timeZone ?? meeting.time_zone,
          })
        : null;
    const now = new Date().toISOString();
    checkStatusChange({
      from: meeting.status,
      to: input.status,
      currentStartsAt: meeting.starts_at,
      dateToBeFixed: dateToBeFixed(meeting.status, history),
      newStartsAt: time?.startsAt ?? null,
      toBeFixed: input.toBeFixed,
      now,
    });
    await updateMeeting(tx, meetingId, {
      status: input.status,
      ...(time ? { starts_at: time.startsAt, ends_at: time.endsAt, time_zone: time.timeZone } : {}),
      sequence: meeting.sequence + 1,
      updated_at: now,
    });
    await insertHistory(tx, {
      id: newId('mth'),
      meeting_id: meetingId,
      status: input.status,
      // A date still to be fixed has none: the meeting row keeps the old one for sorting and feeds.
      starts_at: input.toBeFixed ? '' : (time?.startsAt ?? meeting.starts_at),
      ends_at: input.toBeFixed ? '' : (time?.endsAt ?? meeting.ends_at),
      time_zone: time?.timeZone ?? meeting.time_zone,
      note: input.note,
      changed_by: actor.user.id,
      changed_at: now,
    });
    await appendAudit(tx, {
      processId,
      actorId: actor.user.id,
      action: 'meeting.status',
      subjectType: 'meeting',
      subjectId: meetingId,
      detail: {
        from: meeting.status,
        to: input.status,
        previousStartsAt: meeting.starts_at,
        ...(time ? { startsAt: time.startsAt, timeZone: time.timeZone } : {}),
        ...(input.toBeFixed ? { dateToBeFixed: true } : {}),
      },
    });
    const row = await findMeeting(tx, processId, meetingId);
    const [view] = await presentMeetings(tx, viewer, row ? [row] : []);
    return { meeting: view!, partyIds };
  });
  await publishMeetingChanged(database, {
    processId,
    meetingId,
    before: changed.partyIds,
    after: changed.partyIds,
  });
  return changed.meeting;
}
