import type { Selectable } from 'kysely';
import type { Tx } from '../transaction.ts';
import type { AgreementSignatureTable } from './monitoring.tables.ts';

export type AgreementSignatureRow = Selectable<AgreementSignatureTable>;

/** Replaces the signatures and endorsements of an agreement with `rows`. */
export async function replaceSignatures(
  tx: Tx,
  agreementId: string,
  rows: AgreementSignatureRow[],
): Promise<void> {
  await tx.deleteFrom('agreement_signatures').where('agreement_id', '=', agreementId).execute();
  if (rows.length > 0) await tx.insertInto('agreement_signatures').values(rows).execute();
}

/** The signatures of some agreements, by date then party name, with the parties' names. */
export async function listSignatures(tx: Tx, agreementIds: readonly string[]) {
  if (agreementIds.length === 0) return [];
  return tx
    .selectFrom('agreement_signatures as s')
    .innerJoin('parties as p', 'p.id', 's.party_id')
    .select(['s.id', 's.agreement_id', 's.party_id', 's.kind', 's.signed_on', 'p.name as party_name'])
    .where('s.agreement_id', 'in', agreementIds)
    .orderBy('s.agreement_id')
    .orderBy('s.signed_on')
    .orderBy('p.name')
    .execute();
}
