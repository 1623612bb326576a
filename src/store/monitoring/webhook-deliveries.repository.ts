import type { Selectable } from 'kysely';
import type { Tx } from '../transaction.ts';
import type { WebhookDeliveryTable } from './monitoring.tables.ts';

export type WebhookDeliveryRow = Selectable<WebhookDeliveryTable>;

export async function insertDeliveries(tx: Tx, rows: readonly WebhookDeliveryRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insertInto('webhook_deliveries')
    .values([...rows])
    .execute();
}

export async function findDelivery(tx: Tx, id: string): Promise<WebhookDeliveryRow | undefined> {
  return tx.selectFrom('webhook_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A webhook's deliveries, newest first. */
export async function listDeliveries(
  tx: Tx,
  webhookId: string,
  limit: number,
): Promise<WebhookDeliveryRow[]> {
  return tx
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('webhook_id', '=', webhookId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Pending deliveries due by `now`, the longest waiting first (candidates: `claimDelivery` decides). */
export async function listDueDeliveries(
  tx: Tx,
  now: string,
  limit: number,
): Promise<Pick<WebhookDeliveryRow, 'id' | 'attempts' | 'next_attempt_at'>[]> {
  return tx
    .selectFrom('webhook_deliveries')
    .select(['id', 'attempts', 'next_attempt_at'])
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/**
 * Takes one attempt of a delivery for this worker, or returns undefined when another worker took
 * it first: a compare-and-set on the attempt count the candidate was read with, which only one
 * UPDATE can win on either database (PostgreSQL re-checks the condition after the row lock). The
 * winner counts the attempt and pushes `next_attempt_at` to `leaseUntil`, so that nobody else
 * takes it while the request is in flight, and a worker that dies mid-request leaves it due again.
 */
export async function claimDelivery(
  tx: Tx,
  candidate: Pick<WebhookDeliveryRow, 'id' | 'attempts'>,
  now: string,
  leaseUntil: string,
): Promise<WebhookDeliveryRow | undefined> {
  return tx
    .updateTable('webhook_deliveries')
    .set({ attempts: candidate.attempts + 1, next_attempt_at: leaseUntil })
    .where('id', '=', candidate.id)
    .where('status', '=', 'pending')
    .where('attempts', '=', candidate.attempts)
    .where('next_attempt_at', '<=', now)
    .returningAll()
    .executeTakeFirst();
}

export interface AttemptOutcome {
  status: 'pending' | 'delivered' | 'failed';
  nextAttemptAt: string;
  lastError: string;
  responseStatus: number | null;
  deliveredAt: string | null;
}

/**
 * Records how a claimed attempt went. Guarded by the attempt number: a worker whose lease ran out
 * (and whose delivery someone else has taken since) does not overwrite the newer attempt.
 */
export async function recordAttempt(
  tx: Tx,
  id: string,
  attempt: number,
  outcome: AttemptOutcome,
): Promise<boolean> {
  const result = await tx
    .updateTable('webhook_deliveries')
    .set({
      status: outcome.status,
      next_attempt_at: outcome.nextAttemptAt,
      last_error: outcome.lastError,
      response_status: outcome.responseStatus,
      delivered_at: outcome.deliveredAt,
    })
    .where('id', '=', id)
    .where('attempts', '=', attempt)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
