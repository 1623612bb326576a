import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type AuditEntry,
  auditEntryHash,
  GENESIS_HASH,
  startOfChain,
  verifyEntries,
} from '../src/domain/audit/audit-chain.ts';
import { verifyAuditLog } from '../src/services/audit/verify-audit-log.ts';
import { openDatabase } from '../src/store/database.ts';
import { migrateToLatest } from '../src/store/migrate.ts';
import type { BenchRow, BenchTable } from './harness.ts';

const ENTRIES = Number(process.env.BENCH_AUDIT_ENTRIES ?? 1_000_000);
const PAGE = 5000;

/** One page of a chain, made on the fly so that a million entries never sit in memory at once. */
function page(from: number, prev: string): AuditEntry[] {
  const out: AuditEntry[] = [];
  for (let seq = from; seq < from + PAGE && seq <= ENTRIES; seq++) {
    const fields = {
      seq,
      at: new Date(Date.UTC(2026, 0, 1) + seq * 1000).toISOString(),
      process_id: 'prc_bench',
      actor_id: 'usr_bench',
      action: 'draft.edit',
      subject_type: 'plan',
      subject_id: 'pln_bench',
      detail: `{"op":"updatePoint","points":["pt_${seq % 30}"],"revision":${seq}}`,
    };
    const hash = auditEntryHash(prev, fields);
    out.push({ ...fields, prev_hash: prev, hash });
    prev = hash;
  }
  return out;
}

/** Verifying the audit chain (issue budget: 1,000,000 entries in under 10 s), against bare SHA-256. */
export async function benchAudit(): Promise<BenchTable> {
  const pages: AuditEntry[][] = [];
  let prev = GENESIS_HASH;
  for (let from = 1; from <= ENTRIES; from += PAGE) {
    const p = page(from, prev);
    pages.push(p);
    prev = p[p.length - 1]?.hash ?? prev;
  }
  let t0 = performance.now();
  let cursor = startOfChain();
  for (const p of pages) {
    const next = verifyEntries(cursor, p);
    if ('kind' in next) throw new Error(next.message);
    cursor = next;
  }
  const verifyMs = performance.now() - t0;
  // Baseline: hashing the same number of entries' text with nothing else around it.
  t0 = performance.now();
  for (const p of pages)
    for (const e of p) createHash('sha256').update(e.prev_hash).update(e.detail).digest('hex');
  const hashMs = performance.now() - t0;
  return {
    title: 'Audit chain verification',
    rows: [
      await verifyFromDatabase(),
      {
        name: `verify ${ENTRIES.toLocaleString('en')} entries in memory`,
        value: verifyMs / 1000,
        unit: 's',
        budget: 10,
        ratio: { against: 'bare SHA-256 per entry', value: verifyMs / hashMs },
        detail: `${Math.round(ENTRIES / (verifyMs / 1000)).toLocaleString('en')} entries/s`,
      },
    ],
  };
}

/**
 * `entente audit verify` end to end: a SQLite database holding the same million entries, read page
 * by page inside one snapshot. The ratio is to the in-memory walk above, i.e. what reading costs.
 */
async function verifyFromDatabase(): Promise<BenchRow> {
  const dir = mkdtempSync(join(tmpdir(), 'entente-bench-audit-'));
  const database = openDatabase({ kind: 'sqlite', file: join(dir, 'audit.sqlite') });
  try {
    await migrateToLatest(database);
    let prev = GENESIS_HASH;
    await database.db.transaction().execute(async (tx) => {
      for (let from = 1; from <= ENTRIES; from += PAGE) {
        const entries = page(from, prev);
        // 500 rows of 10 columns stay under SQLite's limit of bound parameters per statement.
        for (let i = 0; i < entries.length; i += 500)
          await tx
            .insertInto('audit_log')
            .values(entries.slice(i, i + 500))
            .execute();
        prev = entries[entries.length - 1]?.hash ?? prev;
      }
      await tx.updateTable('audit_head').set({ seq: ENTRIES, hash: prev }).where('id', '=', 1).execute();
    });
    const t0 = performance.now();
    const result = await verifyAuditLog(database);
    const ms = performance.now() - t0;
    if (!result.ok) throw new Error(`the benchmark chain does not verify: ${result.problem.message}`);
    return {
      name: `entente audit verify, ${ENTRIES.toLocaleString('en')} entries from SQLite`,
      value: ms / 1000,
      unit: 's',
      budget: 10,
      detail: `${Math.round(ENTRIES / (ms / 1000)).toLocaleString('en')} entries/s, reads included`,
    };
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
