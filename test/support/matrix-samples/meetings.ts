import { newId } from '../../../src/domain/shared/ids.ts';
import { insertCalendarFeed } from '../../../src/store/meetings/calendar-feeds.repository.ts';
import { insertHistory } from '../../../src/store/meetings/meeting-history.repository.ts';
import { replaceParticipants } from '../../../src/store/meetings/meeting-participants.repository.ts';
import { insertMeeting } from '../../../src/store/meetings/meetings.repository.ts';
import {
  emailOf,
  type MatrixCase,
  type MatrixFixture,
  type MatrixRequest,
  next,
  partyOf,
  type Sample,
  userIdOf,
} from '../authorization-cases.ts';
import { recordPartyOf, VELORIA } from './sample-records.ts';

const MEDIATOR = 'envoy@envoy.example';

/**
 * Writes a planned meeting straight to the store, a week ahead: "own" has the asker's party among
 * its participants, "other" only Veloria (an outsider, having no party, always gets Veloria's).
 */
async function writeMeeting(fx: MatrixFixture, c: MatrixCase): Promise<string> {
  const partyId = await recordPartyOf(fx, c);
  const id = newId('mtg');
  const now = new Date().toISOString();
  const startsAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
  const endsAt = new Date(Date.now() + 7 * 86_400_000 + 3_600_000).toISOString();
  const db = fx.ctx.database.db;
  const createdBy = await userIdOf(fx, MEDIATOR);
  await insertMeeting(db, {
    id,
    process_id: fx.processId,
    title: `Matrix meeting ${next()}`,
    starts_at: startsAt,
    ends_at: endsAt,
    time_zone: 'Europe/Zurich',
    place_kind: 'video',
    place: '',
    status: 'planned',
    outcome: '',
    sequence: 0,
    created_by: createdBy,
    created_at: now,
    updated_at: now,
  });
  await insertHistory(db, {
    id: newId('mth'),
    meeting_id: id,
    status: 'planned',
    starts_at: startsAt,
    ends_at: endsAt,
    time_zone: 'Europe/Zurich',
    note: '',
    changed_by: createdBy,
    changed_at: now,
  });
  await replaceParticipants(db, id, [
    { id: `${id}-000`, meeting_id: id, party_id: partyId, user_id: null, name: '' },
  ]);
  return id;
}

/** A live feed of the asker, so that revoking it revokes something (the route is idempotent anyway). */
async function writeFeed(fx: MatrixFixture, c: MatrixCase): Promise<void> {
  const email = emailOf(c.role);
  if (email === null) return;
  await insertCalendarFeed(fx.ctx.database.db, {
    id: newId('cal'),
    process_id: fx.processId,
    user_id: await userIdOf(fx, email),
    token_hash: newId('hash'),
    created_at: new Date().toISOString(),
    revoked_at: null,
  });
}

/**
 * The mediator team reads every meeting, so a Veloria-only meeting is not hidden from its
 * read-only token: the refusal of a write through that token is covered by the "own" case.
 */
const hiddenFromNobody = (c: MatrixCase) => c.role === 'read-only token' && c.note === 'other';

const meetingUrl = async (fx: MatrixFixture, c: MatrixCase) =>
  `/api/v1/processes/${fx.processId}/meetings/${await writeMeeting(fx, c)}`;

export const MEETINGS_SAMPLES: Record<string, Sample> = {
  'GET /api/v1/processes/:processId/meetings': async (fx) => ({
    method: 'GET',
    url: `/api/v1/processes/${fx.processId}/meetings`,
  }),
  'POST /api/v1/processes/:processId/meetings': async (fx) => ({
    method: 'POST',
    url: `/api/v1/processes/${fx.processId}/meetings`,
    payload: {
      title: `Matrix round ${next()}`,
      startsAt: '2031-05-12T10:00',
      endsAt: '2031-05-12T12:00',
      timeZone: 'Europe/Vienna',
      placeKind: 'in_person',
      place: 'Hofburg, Vienna',
      participants: [{ partyId: await partyOf(fx, VELORIA) }],
    },
  }),
  'GET /api/v1/processes/:processId/meetings/:meetingId': async (fx, c) => ({
    method: 'GET',
    url: await meetingUrl(fx, c),
  }),
  'PATCH /api/v1/processes/:processId/meetings/:meetingId': async (fx, c): Promise<MatrixRequest | null> =>
    hiddenFromNobody(c)
      ? null
      : { method: 'PATCH', url: await meetingUrl(fx, c), payload: { outcome: `Matrix outcome ${next()}` } },
  'POST /api/v1/processes/:processId/meetings/:meetingId/status': async (
    fx,
    c,
  ): Promise<MatrixRequest | null> =>
    hiddenFromNobody(c)
      ? null
      : { method: 'POST', url: `${await meetingUrl(fx, c)}/status`, payload: { status: 'confirmed' } },
  'GET /api/v1/processes/:processId/calendar-feed': async (fx) => ({
    method: 'GET',
    url: `/api/v1/processes/${fx.processId}/calendar-feed`,
  }),
  'POST /api/v1/processes/:processId/calendar-feed': async (fx) => ({
    method: 'POST',
    url: `/api/v1/processes/${fx.processId}/calendar-feed`,
  }),
  'DELETE /api/v1/processes/:processId/calendar-feed': async (fx, c) => {
    await writeFeed(fx, c);
    return { method: 'DELETE', url: `/api/v1/processes/${fx.processId}/calendar-feed` };
  },
};
