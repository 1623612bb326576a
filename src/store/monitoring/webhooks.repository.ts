import type { Selectable } from 'kysely';
import type { WebhookEventKind } from '../../domain/monitoring/monitoring-model.ts';
import type { Tx } from '../transaction.ts';
import type { WebhookTable } from './monitoring.tables.ts';

export type WebhookRow = Selectable<WebhookTable>;

export async function insertWebhook(tx: Tx, row: WebhookRow): Promise<void> {
  await tx.insertInto('webhooks').values(row).execute();
}

/** The webhooks of a process, oldest first. */
export async function listWebhooks(tx: Tx, processId: string): Promise<WebhookRow[]> {
  return tx
    .selectFrom('webhooks')
    .selectAll()
    .where('process_id', '=', processId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function findWebhook(tx: Tx, processId: string, id: string): Promise<WebhookRow | undefined> {
  return tx
    .selectFrom('webhooks')
    .selectAll()
    .where('process_id', '=', processId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** A webhook by id alone, for the delivery worker (which has no process at hand). */
export async function findWebhookById(tx: Tx, id: string): Promise<WebhookRow | undefined> {
  return tx.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Deletes a webhook (its deliveries go with it); false when there was none. */
export async function deleteWebhook(tx: Tx, processId: string, id: string): Promise<boolean> {
  const result = await tx
    .deleteFrom('webhooks')
    .where('process_id', '=', processId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The event kinds a webhook row receives. */
export function webhookEvents(row: Pick<WebhookRow, 'events'>): WebhookEventKind[] {
  return JSON.parse(row.events) as WebhookEventKind[];
}

/**
 * The active webhooks of a process that receive `kind`. A process has a handful of webhooks, so
 * the kinds (a JSON list) are filtered here rather than in SQL, the same way on both databases.
 */
export async function listSubscribedWebhooks(
  tx: Tx,
  processId: string,
  kind: WebhookEventKind,
): Promise<WebhookRow[]> {
  const rows = await tx
    .selectFrom('webhooks')
    .selectAll()
    .where('process_id', '=', processId)
    .where('active', '=', 1)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.filter((row) => webhookEvents(row).includes(kind));
}
