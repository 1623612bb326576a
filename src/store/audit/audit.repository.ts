import { auditEntryHash } from '../../domain/audit/audit-chain.ts';
import type { Tx } from '../transaction.ts';

export interface AuditEntryInput {
  processId: string | null;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  detail?: Record<string, unknown>;
}

/**
 * Appends an entry in the caller's transaction. Bumping the head row first takes its row lock
 * (PostgreSQL; SQLite has a single writer), so two instances never chain onto the same predecessor.
 */
export async function appendAudit(tx: Tx, input: AuditEntryInput, now: Date = new Date()): Promise<void> {
  const head = await tx
    .updateTable('audit_head')
    .set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('id', '=', 1)
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();
  const seq = head.seq;
  const row = {
    seq,
    at: now.toISOString(),
    process_id: input.processId,
    actor_id: input.actorId,
    action: input.action,
    subject_type: input.subjectType,
    subject_id: input.subjectId,
    detail: JSON.stringify(input.detail ?? {}),
  };
  const hash = auditEntryHash(head.hash, row);
  await tx
    .insertInto('audit_log')
    .values({ ...row, prev_hash: head.hash, hash })
    .execute();
  await tx.updateTable('audit_head').set({ hash }).where('id', '=', 1).execute();
}

/** Entries in chain order from `afterSeq`, a page at a time. */
export async function auditPage(tx: Tx, afterSeq: number, limit: number) {
  return tx
    .selectFrom('audit_log')
    .selectAll()
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
}

export async function auditHead(tx: Tx) {
  return tx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
}
