import type { z } from 'zod';
import { meetingInstants } from '../../domain/meetings/meeting-time.ts';
import { newId } from '../../domain/shared/ids.ts';
import { appendAudit } from '../../store/audit/audit.repository.ts';
import type { Database } from '../../store/database.ts';
import { insertHistory } from '../../store/meetings/meeting-history.repository.ts';
import { replaceParticipants } from '../../store/meetings/meeting-participants.repository.ts';
import { replaceMeetingVersions } from '../../store/meetings/meeting-versions.repository.ts';
import { findMeeting, insertMeeting } from '../../store/meetings/meetings.repository.ts';
import { authorize } from '../access/authorize.ts';
import type { Actor } from '../access/sessions.ts';
import { processNotFound } from '../processes/add-party.ts';
import type { newMeetingSchema } from './meeting.schema.ts';
import { loadProcessViewer } from './meeting-access.ts';
import { publishMeetingChanged } from './meeting-events.ts';
import { resolveMeetingLinks } from './meeting-inputs.ts';
import { presentMeetings } from './meeting-presenter.ts';

/**
 * Schedules a meeting (mediator team). The local times are read in the venue's zone and stored as
 * UTC; the first row of its status history records the status and time it starts with.
 */
export async function createMeeting(
  database: Database,
  actor: Actor,
  processId: string,
  input: z.output<typeof newMeetingSchema>,
) {
  const created = await database.db.transaction().execute(async (tx) => {
    const { viewer } = await loadProcessViewer(tx, actor, processId);
    authorize(viewer, 'meeting.manage', () => processNotFound(processId));
    const time = meetingInstants(input);
    const id = newId('mtg');
    const links = await resolveMeetingLinks(tx, processId, id, input);
    const now = new Date().toISOString();
    await insertMeeting(tx, {
      id,
      process_id: processId,
      title: input.title,
      starts_at: time.startsAt,
      ends_at: time.endsAt,
      time_zone: time.timeZone,
      place_kind: input.placeKind,
      place: input.place,
      status: input.status,
      outcome: input.outcome,
      sequence: 0,
      created_by: actor.user.id,
      created_at: now,
      updated_at: now,
    });
    await insertHistory(tx, {
      id: newId('mth'),
      meeting_id: id,
      status: input.status,
      starts_at: time.startsAt,
      ends_at: time.endsAt,
      time_zone: time.timeZone,
      note: '',
      changed_by: actor.user.id,
      changed_at: now,
    });
    await replaceParticipants(tx, id, links.participants ?? []);
    await replaceMeetingVersions(tx, id, links.versions ?? []);
    const partyIds = [
      ...new Set((links.participants ?? []).flatMap((p) => (p.party_id ? [p.party_id] : []))),
    ];
    await appendAudit(tx, {
      processId,
      actorId: actor.user.id,
      action: 'meeting.create',
      subjectType: 'meeting',
      subjectId: id,
      detail: {
        title: input.title,
        status: input.status,
        startsAt: time.startsAt,
        timeZone: time.timeZone,
        partyIds,
      },
    });
    const row = await findMeeting(tx, processId, id);
    const [meeting] = await presentMeetings(tx, viewer, row ? [row] : []);
    return { meeting: meeting!, partyIds };
  });
  await publishMeetingChanged(database, {
    processId,
    meetingId: created.meeting.id,
    before: [],
    after: created.partyIds,
  });
  return created.meeting;
}
