import { can, type Viewer } from '../../../domain/access/policies.ts';
import { buildMonitoringSnapshot } from '../../../domain/monitoring/build-monitoring-snapshot.ts';
import type { CommitmentLine } from '../../../domain/monitoring/monitoring-snapshot.ts';
import type { AgreementSummaryRow } from '../../../store/monitoring/agreements.repository.ts';
import { listProgress } from '../../../store/monitoring/commitment-progress.repository.ts';
import { listScores } from '../../../store/monitoring/commitment-scores.repository.ts';
import {
  type CommitmentRow,
  listCommitments,
  listLinkedEvents,
} from '../../../store/monitoring/commitments.repository.ts';
import type { Tx } from '../../../store/transaction.ts';
import { loadMonitoringInput } from '../status/load-monitoring-snapshot.ts';
import { eventReportsReadable } from './event-visibility.ts';

/** A commitment as lists show it: its line as of a moment, with its wording and revision. */
function listItem(line: CommitmentLine, row: CommitmentRow | undefined) {
  return {
    ...line,
    agreementId: row?.agreement_id ?? '',
    subItem: row?.sub_item ?? null,
    description: row?.description ?? '',
    verificationMethod: row?.verification_method ?? '',
    revision: Number(row?.revision ?? 1),
  };
}

/** The lines of an agreement's commitments as of `asOf`, each with its wording and revision. */
export async function presentCommitmentList(tx: Tx, agreement: AgreementSummaryRow, asOf: string) {
  const [input, rows] = await Promise.all([
    loadMonitoringInput(tx, agreement, asOf),
    listCommitments(tx, agreement.id),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const snapshot = buildMonitoringSnapshot(input);
  return { asOf: snapshot.asOf, items: snapshot.commitments.map((l) => listItem(l, byId.get(l.id))) };
}

/**
 * One commitment in full as of now: its line, its progress entries and score history, and the
 * event reports linked to it that the reader may read (another party's unverified allegation is
 * left out, and so are the ids of such reports that a score cites).
 */
export async function presentCommitmentDetail(
  tx: Tx,
  viewer: Viewer,
  agreement: AgreementSummaryRow,
  row: CommitmentRow,
  now = new Date().toISOString(),
) {
  const [list, progress, scores, linked] = await Promise.all([
    presentCommitmentList(tx, agreement, now),
    listProgress(tx, [row.id]),
    listScores(tx, [row.id]),
    listLinkedEvents(tx, [row.id]),
  ]);
  const line = list.items.find((i) => i.id === row.id);
  if (!line) throw new Error(`commitment ${row.id} is missing from its agreement`);
  const cited = [
    ...scores.flatMap((s) => JSON.parse(s.event_report_ids) as string[]),
    ...progress.flatMap((p) => (p.event_report_id === null ? [] : [p.event_report_id])),
  ];
  const readable = await eventReportsReadable(tx, viewer, row.process_id, cited);
  return {
    ...line,
    asOf: list.asOf,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    progress: progress.map((p) => ({
      id: p.id,
      occurredAt: p.occurred_at,
      kind: p.kind,
      quantity: p.quantity === null ? null : Number(p.quantity),
      note: p.note,
      eventReportId: p.event_report_id !== null && readable.has(p.event_report_id) ? p.event_report_id : null,
      recordedBy: { id: p.recorded_by, name: p.recorded_by_name },
      recordedAt: p.recorded_at,
    })),
    scores: scores.map((s) => ({
      id: s.id,
      score: Number(s.score),
      justification: s.justification,
      evidence: JSON.parse(s.evidence) as { label: string; url?: string }[],
      eventReportIds: (JSON.parse(s.event_report_ids) as string[]).filter((id) => readable.has(id)),
      effectiveAt: s.effective_at,
      recordedBy: { id: s.recorded_by, name: s.recorded_by_name },
      recordedAt: s.recorded_at,
    })),
    events: linked
      .filter((e) =>
        can(viewer, 'event.read', {
          eventReport: { reportedByParty: e.reported_by_party_id, verified: e.status === 'verified' },
        }),
      )
      .map((e) => ({
        id: e.id,
        occurredAt: e.occurred_at,
        timePrecision: e.time_precision,
        placeName: e.place_name,
        eventType: e.event_type,
        subEventType: e.sub_event_type,
        status: e.status,
        attributedPartyId: e.attributed_party_id,
      })),
  };
}

export type CommitmentDetail = Awaited<ReturnType<typeof presentCommitmentDetail>>;
