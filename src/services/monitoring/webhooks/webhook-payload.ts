import type { CommitmentStatus, WebhookEventKind } from '../../../domain/monitoring/monitoring-model.ts';

/**
 * What a commitment event delivers. Only names and states: the agreement's and the commitment's
 * titles, never the commitment's description, notes, justifications or any text of the plan.
 */
export interface CommitmentEventPayload {
  /** The event's id, the same on every attempt: receivers use it to ignore repeats. */
  id: string;
  kind: WebhookEventKind;
  occurredAt: string;
  process: { id: string };
  agreement: { id: string; title: string };
  commitment: {
    id: string;
    title: string;
    status: CommitmentStatus;
    previousStatus: CommitmentStatus;
    deadlineAt: string | null;
  };
}

/** What `POST …/webhooks/:id/test` sends, to check the address and the signature. */
export interface TestEventPayload {
  id: string;
  kind: 'webhook.test';
  occurredAt: string;
  process: { id: string };
}

export const TEST_EVENT_KIND = 'webhook.test';
