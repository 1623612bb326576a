import type { CommitmentStatus, WebhookEventKind } from '../../../domain/monitoring/monitoring-model.ts';
import type { CommitmentLine } from '../../../domain/monitoring/monitoring-snapshot.ts';
import { newId } from '../../../domain/shared/ids.ts';
import { appendAudit } from '../../../store/audit/audit.repository.ts';
import type { Database } from '../../../store/database.ts';
import {
  findWatchedAgreement,
  listAgreementNotices,
  listWatchedAgreements,
  moveNotice,
} from '../../../store/monitoring/commitment-status-notices.repository.ts';
import {
  insertDeliveries,
  type WebhookDeliveryRow,
} from '../../../store/monitoring/webhook-deliveries.repository.ts';
import { listSubscribedWebhooks } from '../../../store/monitoring/webhooks.repository.ts';
import { loadMonitoringSnapshot } from '../status/load-monitoring-snapshot.ts';
import type { CommitmentEventPayload } from './webhook-payload.ts';

type WatchedAgreement = { id: string; process_id: string; title: string };

/** What a commitment is taken to have been before anything was announced about it. */
const FIRST_STATUS: CommitmentStatus = 'not_started';

/**
 * The status watcher: recomputes the status of every commitment as of `now` (of one agreement,
 * or of all) and announces each change since the status last announced, queueing a delivery for
 * every webhook that receives it. Safe to run on several instances at once: see `announceChange`.
 * Returns how many changes this call announced.
 */
export async function announceStatusChanges(
  database: Database,
  scope: { agreementId?: string } = {},
  now: Date = new Date(),
): Promise<{ changes: number; deliveries: number }> {
  const agreements: WatchedAgreement[] = scope.agreementId
    ? [await findWatchedAgreement(database.db, scope.agreementId)].filter((a) => a !== undefined)
    : await listWatchedAgreements(database.db);
  let changes = 0;
  let deliveries = 0;
  for (const agreement of agreements) {
    const snapshot = await loadMonitoringSnapshot(database.db, agreement.id, now.toISOString(), {
      dueWithinHours: 72,
    });
    const announced = new Map(
      (await listAgreementNotices(database.db, agreement.id)).map((n) => [n.commitment_id, n.status]),
    );
    for (const line of snapshot.commitments) {
      const previous = (announced.get(line.id) as CommitmentStatus | undefined) ?? null;
      if (line.status === (previous ?? FIRST_STATUS)) continue;
      const queued = await announceChange(database, agreement, line, previous, now);
      if (queued !== null) {
        changes += 1;
        deliveries += queued;
      }
    }
  }
  return { changes, deliveries };
}

/**
 * Recomputes and announces the statuses of one agreement right after a change to it (a progress
 * entry, a score). Never throws: the change itself is already saved, and whatever this misses the
 * watcher announces within a minute.
 */
export async function announceAgreementStatuses(database: Database, agreementId: string): Promise<void> {
  try {
    await announceStatusChanges(database, { agreementId });
  } catch {
    // Left to the next run of the watcher.
  }
}

/**
 * Announces one change in one transaction: moves the commitment's notice from the status read to
 * the new one (compare-and-set: of two watchers that saw the same change, one moves it and the
 * other finds it moved and does nothing), queues the deliveries and, if any, writes the audit entry.
 * Returns the number of deliveries queued, or null when another watcher announced it first.
 */
async function announceChange(
  database: Database,
  agreement: WatchedAgreement,
  line: CommitmentLine,
  previous: CommitmentStatus | null,
  now: Date,
): Promise<number | null> {
  const at = now.toISOString();
  return database.db.transaction().execute(async (tx) => {
    if (!(await moveNotice(tx, line.id, previous, line.status, at))) return null;
    const kinds: WebhookEventKind[] = ['commitment.status_changed'];
    if (line.status === 'overdue') kinds.push('commitment.overdue');
    const rows: WebhookDeliveryRow[] = [];
    for (const kind of kinds) {
      const payload: CommitmentEventPayload = {
        id: newId('evt'),
        kind,
        occurredAt: at,
        process: { id: agreement.process_id },
        agreement: { id: agreement.id, title: agreement.title },
        commitment: {
          id: line.id,
          title: line.title,
          status: line.status,
          previousStatus: previous ?? FIRST_STATUS,
          deadlineAt: line.deadlineAt,
        },
      };
      for (const webhook of await listSubscribedWebhooks(tx, agreement.process_id, kind))
        rows.push(delivery(webhook.id, kind, JSON.stringify(payload), at));
    }
    await insertDeliveries(tx, rows);
    // What is audited is the disclosure: titles and states leaving for outside addresses. A notice
    // alone is the watcher's bookkeeping, recomputable from the record at any time.
    if (rows.length > 0)
      await appendAudit(
        tx,
        {
          processId: agreement.process_id,
          actorId: null,
          action: 'commitment.status_notice',
          subjectType: 'commitment',
          subjectId: line.id,
          detail: {
            agreementId: agreement.id,
            status: line.status,
            previousStatus: previous ?? FIRST_STATUS,
            deliveries: rows.length,
          },
        },
        now,
      );
    return rows.length;
  });
}

function delivery(webhookId: string, kind: string, payload: string, at: string): WebhookDeliveryRow {
  return {
    id: newId('whd'),
    webhook_id: webhookId,
    event_kind: kind,
    payload,
    status: 'pending',
    attempts: 0,
    next_attempt_at: at,
    last_error: '',
    response_status: null,
    created_at: at,
    delivered_at: null,
  };
}
