import { AppError } from '../../../domain/shared/app-error.ts';
import { findWebhook, type WebhookRow } from '../../../store/monitoring/webhooks.repository.ts';
import type { Tx } from '../../../store/transaction.ts';
import { authorize } from '../../access/authorize.ts';
import type { Actor } from '../../access/sessions.ts';
import { loadProcessViewer } from '../../meetings/meeting-access.ts';
import { processNotFound } from '../../processes/add-party.ts';

export const webhookNotFound = (id: string) =>
  new AppError('webhook.not_found', `webhook ${id} does not exist in this process`);

/** The actor as the one managing the process's webhooks (the mediator team); others are refused. */
export async function loadWebhookManager(tx: Tx, actor: Actor, processId: string) {
  const { viewer } = await loadProcessViewer(tx, actor, processId);
  authorize(viewer, 'webhook.manage', () => processNotFound(processId));
  return viewer;
}

/** A webhook of the process, for the one managing them; refused before its existence is looked at. */
export async function loadManagedWebhook(
  tx: Tx,
  actor: Actor,
  processId: string,
  webhookId: string,
): Promise<WebhookRow> {
  await loadWebhookManager(tx, actor, processId);
  const webhook = await findWebhook(tx, processId, webhookId);
  if (!webhook) throw webhookNotFound(webhookId);
  return webhook;
}
