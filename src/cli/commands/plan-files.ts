import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ImportResult } from '../../domain/plans/import/import-result.ts';
import type { PlanContent } from '../../domain/plans/plan.ts';
import { AppError } from '../../domain/shared/app-error.ts';
import { MAX_IMPORT_BYTES } from '../../services/plans/plan-source.schema.ts';
import { detectFormat, type RawPlanSource, readPlanSource } from '../../services/plans/read-plan-source.ts';
import type { Database } from '../../store/database.ts';
import { draftOf, findPlan, listVersions } from '../../store/plans/plans.repository.ts';

/** Reads a plan file (text, .docx or Entente JSON) from disk, refusing huge files before reading them. */
export async function readPlanFile(path: string): Promise<ImportResult> {
  const info = await stat(path);
  if (!info.isFile()) throw new AppError('validation.failed', `${path} is not a file`);
  if (info.size > MAX_IMPORT_BYTES) {
    throw new AppError(
      'payload.too_large',
      `${basename(path)} is ${(info.size / 1024 / 1024).toFixed(1)} MB; plans up to 20 MB can be imported`,
    );
  }
  const bytes = await readFile(path);
  const format = detectFormat(path, bytes);
  const source: RawPlanSource =
    format === 'docx' ? { format, bytes } : { format, text: bytes.toString('utf8') };
  return readPlanSource(source);
}

/** True for "PLAN@VERSION" references (PLAN@3, PLAN@draft, PLAN@ver_…) as opposed to file paths. */
export function isVersionRef(ref: string): boolean {
  return /^pln_[a-z0-9]+@[\w-]+$/.test(ref);
}

/** Loads the text a reference names: a version by sequence number or id, or the working draft. */
export async function loadRef(
  database: Database,
  ref: string,
): Promise<{ label: string; content: PlanContent }> {
  const [planId = '', which = 'draft'] = ref.split('@');
  const plan = await findPlan(database.db, planId);
  if (!plan) throw new AppError('plan.not_found', `no plan ${planId}`);
  if (which === 'draft') return { label: 'working draft', content: draftOf(plan) };
  const versions = await listVersions(database.db, planId);
  const v = versions.find((x) => x.id === which || String(x.seq) === which);
  if (!v)
    throw new AppError(
      'version.not_found',
      `plan ${planId} has no version ${which}; it has ${versions.map((x) => x.seq).join(', ') || 'none'}`,
    );
  const row = await database.db
    .selectFrom('versions')
    .select('content')
    .where('id', '=', v.id)
    .executeTakeFirstOrThrow();
  return { label: v.label, content: JSON.parse(row.content) as PlanContent };
}

/** The shape `entente import --dry-run --json` prints. */
export function dryRunJson(result: ImportResult) {
  const plan = result.plan;
  const areaTitle = (id: string | null) =>
    id === null ? null : (plan?.areas.find((a) => a.id === id)?.title ?? null);
  return {
    title: plan?.title || null,
    points: (plan?.points ?? []).map((p) => ({
      number: p.number,
      text: p.text,
      area: areaTitle(p.areaId),
      items: p.items,
    })),
    problems: result.problems.map((p) => ({ line: p.line, message: p.message })),
  };
}
