import { createHash } from 'node:crypto';
import { canonicalJson } from '../plans/content-hash.ts';

/** The chain's starting point: the "previous hash" of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** An audit entry as stored: the hashed fields plus its link and its own hash. */
export interface AuditEntry {
  seq: number;
  at: string;
  process_id: string | null;
  actor_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  detail: string;
  prev_hash: string;
  hash: string;
}

/** SHA-256 over the previous entry's hash and the canonical JSON of this entry's fields. */
export function auditEntryHash(prevHash: string, entry: Omit<AuditEntry, 'prev_hash' | 'hash'>): string {
  return createHash('sha256').update(prevHash).update(canonicalEntryJson(entry)).digest('hex');
}

const j = JSON.stringify;

/**
 * canonicalJson of the hashed fields, written out in their sorted key order: the same bytes,
 * several times faster, which matters when a million entries are verified.
 */
export function canonicalEntryJson(e: Omit<AuditEntry, 'prev_hash' | 'hash'>): string {
  return `{"action":${j(e.action)},"actor_id":${j(e.actor_id)},"at":${j(e.at)},"detail":${j(e.detail)},"process_id":${j(e.process_id)},"seq":${j(e.seq)},"subject_id":${j(e.subject_id)},"subject_type":${j(e.subject_type)}}`;
}

/** The generic form, kept to check the fast one against (see the tests). */
export function genericEntryJson(e: Omit<AuditEntry, 'prev_hash' | 'hash'>): string {
  const { seq, at, process_id, actor_id, action, subject_type, subject_id, detail } = e;
  return canonicalJson({ seq, at, process_id, actor_id, action, subject_type, subject_id, detail });
}

export type ChainBreak =
  | { kind: 'altered'; seq: number; message: string }
  | { kind: 'removed'; seq: number; message: string }
  | { kind: 'inserted'; seq: number; message: string }
  | { kind: 'reordered'; seq: number; message: string }
  | { kind: 'truncated'; seq: number; message: string };

/** Where a verification has got to: fed page by page, so a million entries need no memory. */
export interface ChainCursor {
  expectedSeq: number;
  prevHash: string;
  count: number;
}

export const startOfChain = (): ChainCursor => ({ expectedSeq: 1, prevHash: GENESIS_HASH, count: 0 });

/**
 * Checks the next entries of a hash chain (a Merkle–Damgård-style linked log, as in Schneier and
 * Kelsey's secure audit logs). Returns the first break, or the cursor to continue from.
 */
export function verifyEntries(cursor: ChainCursor, entries: readonly AuditEntry[]): ChainCursor | ChainBreak {
  let { expectedSeq, prevHash, count } = cursor;
  for (const entry of entries) {
    if (entry.seq > expectedSeq) {
      return {
        kind: 'removed',
        seq: expectedSeq,
        message: `entry ${expectedSeq} is missing: it was removed`,
      };
    }
    if (entry.seq < expectedSeq) {
      return { kind: 'reordered', seq: entry.seq, message: `entry ${entry.seq} appears out of order` };
    }
    const ownHash = auditEntryHash(entry.prev_hash, entry);
    if (ownHash !== entry.hash) {
      return {
        kind: 'altered',
        seq: entry.seq,
        message: `entry ${entry.seq} (${entry.action}) was altered after it was written`,
      };
    }
    if (entry.prev_hash !== prevHash) {
      // The entry is intact but does not follow its predecessor: it was put there, or moved.
      return {
        kind: 'inserted',
        seq: entry.seq,
        message: `entry ${entry.seq} (${entry.action}) does not follow entry ${entry.seq - 1}: entries were inserted, removed or reordered here`,
      };
    }
    prevHash = entry.hash;
    expectedSeq++;
    count++;
  }
  return { expectedSeq, prevHash, count };
}

/** Compares the end of the chain with the head the database keeps, which catches a cut-off tail. */
export function verifyHead(cursor: ChainCursor, head: { seq: number; hash: string }): ChainBreak | null {
  if (head.seq === cursor.count && head.hash === cursor.prevHash) return null;
  if (head.seq > cursor.count) {
    return {
      kind: 'truncated',
      seq: cursor.count + 1,
      message: `the log ends at entry ${cursor.count} but ${head.seq} were written: the last entries were removed`,
    };
  }
  if (head.seq < cursor.count) {
    return {
      kind: 'inserted',
      seq: head.seq + 1,
      message: `entries ${head.seq + 1} to ${cursor.count} follow the recorded end of the log: they were added outside Entente`,
    };
  }
  return {
    kind: 'altered',
    seq: head.seq,
    message: `entry ${head.seq} does not match the recorded end of the log`,
  };
}

export function isBreak(v: ChainCursor | ChainBreak): v is ChainBreak {
  return 'kind' in v;
}
