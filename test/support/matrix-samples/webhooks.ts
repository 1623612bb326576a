import { newId } from '../../../src/domain/shared/ids.ts';
import { insertWebhook } from '../../../src/store/monitoring/webhooks.repository.ts';
import { type MatrixFixture, next, type Sample, userIdOf } from '../authorization-cases.ts';

/** A closed port: a delivery attempt fails at once, without waiting on a network. */
const NOWHERE = 'http://127.0.0.1:9/matrix-hook';

/** A fresh webhook of the demo process written to the store, so that deleting it twice works too. */
async function writeWebhook(fx: MatrixFixture): Promise<string> {
  const id = newId('whk');
  await insertWebhook(fx.ctx.database.db, {
    id,
    process_id: fx.processId,
    url: `${NOWHERE}/${next()}`,
    secret: `whsec_matrix${next()}`,
    events: JSON.stringify(['commitment.overdue']),
    active: 1,
    created_by: await userIdOf(fx, 'envoy@envoy.example'),
    created_at: new Date().toISOString(),
  });
  return id;
}

/** Webhooks are the mediator team's alone: no party record or version is involved. */
export const WEBHOOKS_SAMPLES: Record<string, Sample> = {
  'GET /api/v1/processes/:processId/webhooks': async (fx) => ({
    method: 'GET',
    url: `/api/v1/processes/${fx.processId}/webhooks`,
  }),
  'POST /api/v1/processes/:processId/webhooks': async (fx) => ({
    method: 'POST',
    url: `/api/v1/processes/${fx.processId}/webhooks`,
    payload: { url: `${NOWHERE}/${next()}`, events: ['commitment.status_changed'] },
  }),
  'DELETE /api/v1/processes/:processId/webhooks/:webhookId': async (fx) => ({
    method: 'DELETE',
    url: `/api/v1/processes/${fx.processId}/webhooks/${await writeWebhook(fx)}`,
  }),
  'GET /api/v1/processes/:processId/webhooks/:webhookId/deliveries': async (fx) => ({
    method: 'GET',
    url: `/api/v1/processes/${fx.processId}/webhooks/${await writeWebhook(fx)}/deliveries`,
  }),
  'POST /api/v1/processes/:processId/webhooks/:webhookId/test': async (fx) => ({
    method: 'POST',
    url: `/api/v1/processes/${fx.processId}/webhooks/${await writeWebhook(fx)}/test`,
  }),
};
