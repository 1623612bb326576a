import type { Database } from '../../../store/database.ts';
import { publishLiveEvent } from '../../live/live-bus.ts';
import { announceAgreementStatuses } from '../webhooks/announce-status-changes.ts';

/**
 * Tells those who may read an agreement that it, or one of its commitments, changed: the parties
 * holding the adopted version, and the mediator team. One event per party, each naming only that
 * party, as releases and meetings do, so that no party learns who else holds the version.
 */
export async function publishCommitmentChanged(
  database: Database,
  change: { processId: string; agreementId: string; commitmentId: string | null; holders: readonly string[] },
): Promise<void> {
  const parties = [...new Set(change.holders)];
  // An agreement on a version nobody holds yet still tells the mediator team.
  for (const partyIds of parties.length > 0 ? parties.map((p) => [p]) : [[]]) {
    await publishLiveEvent(database, {
      type: 'commitment.changed',
      processId: change.processId,
      agreementId: change.agreementId,
      commitmentId: change.commitmentId,
      partyIds,
    });
  }
  // A change may move a commitment's status: tell the webhooks now rather than at the watcher's
  // next run (which still catches anything this misses; announcing twice is harmless).
  await announceAgreementStatuses(database, change.agreementId);
}
