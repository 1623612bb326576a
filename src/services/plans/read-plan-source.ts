import type { ImportResult } from '../../domain/plans/import/import-result.ts';
import { parsePlanText } from '../../domain/plans/import/parse-plan-text.ts';
import { docxToPlanText } from '../../formats/import/docx-to-text.ts';
import { parsePlanJson } from '../../formats/import/plan-json.ts';

/** The raw input of an import: text (plain or Entente JSON) or the bytes of a Word file. */
export type RawPlanSource = { format: 'text' | 'json'; text: string } | { format: 'docx'; bytes: Uint8Array };

/** Reads a plan from any supported source; never throws, problems say what is wrong and where. */
export async function readPlanSource(source: RawPlanSource): Promise<ImportResult> {
  if (source.format === 'docx') {
    const converted = await docxToPlanText(source.bytes);
    if (!converted.ok)
      return {
        ok: false,
        plan: null,
        problems: [{ line: 1, message: converted.message, severity: 'error' }],
      };
    return parsePlanText(converted.text);
  }
  return source.format === 'json' ? parsePlanJson(source.text) : parsePlanText(source.text);
}

/** Guesses the format of a file from its name and first bytes (for the CLI). */
export function detectFormat(fileName: string, bytes: Uint8Array): RawPlanSource['format'] {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.docx') || (bytes[0] === 0x50 && bytes[1] === 0x4b)) return 'docx';
  if (lower.endsWith('.json')) return 'json';
  return 'text';
}
