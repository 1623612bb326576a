import {
  buildMonitoringSnapshot,
  type MonitoringCommitmentInput,
  type MonitoringSnapshotInput,
} from '../../../domain/monitoring/build-monitoring-snapshot.ts';
import type { MonitoringSnapshot } from '../../../domain/monitoring/monitoring-snapshot.ts';
import { listPhases } from '../../../store/monitoring/agreement-phases.repository.ts';
import { listSignatures } from '../../../store/monitoring/agreement-signatures.repository.ts';
import {
  type AgreementSummaryRow,
  findAgreementById,
} from '../../../store/monitoring/agreements.repository.ts';
import { listAgreementCommitmentParties } from '../../../store/monitoring/commitment-parties.repository.ts';
import { listAgreementProgress } from '../../../store/monitoring/commitment-progress.repository.ts';
import { listAgreementScores } from '../../../store/monitoring/commitment-scores.repository.ts';
import { deadlineOf, listCommitmentFacts } from '../../../store/monitoring/commitments.repository.ts';
import { listParties } from '../../../store/processes/processes.repository.ts';
import type { Tx } from '../../../store/transaction.ts';
import { agreementNotFound } from '../agreements/agreement-access.ts';
import { loadAdoptedText, pointFactsIn } from '../commitments/adopted-text.ts';

export interface SnapshotOptions {
  /** The due-soon window after `asOf`, in hours (default 72). */
  dueWithinHours?: number;
}

/** The obligated parties of each commitment, from rows sorted by commitment. */
function partiesByCommitment(rows: readonly { commitment_id: string; party_id: string }[]) {
  const groups = new Map<string, string[]>();
  for (const row of rows) {
    const list = groups.get(row.commitment_id);
    if (list) list.push(row.party_id);
    else groups.set(row.commitment_id, [row.party_id]);
  }
  return groups;
}

const NONE: readonly never[] = [];

/**
 * Loads what the status rules need for one agreement as of `asOf`, in a fixed number of queries
 * whatever the number of commitments: the agreement, its signatures and phases, the parties, the
 * adopted text, the commitments, their parties, and the progress entries and scores up to `asOf`
 * (grouped and sorted by the store, and handed to the rules as they come, without copies).
 */
export async function loadMonitoringInput(
  db: Tx,
  agreement: AgreementSummaryRow,
  asOf: string,
  options: SnapshotOptions = {},
): Promise<MonitoringSnapshotInput> {
  const [signatures, phases, parties, text, commitments, commitmentParties, progress, scores] =
    await Promise.all([
      listSignatures(db, [agreement.id]),
      listPhases(db, [agreement.id]),
      listParties(db, agreement.process_id),
      loadAdoptedText(db, agreement.version_id),
      listCommitmentFacts(db, agreement.id),
      listAgreementCommitmentParties(db, agreement.id),
      listAgreementProgress(db, agreement.id, asOf),
      listAgreementScores(db, agreement.id, asOf),
    ]);
  const pointFacts = pointFactsIn(text);
  const partiesOf = partiesByCommitment(commitmentParties);
  const lines = commitments.map((c): MonitoringCommitmentInput => {
    const facts = pointFacts(c.point_id, c.sub_item);
    return {
      id: c.id,
      position: c.position,
      title: c.title,
      pointId: c.point_id,
      pointNumber: facts?.pointNumber ?? null,
      area: facts?.area ?? null,
      tags: facts?.tags ?? [],
      phaseId: c.phase_id,
      partyIds: partiesOf.get(c.id) ?? [],
      deadline: deadlineOf(c),
      targetQuantity: c.target_quantity === null ? null : Number(c.target_quantity),
      targetUnit: c.target_unit,
      // In the order they happened (the store sorts them), so the rules need not sort them again.
      progress: progress.get(c.id) ?? NONE,
      scores: scores.get(c.id) ?? NONE,
    };
  });
  return {
    agreement: {
      id: agreement.id,
      title: agreement.title,
      versionId: agreement.version_id,
      versionLabel: agreement.version_label,
      adoptedOn: agreement.adopted_on,
      entryIntoForceAt: agreement.entry_into_force_at,
      entryIntoForceLocal: agreement.entry_into_force_local,
      entryIntoForceZone: agreement.entry_into_force_zone,
      signatures: signatures.map((s) => ({
        partyId: s.party_id,
        partyName: s.party_name,
        kind: s.kind,
        signedOn: s.signed_on,
      })),
      phases: phases.map((p) => ({ id: p.id, name: p.name, position: p.position })),
    },
    parties: parties.map((p) => ({ id: p.id, name: p.name, code: p.code, colour: p.colour })),
    commitments: lines,
    asOf,
    dueWithinHours: options.dueWithinHours ?? 72,
  };
}

/**
 * The monitoring snapshot of an agreement as of `asOf` (ISO instant): each commitment's state,
 * the aggregates, implementation over time and the due lists. It does not authorize: callers
 * (the status route, the report, the CLI) check first that the reader may read the agreement.
 */
export async function loadMonitoringSnapshot(
  db: Tx,
  agreementId: string,
  asOf: string,
  options: SnapshotOptions = {},
): Promise<MonitoringSnapshot> {
  const agreement = await findAgreementById(db, agreementId);
  if (!agreement) throw agreementNotFound(agreementId);
  return buildMonitoringSnapshot(await loadMonitoringInput(db, agreement, asOf, options));
}
