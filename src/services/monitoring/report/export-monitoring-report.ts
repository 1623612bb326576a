import { appendAudit } from '../../../store/audit/audit.repository.ts';
import type { Database } from '../../../store/database.ts';
import { findProcess, listParties } from '../../../store/processes/processes.repository.ts';
import type { Actor } from '../../access/sessions.ts';
import { fileStem } from '../../plans/export-plan.ts';
import { loadReadableAgreement } from '../agreements/agreement-access.ts';
import { loadMonitoringSnapshot } from '../status/load-monitoring-snapshot.ts';
import type { ReportFormat } from './report.schema.ts';
import { buildReportModel } from './report-model.ts';
import { justificationsAsOf } from './score-justifications.ts';

const MEDIA_TYPES: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

/**
 * The implementation report of an agreement as of a moment (default now), as Word or PDF, for a
 * reader who may read the agreement; one on a version the reader's party does not hold is "not
 * found". It carries commitment titles, states and score justifications, no text of the plan, so
 * it leaves with a confidentiality marking but no leak-trace marks. Audited like a brief export.
 */
export async function exportMonitoringReport(
  database: Database,
  actor: Actor,
  processId: string,
  agreementId: string,
  format: ReportFormat,
  asOf: string | undefined,
  now: Date = new Date(),
) {
  const model = await database.db.transaction().execute(async (tx) => {
    const { viewer, agreement } = await loadReadableAgreement(tx, actor, processId, agreementId);
    const at = asOf ?? now.toISOString();
    const snapshot = await loadMonitoringSnapshot(tx, agreementId, at);
    const [justifications, process, parties] = await Promise.all([
      justificationsAsOf(
        tx,
        snapshot.commitments.map((c) => c.id),
        snapshot.asOf,
      ),
      findProcess(tx, processId),
      listParties(tx, processId),
    ]);
    const party = parties.find((p) => p.id === viewer.membership?.partyId);
    await appendAudit(
      tx,
      {
        processId,
        actorId: actor.user.id,
        action: 'monitoring_report.export',
        subjectType: 'agreement',
        subjectId: agreementId,
        detail: {
          versionId: agreement.version_id,
          label: agreement.version_label,
          format,
          asOf: snapshot.asOf,
        },
      },
      now,
    );
    return buildReportModel({
      snapshot,
      justifications,
      processTitle: process?.title ?? '',
      preparedFor: party?.name ?? actor.user.name,
      exportedAt: now,
    });
  });
  // The writers are large; load them only when someone exports.
  const body =
    format === 'docx'
      ? await (await import('./report-docx.ts')).reportToDocx(model)
      : await (await import('./report-pdf.ts')).reportToPdf(model);
  return {
    fileName: `${fileStem(`Implementation report ${model.agreementTitle}`, asOfLabel(asOf, now))}.${format}`,
    mediaType: MEDIA_TYPES[format],
    body,
  };
}

/** "as-of-2027-03-12" for the file name. */
const asOfLabel = (asOf: string | undefined, now: Date) =>
  `as of ${(asOf ?? now.toISOString()).slice(0, 10)}`;
