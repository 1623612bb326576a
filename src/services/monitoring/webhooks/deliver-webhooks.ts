import { SIGNATURE_HEADER, signWebhook } from '../../../domain/monitoring/webhook-signature.ts';
import type { Database } from '../../../store/database.ts';
import {
  type AttemptOutcome,
  claimDelivery,
  listDueDeliveries,
  recordAttempt,
  type WebhookDeliveryRow,
} from '../../../store/monitoring/webhook-deliveries.repository.ts';
import { findWebhookById } from '../../../store/monitoring/webhooks.repository.ts';
import { afterFailure, DEFAULT_RETRY, type RetryPolicy } from './retry-schedule.ts';

export interface DeliverySettings {
  /** How long a receiver has to answer one attempt. */
  timeoutMs: number;
  retry: RetryPolicy;
  /** Deliveries taken per run; the rest wait for the next run. */
  batchSize: number;
}

export const DEFAULT_DELIVERY: DeliverySettings = { timeoutMs: 10_000, retry: DEFAULT_RETRY, batchSize: 20 };

/** A claimed attempt is another worker's again after its timeout and this margin (a crashed worker). */
const LEASE_MARGIN_MS = 60_000;

/**
 * Sends the deliveries that are due, each attempt claimed first (see `claimDelivery`), so that
 * several instances sharing one database never send the same attempt twice. Requests run in
 * parallel and outside any transaction; returns how many attempts this run made.
 */
export async function deliverDueWebhooks(
  database: Database,
  settings: DeliverySettings = DEFAULT_DELIVERY,
  clock: () => Date = () => new Date(),
): Promise<{ attempted: number; delivered: number }> {
  const now = clock();
  const candidates = await listDueDeliveries(database.db, now.toISOString(), settings.batchSize);
  const results = await Promise.all(
    candidates.map(async (candidate) => {
      const claimed = await claimDue(database, candidate, now, settings);
      return claimed ? attemptDelivery(database, claimed, settings, clock) : null;
    }),
  );
  const made = results.filter((r): r is WebhookDeliveryRow => r !== null);
  return { attempted: made.length, delivered: made.filter((r) => r.status === 'delivered').length };
}

/** Claims one due delivery for an attempt now; undefined when another worker has it. */
export function claimDue(
  database: Database,
  candidate: Pick<WebhookDeliveryRow, 'id' | 'attempts'>,
  now: Date,
  settings: DeliverySettings,
) {
  const leaseUntil = new Date(now.getTime() + settings.timeoutMs + LEASE_MARGIN_MS).toISOString();
  return claimDelivery(database.db, candidate, now.toISOString(), leaseUntil);
}

/**
 * Makes one claimed attempt: POSTs the payload, signed (see domain/monitoring/webhook-signature.ts),
 * and records the outcome. A 2xx answer delivers it; anything else (another status, a redirect,
 * which is not followed, no answer within the timeout) schedules a retry with exponential backoff
 * until the attempts are used. Returns the delivery as recorded.
 */
export async function attemptDelivery(
  database: Database,
  delivery: WebhookDeliveryRow,
  settings: DeliverySettings,
  clock: () => Date = () => new Date(),
): Promise<WebhookDeliveryRow> {
  const webhook = await findWebhookById(database.db, delivery.webhook_id);
  let outcome: AttemptOutcome;
  if (webhook?.active !== 1) {
    outcome = gaveUp(clock(), 'the webhook was removed or switched off');
  } else {
    const sent = await post(webhook.url, webhook.secret, delivery, settings.timeoutMs, clock);
    const now = clock();
    outcome = sent.ok
      ? {
          status: 'delivered',
          nextAttemptAt: now.toISOString(),
          lastError: '',
          responseStatus: sent.status,
          deliveredAt: now.toISOString(),
        }
      : {
          ...afterFailure(delivery.attempts, settings.retry, now),
          lastError: sent.error,
          responseStatus: sent.status,
          deliveredAt: null,
        };
  }
  await recordAttempt(database.db, delivery.id, delivery.attempts, outcome);
  return {
    ...delivery,
    status: outcome.status,
    next_attempt_at: outcome.nextAttemptAt,
    last_error: outcome.lastError,
    response_status: outcome.responseStatus,
    delivered_at: outcome.deliveredAt,
  };
}

function gaveUp(now: Date, error: string): AttemptOutcome {
  return {
    status: 'failed',
    nextAttemptAt: now.toISOString(),
    lastError: error,
    responseStatus: null,
    deliveredAt: null,
  };
}

type Sent = { ok: true; status: number } | { ok: false; status: number | null; error: string };

async function post(
  url: string,
  secret: string,
  delivery: WebhookDeliveryRow,
  timeoutMs: number,
  clock: () => Date,
): Promise<Sent> {
  const timestamp = Math.floor(clock().getTime() / 1000);
  try {
    const response = await fetch(url, {
      method: 'POST',
      body: delivery.payload,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'user-agent': 'Entente-Webhooks/0.1',
        [SIGNATURE_HEADER]: signWebhook(secret, delivery.payload, timestamp),
        'Entente-Event': delivery.event_kind,
        'Entente-Delivery': delivery.id,
        'Entente-Attempt': String(delivery.attempts),
      },
    });
    // The answer's body is of no use, and an endless one must not hold the worker.
    await response.body?.cancel().catch(() => undefined);
    if (response.status >= 200 && response.status < 300) return { ok: true, status: response.status };
    const redirect = response.status >= 300 && response.status < 400 ? ' (redirects are not followed)' : '';
    return { ok: false, status: response.status, error: `HTTP ${response.status}${redirect}` };
  } catch (error) {
    return { ok: false, status: null, error: describeFailure(error, timeoutMs) };
  }
}

/** Why a request got no answer, in words that hold no payload (only the network's own codes). */
function describeFailure(error: unknown, timeoutMs: number): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  if (e?.cause?.code) return `could not connect: ${e.cause.code}`;
  return `request failed: ${(e?.cause?.message ?? e?.message ?? String(error)).slice(0, 200)}`;
}
