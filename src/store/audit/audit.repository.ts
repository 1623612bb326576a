import { createHash } from 'node:crypto';
import { canonicalJson } from '../../domain/plans/content-hash.ts';
import type { Tx } from '../transaction.ts';

export interface AuditEntryInput {
  processId: string | null;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  detail?: Record<string, unknown>;
}

/** The hash that chains an entry to its predecessor: SHA-256 over the previous hash and the entry. */
export function auditEntryHash(prevHash: string, entry: Record<string, unknown>): string {
  return createHash('sha256').update(prevHash).update(canonicalJson(entry)).digest('hex');
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
