import type { PlanContent } from '../../domain/plans/plan.ts';
import type { ExportContext } from './export-context.ts';

/** The `format` tag of an Entente plan export; `parsePlanJson` refuses documents without it. */
export const PLAN_JSON_FORMAT = 'entente-plan';
/** Bumped only on an incompatible change, so older readers can refuse newer files clearly. */
export const PLAN_JSON_FORMAT_VERSION = 1;

/** The envelope of a JSON export: the plan as stored, plus which version it is and when it was taken. */
export interface PlanJsonDocument {
  format: typeof PLAN_JSON_FORMAT;
  formatVersion: number;
  exportedAt: string;
  version: { label: string | null; contentHash: string | null } | null;
  plan: PlanContent;
}

/** The plan as pretty JSON, lossless (ids, tags, status, lineage, revisions and notes all kept). */
export function planToJson(plan: PlanContent, ctx: ExportContext): string {
  const label = ctx.versionLabel ?? null;
  const contentHash = ctx.contentHash ?? null;
  const doc: PlanJsonDocument = {
    format: PLAN_JSON_FORMAT,
    formatVersion: PLAN_JSON_FORMAT_VERSION,
    exportedAt: ctx.exportedAt.toISOString(),
    // The working draft has neither label nor hash: it is not a version yet.
    version: label === null && contentHash === null ? null : { label, contentHash },
    plan: ownFields(plan),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/**
 * Copies exactly the fields of the plan format, so a plan object carrying extra runtime properties
 * (a store row, a UI flag) still exports a file that the strict importer accepts.
 */
function ownFields(plan: PlanContent): PlanContent {
  return {
    title: plan.title,
    preamble: plan.preamble,
    areas: plan.areas.map(({ id, title }) => ({ id, title })),
    points: plan.points.map((p) => ({
      id: p.id,
      number: p.number,
      areaId: p.areaId,
      text: p.text,
      items: p.items.map(({ label, text }) => ({ label, text })),
      tags: [...p.tags],
      status: p.status,
      derivedFrom: [...p.derivedFrom],
      changedAt: p.changedAt,
    })),
    notes: plan.notes.map(({ id, afterPointId, text }) => ({ id, afterPointId, text })),
  };
}
