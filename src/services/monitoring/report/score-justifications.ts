import { listScores } from '../../../store/monitoring/commitment-scores.repository.ts';
import type { Tx } from '../../../store/transaction.ts';

/**
 * The justification of the score in force as of `asOf` for each commitment: the newest effective at
 * or before it, as the status rules pick the score itself (ties by the later recording).
 */
export async function justificationsAsOf(
  tx: Tx,
  commitmentIds: readonly string[],
  asOf: string,
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  // listScores is ordered by commitment, effective_at, recorded_at: the last one seen applies.
  for (const s of await listScores(tx, commitmentIds))
    if (s.effective_at <= asOf) out.set(s.commitment_id, s.justification);
  return out;
}
