import type { Selectable } from 'kysely';
import type { Tx } from '../transaction.ts';
import type { CommitmentPartyTable } from './monitoring.tables.ts';

export type CommitmentPartyRow = Selectable<CommitmentPartyTable>;

/** Replaces the obligated parties of a commitment. */
export async function replaceCommitmentParties(
  tx: Tx,
  commitmentId: string,
  partyIds: readonly string[],
): Promise<void> {
  await tx.deleteFrom('commitment_parties').where('commitment_id', '=', commitmentId).execute();
  await insertCommitmentParties(
    tx,
    partyIds.map((party_id) => ({ commitment_id: commitmentId, party_id })),
  );
}

export async function insertCommitmentParties(tx: Tx, rows: readonly CommitmentPartyRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500)
    await tx
      .insertInto('commitment_parties')
      .values(rows.slice(i, i + 500))
      .execute();
}

/** The obligated parties of every commitment of an agreement, in one query. */
export async function listAgreementCommitmentParties(
  tx: Tx,
  agreementId: string,
): Promise<CommitmentPartyRow[]> {
  return tx
    .selectFrom('commitment_parties as cp')
    .innerJoin('commitments as c', 'c.id', 'cp.commitment_id')
    .select(['cp.commitment_id', 'cp.party_id'])
    .where('c.agreement_id', '=', agreementId)
    .orderBy('cp.commitment_id')
    .orderBy('cp.party_id')
    .execute();
}
