import type { Database } from '../../../store/database.ts';
import { listDeliveries } from '../../../store/monitoring/webhook-deliveries.repository.ts';
import { listWebhooks } from '../../../store/monitoring/webhooks.repository.ts';
import type { Actor } from '../../access/sessions.ts';
import { loadManagedWebhook, loadWebhookManager } from './webhook-access.ts';
import { presentDelivery, presentWebhook } from './webhook-presenter.ts';

/** How many of a webhook's deliveries are listed, newest first. */
const DELIVERY_PAGE = 100;

/** The process's webhooks, without their secrets (mediator team). */
export async function listProcessWebhooks(database: Database, actor: Actor, processId: string) {
  await loadWebhookManager(database.db, actor, processId);
  return { items: (await listWebhooks(database.db, processId)).map(presentWebhook) };
}

/** A webhook's latest deliveries with their attempts and errors, newest first. */
export async function listWebhookDeliveries(
  database: Database,
  actor: Actor,
  processId: string,
  webhookId: string,
) {
  await loadManagedWebhook(database.db, actor, processId, webhookId);
  return { items: (await listDeliveries(database.db, webhookId, DELIVERY_PAGE)).map(presentDelivery) };
}
