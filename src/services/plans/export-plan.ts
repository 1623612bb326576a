import type { PlanContent } from '../../domain/plans/plan.ts';
import { planToDocx } from '../../formats/export/docx.ts';
import { planToJson } from '../../formats/export/json.ts';
import { planToMarkdown } from '../../formats/export/markdown.ts';
import { planToPdf } from '../../formats/export/pdf.ts';
import type { Database } from '../../store/database.ts';
import type { Actor } from '../access/sessions.ts';
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
    case 'docx':
      return planToDocx(content, context);
    case 'pdf':
      return planToPdf(content, context);
  }
}

/** Exports the draft or a version; the read is audited like any read of confidential text. */
export async function exportPlan(
  database: Database,
  actor: Actor,
  planId: string,
  ref: string,
  format: ExportFormat,
): Promise<ExportedFile> {
  const text = await readPlanText(database, actor, planId, ref, 'export');
  const body = await renderPlan(text.content, format, {
    versionLabel: text.versionId ? text.label : null,
    contentHash: text.contentHash,
  });
  return {
    fileName: `${fileStem(text.planTitle, text.label)}.${format}`,
    mediaType: MEDIA_TYPES[format],
    body,
  };
}

/** A safe, readable file name: letters, digits and dashes only (no path traversal, no quotes). */
export function fileStem(title: string, label: string): string {
  const stem = `${title} ${label}`
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return stem || 'plan';
}
