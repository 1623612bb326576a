import {
  type ChainBreak,
  isBreak,
  startOfChain,
  verifyEntries,
  verifyHead,
} from '../../domain/audit/audit-chain.ts';
import { auditHead, auditPage } from '../../store/audit/audit.repository.ts';
import type { Database } from '../../store/database.ts';

const PAGE = 5000;

export type AuditVerification =
  | { ok: true; entries: number; headHash: string }
  | { ok: false; entries: number; problem: ChainBreak };

/** Walks the whole audit chain page by page and reports the first entry that breaks it. */
export async function verifyAuditLog(database: Database): Promise<AuditVerification> {
  // One snapshot for the head and every page, so that entries written meanwhile do not count
  // (SQLite transactions here are immediate, and so already a snapshot).
  let transaction = database.db.transaction();
  if (database.dialect === 'postgres') transaction = transaction.setIsolationLevel('repeatable read');
  return transaction.execute(async (tx) => {
    const head = await auditHead(tx);
    let cursor = startOfChain();
    let afterSeq = 0;
    for (;;) {
      const page = await auditPage(tx, afterSeq, PAGE);
      if (page.length === 0) break;
      const next = verifyEntries(cursor, page);
      if (isBreak(next)) return { ok: false, entries: cursor.count, problem: next };
      cursor = next;
      afterSeq = page[page.length - 1]?.seq ?? afterSeq;
      if (page.length < PAGE) break;
    }
    const headBreak = verifyHead(cursor, head);
    if (headBreak) return { ok: false, entries: cursor.count, problem: headBreak };
    return { ok: true, entries: cursor.count, headHash: cursor.prevHash };
  });
}
