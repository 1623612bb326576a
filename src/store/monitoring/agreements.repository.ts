import type { Selectable, Updateable } from 'kysely';
import type { Tx } from '../transaction.ts';
import type { AgreementTable } from './monitoring.tables.ts';

export type AgreementRow = Selectable<AgreementTable>;

/** An agreement with the label of its adopted version and how many commitments it sets. */
export type AgreementSummaryRow = AgreementRow & { version_label: string; commitment_count: number };

export async function insertAgreement(tx: Tx, row: AgreementRow): Promise<void> {
  await tx.insertInto('agreements').values(row).execute();
}

/**
 * Writes changes only if nobody else wrote since `expectedRevision` (compare-and-set), bumping the
 * revision. Returns false when the revision moved on.
 */
export async function updateAgreement(
  tx: Tx,
  id: string,
  expectedRevision: number,
  changes: Omit<Updateable<AgreementTable>, 'id' | 'revision'>,
): Promise<boolean> {
  const result = await tx
    .updateTable('agreements')
    .set({ ...changes, revision: expectedRevision + 1 })
    .where('id', '=', id)
    .where('revision', '=', expectedRevision)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

const summary = (tx: Tx) =>
  tx
    .selectFrom('agreements as a')
    .innerJoin('versions as v', 'v.id', 'a.version_id')
    .selectAll('a')
    .select([
      'v.label as version_label',
      (eb) =>
        eb
          .selectFrom('commitments as c')
          .whereRef('c.agreement_id', '=', 'a.id')
          .select((e) => e.fn.countAll<number>().as('n'))
          .as('commitment_count'),
    ]);

const withCount = (row: Omit<AgreementSummaryRow, 'commitment_count'> & { commitment_count: unknown }) => ({
  ...row,
  commitment_count: Number(row.commitment_count ?? 0),
});

export async function findAgreement(
  tx: Tx,
  processId: string,
  id: string,
): Promise<AgreementSummaryRow | undefined> {
  const row = await summary(tx)
    .where('a.process_id', '=', processId)
    .where('a.id', '=', id)
    .executeTakeFirst();
  return row ? withCount(row) : undefined;
}

/** An agreement by its id alone, for callers that authorized the reader already (report, CLI). */
export async function findAgreementById(tx: Tx, id: string): Promise<AgreementSummaryRow | undefined> {
  const row = await summary(tx).where('a.id', '=', id).executeTakeFirst();
  return row ? withCount(row) : undefined;
}

/** The agreements of a process, oldest adoption first. */
export async function listAgreements(tx: Tx, processId: string): Promise<AgreementSummaryRow[]> {
  const rows = await summary(tx)
    .where('a.process_id', '=', processId)
    .orderBy('a.adopted_on')
    .orderBy('a.created_at')
    .orderBy('a.id')
    .execute();
  return rows.map(withCount);
}

/** The agreement adopted on a version, if any (a version is adopted at most once). */
export async function findAgreementOnVersion(tx: Tx, versionId: string): Promise<{ id: string } | undefined> {
  return tx.selectFrom('agreements').select('id').where('version_id', '=', versionId).executeTakeFirst();
}

/** The parties holding each agreement's adopted version: who may read the agreement. */
export async function holdersOfAgreements(
  tx: Tx,
  agreementIds: readonly string[],
): Promise<Map<string, string[]>> {
  const holders = new Map<string, string[]>(agreementIds.map((id) => [id, []]));
  if (agreementIds.length === 0) return holders;
  const rows = await tx
    .selectFrom('agreements as a')
    .innerJoin('releases as r', 'r.version_id', 'a.version_id')
    .select(['a.id', 'r.party_id'])
    .where('a.id', 'in', agreementIds)
    .execute();
  for (const r of rows) holders.get(r.id)?.push(r.party_id);
  return holders;
}
