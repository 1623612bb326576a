import { DateTime } from 'luxon';
import { type DemoMeeting, type DemoParticipant, demoMeetings } from '../../demo/demo-meetings.ts';
import { localToUtc } from '../../domain/meetings/meeting-time.ts';
import { newId } from '../../domain/shared/ids.ts';
import { insertHistory } from '../../store/meetings/meeting-history.repository.ts';
import {
  type MeetingParticipantRow,
  replaceParticipants,
} from '../../store/meetings/meeting-participants.repository.ts';
import { replaceMeetingVersions } from '../../store/meetings/meeting-versions.repository.ts';
import { insertMeeting } from '../../store/meetings/meetings.repository.ts';
import { listMembers } from '../../store/processes/processes.repository.ts';
import type { DemoContext } from './demo-context.ts';

const MEDIATOR = 'envoy@envoy.example';

/** The meeting's local hours on the day `daysAgo` (as seen at the venue), as UTC instants. */
function timeOn(ctx: DemoContext, m: DemoMeeting, daysAgo: number) {
  const day = DateTime.fromISO(ctx.at(daysAgo), { zone: 'utc' }).setZone(m.timeZone).toFormat('yyyy-LL-dd');
  return {
    startsAt: localToUtc(`${day}T${m.hours[0]}`, m.timeZone),
    endsAt: localToUtc(`${day}T${m.hours[1]}`, m.timeZone),
  };
}

/** Three quarters of an hour after a meeting ended: when the envoy's office records it as held. */
const afterEnd = (endsAt: string) => new Date(Date.parse(endsAt) + 45 * 60_000).toISOString();

/** Adds the demo's meetings with their status histories, participants and versions. */
export async function loadDemoMeetings(ctx: DemoContext): Promise<void> {
  const members = await listMembers(ctx.tx, ctx.processId);
  const mediatorId = ctx.userIds.get(MEDIATOR) ?? '';
  const party = (key: string) => {
    const id = ctx.partyIds.get(key);
    if (!id) throw new Error(`demo meeting: no party ${key}`);
    return id;
  };
  const participantRow = (meetingId: string, p: DemoParticipant, i: number): MeetingParticipantRow => {
    const id = `${meetingId}-${String(i).padStart(3, '0')}`;
    if ('email' in p) {
      const member = members.find((m) => m.email === p.email);
      if (!member) throw new Error(`demo meeting: ${p.email} is not a member`);
      return {
        id,
        meeting_id: meetingId,
        party_id: member.party_id,
        user_id: member.user_id,
        name: member.name,
      };
    }
    if ('name' in p)
      return {
        id,
        meeting_id: meetingId,
        party_id: p.party ? party(p.party) : null,
        user_id: null,
        name: p.name,
      };
    return { id, meeting_id: meetingId, party_id: party(p.party), user_id: null, name: '' };
  };

  for (const m of demoMeetings) {
    const id = newId('mtg');
    let time = timeOn(ctx, m, m.daysAgo);
    const first = m.history[0];
    const last = m.history.at(-1);
    if (!first || !last) throw new Error(`demo meeting ${m.title} has no history`);
    const rows = m.history.map((h) => {
      if (h.moveTo) time = timeOn(ctx, m, h.moveTo.daysAgo);
      return {
        id: newId('mth'),
        meeting_id: id,
        status: h.status,
        starts_at: time.startsAt,
        ends_at: time.endsAt,
        time_zone: m.timeZone,
        note: h.note ?? '',
        changed_by: mediatorId,
        // Recorded as held once it is over, whatever the hour the demo is loaded at.
        changed_at: h.status === 'held' ? afterEnd(time.endsAt) : ctx.at(h.daysAgo),
      };
    });
    await insertMeeting(ctx.tx, {
      id,
      process_id: ctx.processId,
      title: m.title,
      starts_at: time.startsAt,
      ends_at: time.endsAt,
      time_zone: m.timeZone,
      place_kind: m.placeKind,
      place: m.place,
      status: last.status,
      outcome: m.outcome,
      sequence: m.history.length - 1,
      created_by: mediatorId,
      created_at: ctx.at(first.daysAgo),
      updated_at: rows.at(-1)?.changed_at ?? ctx.at(last.daysAgo),
    });
    for (const row of rows) await insertHistory(ctx.tx, row);
    await replaceParticipants(
      ctx.tx,
      id,
      m.participants.map((p, i) => participantRow(id, p, i)),
    );
    await replaceMeetingVersions(
      ctx.tx,
      id,
      m.versions.map((v) => {
        const versionId = ctx.versionIds.get(v.label);
        if (!versionId) throw new Error(`demo meeting: no version ${v.label}`);
        return { meeting_id: id, version_id: versionId, role: v.role };
      }),
    );
  }
}
