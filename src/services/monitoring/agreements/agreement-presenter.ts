import { listPhases } from '../../../store/monitoring/agreement-phases.repository.ts';
import { listSignatures } from '../../../store/monitoring/agreement-signatures.repository.ts';
import type { AgreementSummaryRow } from '../../../store/monitoring/agreements.repository.ts';
import type { Tx } from '../../../store/transaction.ts';

/**
 * Agreements as the API shows them, with their signatures and phases (two queries for any number
 * of agreements). The caller has checked that the reader may read each one; nothing here depends
 * on the reader, for an agreement reads the same to every party that holds its version.
 */
export async function presentAgreements(tx: Tx, rows: readonly AgreementSummaryRow[]) {
  const ids = rows.map((r) => r.id);
  const [signatures, phases] = await Promise.all([listSignatures(tx, ids), listPhases(tx, ids)]);
  return rows.map((a) => ({
    id: a.id,
    processId: a.process_id,
    title: a.title,
    planId: a.plan_id,
    versionId: a.version_id,
    versionLabel: a.version_label,
    adoptedOn: a.adopted_on,
    entryIntoForce:
      a.entry_into_force_at === null || a.entry_into_force_local === null || a.entry_into_force_zone === null
        ? null
        : { local: a.entry_into_force_local, zone: a.entry_into_force_zone, at: a.entry_into_force_at },
    signatures: signatures
      .filter((s) => s.agreement_id === a.id)
      .map((s) => ({ partyId: s.party_id, partyName: s.party_name, kind: s.kind, signedOn: s.signed_on })),
    phases: phases
      .filter((p) => p.agreement_id === a.id)
      .map((p) => ({ id: p.id, position: p.position, name: p.name, description: p.description })),
    commitmentCount: a.commitment_count,
    revision: Number(a.revision),
    createdAt: a.created_at,
    updatedAt: a.updated_at,
  }));
}

export type AgreementView = Awaited<ReturnType<typeof presentAgreements>>[number];

/** One agreement as the API shows it. */
export async function presentAgreement(tx: Tx, row: AgreementSummaryRow): Promise<AgreementView> {
  const [view] = await presentAgreements(tx, [row]);
  return view!;
}
