import type { Selectable } from 'kysely';
import type { ImplementationScore, ScoreEntry } from '../../domain/monitoring/monitoring-model.ts';
import type { Tx } from '../transaction.ts';
import type { CommitmentScoreTable } from './monitoring.tables.ts';

export type CommitmentScoreRow = Selectable<CommitmentScoreTable>;

/** Records a score; earlier ones are kept as its history. */
export async function insertScore(tx: Tx, row: CommitmentScoreTable): Promise<void> {
  await tx.insertInto('commitment_scores').values(row).execute();
}

/** The score history of some commitments, oldest first, with who recorded each. */
export async function listScores(tx: Tx, commitmentIds: readonly string[]) {
  if (commitmentIds.length === 0) return [];
  return tx
    .selectFrom('commitment_scores as s')
    .innerJoin('users as u', 'u.id', 's.recorded_by')
    .selectAll('s')
    .select('u.name as recorded_by_name')
    .where('s.commitment_id', 'in', commitmentIds)
    .orderBy('s.commitment_id')
    .orderBy('s.effective_at')
    .orderBy('s.recorded_at')
    .orderBy('s.id')
    .execute();
}

/**
 * The scores of every commitment of an agreement in effect by `asOf`, in one query, by commitment
 * and oldest first, as the status rules read them (only the columns they need).
 */
export async function listAgreementScores(
  tx: Tx,
  agreementId: string,
  asOf: string,
): Promise<Map<string, ScoreEntry[]>> {
  const rows = await tx
    .selectFrom('commitment_scores as s')
    .innerJoin('commitments as c', 'c.id', 's.commitment_id')
    .select(['s.commitment_id', 's.score', 's.effective_at as effectiveAt', 's.recorded_at as recordedAt'])
    .where('c.agreement_id', '=', agreementId)
    .where('s.effective_at', '<=', asOf)
    .orderBy('s.commitment_id')
    .orderBy('s.effective_at')
    .orderBy('s.recorded_at')
    .$narrowType<{ score: ImplementationScore }>()
    .execute();
  const byCommitment = new Map<string, ScoreEntry[]>();
  for (const row of rows) {
    const list = byCommitment.get(row.commitment_id);
    if (list) list.push(row);
    else byCommitment.set(row.commitment_id, [row]);
  }
  return byCommitment;
}

/**
 * Which of `ids` are event reports of the process, with what decides who may read them: used to
 * check the reports a score cites, and to show a reader only the citations they may follow.
 */
export async function citedEventReports(tx: Tx, processId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return tx
    .selectFrom('event_reports')
    .select(['id', 'status', 'reported_by_party_id'])
    .where('process_id', '=', processId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
}
