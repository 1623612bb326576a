import type { ImportResult } from '../../domain/plans/import/import-result.ts';
import { parsePlanText } from '../../domain/plans/import/parse-plan-text.ts';
import { planContentSchema } from '../../domain/plans/plan.schema.ts';
import { parsePlanJson } from '../../formats/import/plan-json.ts';

/** The raw input of an import: text (plain or Entente JSON) or the bytes of a Word file. */
export type RawPlanSource = { format: 'text' | 'json'; text: string } | { format: 'docx'; bytes: Uint8Array };

/** Reads a plan from any supported source; never throws, problems say what is wrong and where. */
export async function readPlanSource(source: RawPlanSource): Promise<ImportResult> {
  return withinLimits(await readAnySource(source));
}

/**
 * The parsers read any length; the store keeps plans within PLAN_LIMITS. Checking here makes a
 * preview and a dry run fail exactly when the real import would, naming the point at fault.
 */
function withinLimits(result: ImportResult): ImportResult {
  if (!result.ok || !result.plan) return result;
  const plan = result.plan;
  const checked = planContentSchema.safeParse(plan);
  if (checked.success) return result;
  const problems = checked.error.issues.slice(0, 20).map((issue) => {
    const [collection, index, ...rest] = issue.path;
    const point = collection === 'points' && typeof index === 'number' ? plan.points[index] : undefined;
    const where = point ? `point ${point.number}` : issue.path.slice(0, 2).join(' ') || 'the plan';
    const field = (point ? rest : issue.path.slice(2)).join('.');
    return {
      line: 1,
      message: `${where}${field ? ` (${field})` : ''}: ${issue.message}`,
      severity: 'error' as const,
    };
  });
  return { ok: false, plan: null, problems: [...result.problems, ...problems] };
}

async function readAnySource(source: RawPlanSource): Promise<ImportResult> {
  if (source.format === 'docx') {
    // The Word reader is large; load it only for Word files.
    const { docxToPlanText } = await import('../../formats/import/docx-to-text.ts');
    const converted = await docxToPlanText(source.bytes);
    if (!converted.ok)
      return {
        ok: false,
        plan: null,
        problems: [{ line: 1, message: converted.message, severity: 'error' }],
      };
    return parsePlanText(converted.text);
  }
  if (source.format === 'text') return parsePlanText(source.text);
  return refuseNul(parsePlanJson(source.text));
}

/**
 * A JSON string may spell a NUL character as an escape; PostgreSQL cannot store it (the import
 * failed with a 500), so it is a problem of the file, like the NUL bytes the text importer refuses.
 */
function refuseNul(result: ImportResult): ImportResult {
  if (!result.plan || !holdsNul(result.plan)) return result;
  return {
    ok: false,
    plan: null,
    problems: [
      ...result.problems,
      {
        line: 1,
        message: 'the plan holds NUL characters (\\u0000), which no text may contain: remove them',
        severity: 'error',
      },
    ],
  };
}

function holdsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (value === null || typeof value !== 'object') return false;
  return Object.values(value).some(holdsNul);
}

/** Guesses the format of a file from its name and first bytes (for the CLI). */
export function detectFormat(fileName: string, bytes: Uint8Array): RawPlanSource['format'] {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.docx') || (bytes[0] === 0x50 && bytes[1] === 0x4b)) return 'docx';
  if (lower.endsWith('.json')) return 'json';
  return 'text';
}
