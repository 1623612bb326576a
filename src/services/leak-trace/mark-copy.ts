import { randomBytes } from 'node:crypto';
import { markPlan } from '../../domain/leak-trace/fingerprint-plan.ts';
import type { MarkOptions } from '../../domain/leak-trace/fingerprint-text.ts';
import type { PlanContent } from '../../domain/plans/plan.ts';
import { newId } from '../../domain/shared/ids.ts';
import { insertFingerprint } from '../../store/leak-trace/fingerprints.repository.ts';
import type { Tx } from '../../store/transaction.ts';

/** How a copy left the app: an export format, a print rendition, or an on-screen view. */
export type CopyChannel = 'md' | 'json' | 'docx' | 'pdf' | 'print' | 'view';

/**
 * The marks a copy gets, by how it leaves. A PDF cannot hold zero-width characters (its font
 * engine drops them as default-ignorable), so PDF and print copies carry no-break spaces instead.
 */
export function marksFor(channel: string): MarkOptions {
  return channel === 'pdf' || channel === 'print' ? { invisible: false, spacing: true } : {};
}

/** Who receives a copy of which version; `partyId` is the recipient's party in the process, if any. */
export interface CopyRecipient {
  processId: string;
  planId: string;
  versionId: string;
  partyId: string | null;
  userId: string;
  channel: CopyChannel;
}

/**
 * Marks a version's text for one recipient and records the copy, in the caller's transaction: a
 * fresh random seed per copy, so that every copy (even two for one person) can be told apart.
 * The caller names `fingerprintId` in the audit entry it writes for the copy in that transaction.
 */
export async function markCopyFor(
  tx: Tx,
  recipient: CopyRecipient,
  content: PlanContent,
  now: Date = new Date(),
): Promise<{ content: PlanContent; fingerprintId: string }> {
  const seed = randomBytes(32).toString('base64url');
  const fingerprintId = newId('fpr');
  await insertFingerprint(tx, {
    id: fingerprintId,
    process_id: recipient.processId,
    plan_id: recipient.planId,
    version_id: recipient.versionId,
    party_id: recipient.partyId,
    user_id: recipient.userId,
    channel: recipient.channel,
    seed,
    created_at: now.toISOString(),
  });
  return { content: markPlan(content, seed, marksFor(recipient.channel)), fingerprintId };
}
