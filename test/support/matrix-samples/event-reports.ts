import { newId } from '../../../src/domain/shared/ids.ts';
import { insertEventLink } from '../../../src/store/monitoring/event-commitment-links.repository.ts';
import { insertEventReports } from '../../../src/store/monitoring/event-reports.repository.ts';
import { insertEventStatusHistory } from '../../../src/store/monitoring/event-status-history.repository.ts';
import {
  type MatrixCase,
  type MatrixFixture,
  type MatrixRequest,
  next,
  type Sample,
  userIdOf,
} from '../authorization-cases.ts';
import { writeCommitment } from '../monitoring-factories.ts';
import { matrixAgreement } from './agreements.ts';
import { recordPartyOf } from './sample-records.ts';

const MEDIATOR = 'envoy@envoy.example';

/**
 * An allegation written straight to the store, received and unverified: "own" filed by the asker's
 * party (which reads it), "other" by Veloria (which only Veloria and the mission read).
 */
export async function writeEventReport(fx: MatrixFixture, c: Pick<MatrixCase, 'role' | 'note'>) {
  const id = newId('evt');
  const now = new Date().toISOString();
  const reportedBy = await userIdOf(fx, MEDIATOR);
  const n = next();
  await insertEventReports(fx.ctx.database.db, [
    {
      id,
      process_id: fx.processId,
      external_id: null,
      dedupe_key: `matrix-${id}`,
      occurred_at: now,
      time_precision: 'minute',
      place_name: `Matrix village ${n}`,
      latitude: 48.1,
      longitude: 37.2,
      geo_precision: 1,
      event_type: 'Ceasefire violation',
      sub_event_type: '',
      actor1: '',
      actor2: '',
      fatalities: null,
      description: `Matrix allegation ${n}`,
      source: '',
      source_reliability: 'F',
      info_credibility: 6,
      status: 'received',
      attributed_party_id: null,
      reported_by_party_id: await recordPartyOf(fx, c),
      reported_by: reportedBy,
      import_id: null,
      created_at: now,
      updated_at: now,
      revision: 1,
    },
  ]);
  await insertEventStatusHistory(fx.ctx.database.db, [
    {
      id: newId('esh'),
      event_report_id: id,
      status: 'received',
      attributed_party_id: null,
      note: '',
      changed_by: reportedBy,
      changed_at: now,
    },
  ]);
  return id;
}

/** A commitment of the agreement on Draft 2, which the monitors' party holds (linking is theirs). */
async function releasedCommitment(fx: MatrixFixture): Promise<string> {
  return writeCommitment(fx.ctx.database, {
    processId: fx.processId,
    agreementId: await matrixAgreement(fx, { version: 'released' }),
    createdBy: await userIdOf(fx, MEDIATOR),
  });
}

const eventUrl = async (fx: MatrixFixture, c: MatrixCase) =>
  `/api/v1/processes/${fx.processId}/event-reports/${await writeEventReport(fx, c)}`;

export const EVENT_REPORTS_SAMPLES: Record<string, Sample> = {
  'GET /api/v1/processes/:processId/event-reports': async (fx) => ({
    method: 'GET',
    url: `/api/v1/processes/${fx.processId}/event-reports?limit=20`,
  }),
  'GET /api/v1/processes/:processId/event-reports/map': async (fx) => ({
    method: 'GET',
    url: `/api/v1/processes/${fx.processId}/event-reports/map`,
  }),
  'POST /api/v1/processes/:processId/event-reports': async (fx) => ({
    method: 'POST',
    url: `/api/v1/processes/${fx.processId}/event-reports`,
    payload: {
      occurredAt: '2031-05-12T10:00:00Z',
      placeName: `Matrix crossing ${next()}`,
      eventType: 'Ceasefire violation',
      description: 'Shelling reported near the crossing.',
    },
  }),
  'GET /api/v1/processes/:processId/event-reports/:eventId': async (fx, c) => ({
    method: 'GET',
    url: await eventUrl(fx, c),
  }),
  'PATCH /api/v1/processes/:processId/event-reports/:eventId': async (fx, c): Promise<MatrixRequest> => ({
    method: 'PATCH',
    url: await eventUrl(fx, c),
    payload: { revision: 1, placeName: `Corrected place ${next()}` },
  }),
  'POST /api/v1/processes/:processId/event-reports/:eventId/status': async (fx, c) => ({
    method: 'POST',
    url: `${await eventUrl(fx, c)}/status`,
    payload: { status: 'under_investigation', note: 'Team sent.' },
  }),
  'POST /api/v1/processes/:processId/event-reports/:eventId/links': async (fx, c) => ({
    method: 'POST',
    url: `${await eventUrl(fx, c)}/links`,
    payload: { commitmentId: await releasedCommitment(fx) },
  }),
  'DELETE /api/v1/processes/:processId/event-reports/:eventId/links/:commitmentId': async (fx, c) => {
    const eventId = await writeEventReport(fx, c);
    const commitmentId = await releasedCommitment(fx);
    await insertEventLink(fx.ctx.database.db, {
      event_report_id: eventId,
      commitment_id: commitmentId,
      created_by: await userIdOf(fx, MEDIATOR),
      created_at: new Date().toISOString(),
    });
    return {
      method: 'DELETE',
      url: `/api/v1/processes/${fx.processId}/event-reports/${eventId}/links/${commitmentId}`,
    };
  },
};
