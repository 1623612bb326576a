import type { Selectable } from 'kysely';
import type { Tx } from '../transaction.ts';
import type { CommitmentStatusNoticeTable } from './monitoring.tables.ts';

export type CommitmentStatusNoticeRow = Selectable<CommitmentStatusNoticeTable>;

/** The status last announced for each commitment of an agreement. */
export async function listAgreementNotices(
  tx: Tx,
  agreementId: string,
): Promise<CommitmentStatusNoticeRow[]> {
  return tx
    .selectFrom('commitment_status_notices as n')
    .innerJoin('commitments as c', 'c.id', 'n.commitment_id')
    .selectAll('n')
    .where('c.agreement_id', '=', agreementId)
    .execute();
}

/**
 * Moves a commitment's announced status from `from` to `to`; `from` null means none was announced
 * yet. True for the one caller that made the move: two watchers seeing the same change race here,
 * and only one UPDATE (or one INSERT, the commitment id being the key) takes effect.
 */
export async function moveNotice(
  tx: Tx,
  commitmentId: string,
  from: string | null,
  to: string,
  at: string,
): Promise<boolean> {
  if (from === null) {
    const result = await tx
      .insertInto('commitment_status_notices')
      .values({ commitment_id: commitmentId, status: to, noticed_at: at })
      .onConflict((oc) => oc.column('commitment_id').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }
  const result = await tx
    .updateTable('commitment_status_notices')
    .set({ status: to, noticed_at: at })
    .where('commitment_id', '=', commitmentId)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Every agreement that sets commitments, in every process: what the status watcher goes through. */
export async function listWatchedAgreements(
  tx: Tx,
): Promise<{ id: string; process_id: string; title: string }[]> {
  return tx
    .selectFrom('agreements as a')
    .select(['a.id', 'a.process_id', 'a.title'])
    .where((eb) =>
      eb.exists(eb.selectFrom('commitments as c').select('c.id').whereRef('c.agreement_id', '=', 'a.id')),
    )
    .orderBy('a.id')
    .execute();
}

export async function findWatchedAgreement(
  tx: Tx,
  agreementId: string,
): Promise<{ id: string; process_id: string; title: string } | undefined> {
  return tx
    .selectFrom('agreements')
    .select(['id', 'process_id', 'title'])
    .where('id', '=', agreementId)
    .executeTakeFirst();
}

/** The status last announced for one commitment, if any. */
export async function findStatusNotice(
  tx: Tx,
  commitmentId: string,
): Promise<CommitmentStatusNoticeRow | undefined> {
  return tx
    .selectFrom('commitment_status_notices')
    .selectAll()
    .where('commitment_id', '=', commitmentId)
    .executeTakeFirst();
}

/** Records the status announced for a commitment, replacing whatever was announced before. */
export async function upsertStatusNotice(tx: Tx, row: CommitmentStatusNoticeRow): Promise<void> {
  await tx
    .insertInto('commitment_status_notices')
    .values(row)
    .onConflict((oc) =>
      oc.column('commitment_id').doUpdateSet({ status: row.status, noticed_at: row.noticed_at }),
    )
    .execute();
}
