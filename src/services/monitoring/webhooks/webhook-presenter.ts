import type { WebhookDeliveryRow } from '../../../store/monitoring/webhook-deliveries.repository.ts';
import { type WebhookRow, webhookEvents } from '../../../store/monitoring/webhooks.repository.ts';

/** A webhook as the API shows it: never its secret, which is shown once when it is made. */
export function presentWebhook(row: WebhookRow) {
  return {
    id: row.id,
    url: row.url,
    events: webhookEvents(row),
    active: row.active === 1,
    createdAt: row.created_at,
  };
}

/** One delivery: what was sent, how many attempts, and how the last one went. */
export function presentDelivery(row: WebhookDeliveryRow) {
  return {
    id: row.id,
    webhookId: row.webhook_id,
    eventKind: row.event_kind,
    status: row.status as 'pending' | 'delivered' | 'failed',
    attempts: row.attempts,
    nextAttemptAt: row.status === 'pending' ? row.next_attempt_at : null,
    lastError: row.last_error,
    responseStatus: row.response_status,
    createdAt: row.created_at,
    deliveredAt: row.delivered_at,
    payload: JSON.parse(row.payload) as unknown,
  };
}
