import { newId } from '../../../domain/shared/ids.ts';
import { appendAudit } from '../../../store/audit/audit.repository.ts';
import type { Database } from '../../../store/database.ts';
import {
  insertDeliveries,
  type WebhookDeliveryRow,
} from '../../../store/monitoring/webhook-deliveries.repository.ts';
import type { Actor } from '../../access/sessions.ts';
import { attemptDelivery, claimDue, DEFAULT_DELIVERY, type DeliverySettings } from './deliver-webhooks.ts';
import { loadManagedWebhook } from './webhook-access.ts';
import { TEST_EVENT_KIND, type TestEventPayload } from './webhook-payload.ts';
import { presentDelivery } from './webhook-presenter.ts';

/**
 * Sends a test event to a webhook now and answers with how the attempt went. It is a delivery
 * like any other: if the receiver fails, the worker retries it on the usual schedule.
 */
export async function testWebhook(
  database: Database,
  actor: Actor,
  processId: string,
  webhookId: string,
  settings: DeliverySettings = DEFAULT_DELIVERY,
) {
  const now = new Date();
  const delivery = await database.db.transaction().execute(async (tx) => {
    await loadManagedWebhook(tx, actor, processId, webhookId);
    const payload: TestEventPayload = {
      id: newId('evt'),
      kind: TEST_EVENT_KIND,
      occurredAt: now.toISOString(),
      process: { id: processId },
    };
    const row: WebhookDeliveryRow = {
      id: newId('whd'),
      webhook_id: webhookId,
      event_kind: TEST_EVENT_KIND,
      payload: JSON.stringify(payload),
      status: 'pending',
      attempts: 0,
      next_attempt_at: now.toISOString(),
      last_error: '',
      response_status: null,
      created_at: now.toISOString(),
      delivered_at: null,
    };
    await insertDeliveries(tx, [row]);
    await appendAudit(tx, {
      processId,
      actorId: actor.user.id,
      action: 'webhook.test',
      subjectType: 'webhook',
      subjectId: webhookId,
    });
    return row;
  });
  const claimed = await claimDue(database, delivery, now, settings);
  // A worker of another instance may have taken it first: it is then on its way anyway.
  const sent = claimed ? await attemptDelivery(database, claimed, settings) : delivery;
  return { delivery: presentDelivery(sent) };
}
