import type { PlanContent } from '../../domain/plans/plan.ts';
import { planToJson } from '../../formats/export/json.ts';
import { planToMarkdown } from '../../formats/export/markdown.ts';
import { appendAudit } from '../../store/audit/audit.repository.ts';
import type { Database } from '../../store/database.ts';
import type { Actor } from '../access/sessions.ts';
import { type CopyChannel, markCopyFor } from '../leak-trace/mark-copy.ts';
import { loadVersionFor } from './plan-access.ts';
import { readPlanText } from './read-plan.ts';

export const EXPORT_FORMATS = ['md', 'json', 'docx', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const MEDIA_TYPES: Record<ExportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  json: 'application/json; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

export interface ExportedFile {
  fileName: string;
  mediaType: string;
  body: Uint8Array | string;
}

/** Renders plan content in one of the export formats. */
export async function renderPlan(
  content: PlanContent,
  format: ExportFormat,
  ctx: { versionLabel: string | null; contentHash: string | null; processTitle?: string },
): Promise<Uint8Array | string> {
  const context = { ...ctx, exportedAt: new Date(), marking: 'Confidential — not for circulation' };
  switch (format) {
    case 'md':
      return planToMarkdown(content, context);
    case 'json':
      return planToJson(content, context);
    // Word and PDF writers are large; load them only when someone exports.
    case 'docx':
      return (await import('../../formats/export/docx.ts')).planToDocx(content, context);
    case 'pdf':
      return (await import('../../formats/export/pdf.ts')).planToPdf(content, context);
  }
}

/**
 * Exports the draft or a version; the read is audited like any read of confidential text. A
 * version leaves marked for its recipient (see domain/leak-trace), so a leaked copy can be traced;
 * the working draft is the mediator team's own text and leaves unmarked.
 */
export async function exportPlan(
  database: Database,
  actor: Actor,
  planId: string,
  ref: string,
  format: ExportFormat,
  /** A PDF to print rather than to keep: recorded (and marked) as a print, not a download. */
  print = false,
): Promise<ExportedFile & { fingerprintId: string | null }> {
  const text =
    ref === 'draft'
      ? { ...(await readPlanText(database, actor, planId, ref, 'export')), fingerprintId: null }
      : await readMarkedCopy(database, actor, planId, ref, format, print ? 'print' : format);
  const body = await renderPlan(text.content, format, {
    versionLabel: text.versionId ? text.label : null,
    contentHash: text.contentHash,
  });
  return {
    fileName: `${fileStem(text.planTitle, text.label)}.${format}`,
    mediaType: MEDIA_TYPES[format],
    body,
    fingerprintId: text.fingerprintId,
  };
}

/** Reads a version, marks a copy for the actor and audits the export naming it, in one transaction. */
async function readMarkedCopy(
  database: Database,
  actor: Actor,
  planId: string,
  versionId: string,
  format: ExportFormat,
  channel: CopyChannel,
) {
  return database.db.transaction().execute(async (tx) => {
    const { plan, viewer, version } = await loadVersionFor(tx, actor, planId, versionId);
    const copy = await markCopyFor(
      tx,
      {
        processId: plan.process_id,
        planId,
        versionId: version.id,
        partyId: viewer.membership?.partyId ?? null,
        userId: actor.user.id,
        channel,
      },
      JSON.parse(version.content) as PlanContent,
    );
    await appendAudit(tx, {
      processId: plan.process_id,
      actorId: actor.user.id,
      action: channel === 'print' ? 'version.print' : 'version.export',
      subjectType: 'version',
      subjectId: version.id,
      detail: { planId, label: version.label, format, fingerprintId: copy.fingerprintId },
    });
    return {
      label: version.label,
      content: copy.content,
      contentHash: version.content_hash,
      versionId: version.id,
      // The version's own title: the draft's current one is the mediator team's business.
      planTitle: version.title || plan.title,
      fingerprintId: copy.fingerprintId,
    };
  });
}

/** A safe, readable file name: letters, digits and dashes only (no path traversal, no quotes). */
export function fileStem(title: string, label: string): string {
  const clean = (s: string) =>
    s
      .normalize('NFKD')
      // Decomposed accents go, the letter stays: "Régions" → "Regions", not "Re-gions".
      .replace(/\p{M}+/gu, '')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '');
  // The label is what tells "Draft 3" from the working draft: a long title is shortened, never the label.
  const tail = clean(label).slice(0, 40);
  const head = clean(title)
    .slice(0, 80 - tail.length - 1)
    .replace(/-+$/, '');
  return [head, tail].filter(Boolean).join('-') || 'plan';
}
