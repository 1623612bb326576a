import { appendAudit } from '../../../store/audit/audit.repository.ts';
import type { Database } from '../../../store/database.ts';
import { deleteWebhook } from '../../../store/monitoring/webhooks.repository.ts';
import type { Actor } from '../../access/sessions.ts';
import { loadManagedWebhook } from './webhook-access.ts';

/** Removes a webhook with its secret and deliveries: nothing more is sent to it, not even retries. */
export async function removeWebhook(database: Database, actor: Actor, processId: string, webhookId: string) {
  await database.db.transaction().execute(async (tx) => {
    const webhook = await loadManagedWebhook(tx, actor, processId, webhookId);
    await deleteWebhook(tx, processId, webhookId);
    await appendAudit(tx, {
      processId,
      actorId: actor.user.id,
      action: 'webhook.delete',
      subjectType: 'webhook',
      subjectId: webhookId,
      detail: { events: JSON.parse(webhook.events) as unknown },
    });
  });
}
