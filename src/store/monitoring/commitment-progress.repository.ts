import type { Selectable } from 'kysely';
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

/**
 * The progress entries of every commitment of an agreement that happened by `asOf`, in one query
 * (the status of 1,000 commitments with 100,000 entries must not cost a query per commitment).
 * Unordered: sorting 100,000 rows in the database costs more than the caller's sort of each
 * commitment's few entries, which it needs anyway.
 */
export async function listAgreementProgress(
  tx: Tx,
  agreementId: string,
  asOf: string,
): Promise<
  Pick<CommitmentProgressRow, 'id' | 'commitment_id' | 'occurred_at' | 'kind' | 'quantity' | 'recorded_at'>[]
> {
  return tx
    .selectFrom('commitment_progress')
    .select(['id', 'commitment_id', 'occurred_at', 'kind', 'quantity', 'recorded_at'])
    .where('commitment_id', 'in', (eb) =>
      eb.selectFrom('commitments').select('id').where('agreement_id', '=', agreementId),
    )
    .where('occurred_at', '<=', asOf)
    .execute();
}
