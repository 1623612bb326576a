import { PostgresAdapter, type Selectable, sql } from 'kysely';
import type { ProgressEntry, ProgressKind } from '../../domain/monitoring/monitoring-model.ts';
import type { Tx } from '../transaction.ts';
import type { CommitmentProgressTable } from './monitoring.tables.ts';

export type CommitmentProgressRow = Selectable<CommitmentProgressTable>;

/** Records one progress entry (also used when a verified event report moves a commitment). */
export async function insertProgress(tx: Tx, row: CommitmentProgressTable): Promise<void> {
  await tx.insertInto('commitment_progress').values(row).execute();
}

/** The progress entries of some commitments, in the order they happened, with who recorded them. */
export async function listProgress(tx: Tx, commitmentIds: readonly string[]) {
  if (commitmentIds.length === 0) return [];
  return tx
    .selectFrom('commitment_progress as cp')
    .innerJoin('users as u', 'u.id', 'cp.recorded_by')
    .selectAll('cp')
    .select('u.name as recorded_by_name')
    .where('cp.commitment_id', 'in', commitmentIds)
    .orderBy('cp.commitment_id')
    .orderBy('cp.occurred_at')
    .orderBy('cp.recorded_at')
    .orderBy('cp.id')
    .execute();
}

/** A progress entry as the status rules read it, with the commitment it belongs to. */
type AgreementProgressRow = ProgressEntry & { commitment_id: string };

/**
 * The progress entries of every commitment of an agreement that happened by `asOf`, by commitment,
 * each list in the order they happened and entries of the same instant in the order they were
 * recorded (recorded_at, then id, compared byte by byte like JavaScript strings): the status rules
 * then need not sort them. One query whatever the number of commitments (1,000 commitments with
 * 100,000 entries must not cost a query each), and only the columns the rules read.
 *
 * The engines are asked differently because what costs differs (bench/monitoring-status.bench.ts):
 * better-sqlite3 spends most of the time making a JavaScript object per row, so SQLite returns one
 * JSON array per commitment, built in C and read by JSON.parse; PostgreSQL builds JSON slowly but
 * sends rows cheaply, so it returns the rows, sorted with the "C" collation (byte order, whatever
 * the database's collation, and cheaper to compare).
 */
export async function listAgreementProgress(
  tx: Tx,
  agreementId: string,
  asOf: string,
): Promise<Map<string, ProgressEntry[]>> {
  const ofAgreement = tx.selectFrom('commitments').select('id').where('agreement_id', '=', agreementId);
  const byCommitment = new Map<string, ProgressEntry[]>();
  if (tx.getExecutor().adapter instanceof PostgresAdapter) {
    const rows: AgreementProgressRow[] = await tx
      .selectFrom('commitment_progress as p')
      .select(['p.commitment_id', 'p.occurred_at as occurredAt', 'p.kind', 'p.quantity'])
      .where('p.commitment_id', 'in', ofAgreement)
      .where('p.occurred_at', '<=', asOf)
      .orderBy(
        sql`p.commitment_id collate "C", p.occurred_at collate "C", p.recorded_at collate "C", p.id collate "C"`,
      )
      .$narrowType<{ kind: ProgressKind }>()
      .execute();
    // The rows serve as the entries themselves: 100,000 of them are not copied again.
    let list: ProgressEntry[] = [];
    let current: string | undefined;
    for (const row of rows) {
      if (row.commitment_id !== current) {
        current = row.commitment_id;
        list = [];
        byCommitment.set(current, list);
      }
      list.push(row);
    }
    return byCommitment;
  }
  const groups = await tx
    .selectFrom('commitment_progress as p')
    .select([
      'p.commitment_id',
      sql<string>`json_group_array(json_object('occurredAt', p.occurred_at, 'kind', p.kind, 'quantity', p.quantity) order by p.occurred_at, p.recorded_at, p.id)`.as(
        'entries',
      ),
    ])
    .where('p.commitment_id', 'in', ofAgreement)
    .where('p.occurred_at', '<=', asOf)
    .groupBy('p.commitment_id')
    .execute();
  for (const g of groups) byCommitment.set(g.commitment_id, JSON.parse(g.entries) as ProgressEntry[]);
  return byCommitment;
}
