import type { Selectable } from 'kysely';
import type { Tx } from '../transaction.ts';
import type { AgreementPhaseTable } from './monitoring.tables.ts';

export type AgreementPhaseRow = Selectable<AgreementPhaseTable>;

export async function insertPhases(tx: Tx, rows: AgreementPhaseRow[]): Promise<void> {
  if (rows.length > 0) await tx.insertInto('agreement_phases').values(rows).execute();
}

export async function updatePhase(
  tx: Tx,
  id: string,
  changes: Pick<AgreementPhaseRow, 'position' | 'name' | 'description'>,
): Promise<void> {
  await tx.updateTable('agreement_phases').set(changes).where('id', '=', id).execute();
}

/** Removes phases; their commitments keep going without a phase (the foreign key sets it null). */
export async function deletePhases(tx: Tx, ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await tx.deleteFrom('agreement_phases').where('id', 'in', ids).execute();
}

/** The phases of some agreements, in order. */
export async function listPhases(tx: Tx, agreementIds: readonly string[]): Promise<AgreementPhaseRow[]> {
  if (agreementIds.length === 0) return [];
  return tx
    .selectFrom('agreement_phases')
    .selectAll()
    .where('agreement_id', 'in', agreementIds)
    .orderBy('agreement_id')
    .orderBy('position')
    .execute();
}
