import { can, type Viewer } from '../../../domain/access/policies.ts';
import { citedEventReports } from '../../../store/monitoring/commitment-scores.repository.ts';
import type { Tx } from '../../../store/transaction.ts';

/** The ids among `ids` of event reports the viewer may read (verified, their party's, or all for the mission). */
export async function eventReportsReadable(
  tx: Tx,
  viewer: Viewer,
  processId: string,
  ids: readonly string[],
): Promise<Set<string>> {
  const rows = await citedEventReports(tx, processId, ids);
  return new Set(
    rows
      .filter((e) =>
        can(viewer, 'event.read', {
          eventReport: { reportedByParty: e.reported_by_party_id, verified: e.status === 'verified' },
        }),
      )
      .map((e) => e.id),
  );
}
