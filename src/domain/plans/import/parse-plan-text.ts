import type { IdGenerator } from '../../shared/ids.ts';
import { newId as randomId } from '../../shared/ids.ts';
import { buildPlan } from './build-plan.ts';
import { groupBlocks } from './group-blocks.ts';
import type { ImportResult } from './import-result.ts';
import { looksLikeText, normalizedLines } from './normalize-text.ts';
import { checkNumbering } from './numbering-check.ts';

export interface ParsePlanTextOptions {
  /** Ids for areas ("ar"), points ("pt") and notes ("nt"); random by default. */
  newId?: IdGenerator;
}

const HOW_TO_NUMBER =
  'start each point on its own line with its number, such as "1.", "1)", "(1)", "Point 1:", "Article 1" or "§ 1"';

/**
 * Reads a plan pasted as text (from the press, a Word file or Entente's own Markdown export) into
 * its structure: title, preamble, areas, numbered points with sub-items, and notes. Numbering gaps
 * and repeats are warnings; text without any numbered point is an error.
 */
export function parsePlanText(text: string, options: ParsePlanTextOptions = {}): ImportResult {
  const newId = options.newId ?? randomId;
  const input = text.startsWith('\ufeff') ? text.slice(1) : text;
  if (!looksLikeText(input)) {
    return failure(
      1,
      'this does not look like text (it holds NUL bytes or control characters): paste the plan as plain text, or import the .docx file itself',
    );
  }
  const lines = normalizedLines(input);
  if (lines.every((line) => line.trim() === '')) {
    return failure(
      1,
      `the text is empty: paste the plan's text, a title and then the points; ${HOW_TO_NUMBER}`,
    );
  }
  const { plan, numbered } = buildPlan(groupBlocks(lines), newId);
  if (plan.points.length === 0) {
    return failure(lines.length, `no numbered points found: ${HOW_TO_NUMBER}`);
  }
  return { ok: true, plan, problems: checkNumbering(numbered) };
}

function failure(line: number, message: string): ImportResult {
  return { ok: false, plan: null, problems: [{ line, message, severity: 'error' }] };
}
