import { randomBytes } from 'node:crypto';
import { WEBHOOK_SECRET_PREFIX } from '../../../domain/monitoring/webhook-signature.ts';
import { newId } from '../../../domain/shared/ids.ts';
import { appendAudit } from '../../../store/audit/audit.repository.ts';
import type { Database } from '../../../store/database.ts';
import { insertWebhook, type WebhookRow } from '../../../store/monitoring/webhooks.repository.ts';
import type { Actor } from '../../access/sessions.ts';
import type { NewWebhook } from './webhook.schema.ts';
import { loadWebhookManager } from './webhook-access.ts';
import { presentWebhook } from './webhook-presenter.ts';

/**
 * Registers an outgoing webhook (mediator team). Its signing secret, 32 random bytes, is in this
 * answer only: the list never shows it again. It is stored as is, for signing needs the key itself.
 * The audit entry names the events, not the address, which may carry a token of the receiver's.
 */
export async function createWebhook(database: Database, actor: Actor, processId: string, input: NewWebhook) {
  return database.db.transaction().execute(async (tx) => {
    await loadWebhookManager(tx, actor, processId);
    const row: WebhookRow = {
      id: newId('whk'),
      process_id: processId,
      url: input.url,
      secret: `${WEBHOOK_SECRET_PREFIX}${randomBytes(32).toString('base64url')}`,
      events: JSON.stringify(input.events),
      active: 1,
      created_by: actor.user.id,
      created_at: new Date().toISOString(),
    };
    await insertWebhook(tx, row);
    await appendAudit(tx, {
      processId,
      actorId: actor.user.id,
      action: 'webhook.create',
      subjectType: 'webhook',
      subjectId: row.id,
      detail: { events: input.events },
    });
    return { webhook: presentWebhook(row), secret: row.secret };
  });
}
