/** Response shapes of the webhooks API, as the webhooks page reads them. */
import type { WebhookEventKind } from '../../domain/monitoring/monitoring-model.ts';

export type { WebhookEventKind };

export interface Webhook {
  id: string;
  url: string;
  events: WebhookEventKind[];
  active: boolean;
  createdAt: string;
}

export interface WebhookList {
  items: Webhook[];
}

/** Answer to creating one: the signing secret, shown this once. */
export interface NewWebhookResponse {
  webhook: Webhook;
  secret: string;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface WebhookDelivery {
  id: string;
  webhookId: string;
  eventKind: string;
  status: DeliveryStatus;
  attempts: number;
  /** When the next retry is due, while pending. */
  nextAttemptAt: string | null;
  lastError: string;
  responseStatus: number | null;
  createdAt: string;
  deliveredAt: string | null;
  payload: unknown;
}

export interface DeliveryList {
  items: WebhookDelivery[];
}
