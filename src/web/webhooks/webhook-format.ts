import type { DeliveryStatus, WebhookEventKind } from './webhook-types.ts';

export const WEBHOOK_EVENT_LABELS: Record<WebhookEventKind, { label: string; hint: string }> = {
  'commitment.overdue': {
    label: 'A commitment becomes overdue',
    hint: 'its deadline passed and it is not done',
  },
  'commitment.status_changed': {
    label: 'A commitment changes status',
    hint: 'any change: started, completed, breached, disputed, overdue…',
  },
};

export const DELIVERY_STATUS_LABELS: Record<DeliveryStatus, string> = {
  pending: 'Waiting to retry',
  delivered: 'Delivered',
  failed: 'Failed',
};

/** "webhook.test" → "Test", "commitment.overdue" → "Commitment overdue". */
export function eventKindLabel(kind: string): string {
  if (kind === 'webhook.test') return 'Test';
  const known = WEBHOOK_EVENT_LABELS[kind as WebhookEventKind];
  return known ? known.label : kind;
}
