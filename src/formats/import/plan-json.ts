import { z } from 'zod';
import { unmarkPlan } from '../../domain/leak-trace/fingerprint-plan.ts';
import { contentHash } from '../../domain/plans/content-hash.ts';
import type { ImportProblem, ImportResult } from '../../domain/plans/import/import-result.ts';
import { planContentSchema } from '../../domain/plans/plan.schema.ts';
import { PLAN_JSON_FORMAT, PLAN_JSON_FORMAT_VERSION } from '../export/json.ts';

/** More problems than this and the reader learns nothing new; the rest are counted instead. */
const MAX_PROBLEMS = 50;

const envelopeSchema = z.strictObject({
  format: z.literal(PLAN_JSON_FORMAT),
  formatVersion: z.number().int().min(1).max(PLAN_JSON_FORMAT_VERSION),
  exportedAt: z.iso.datetime({ offset: true }),
  version: z
    .strictObject({ label: z.string().max(300).nullable(), contentHash: z.string().max(128).nullable() })
    .nullable(),
  plan: z.unknown(),
});

/**
 * Reads a JSON plan export (or a bare PlanContent) back, validated against the plan schema.
 * Never throws: syntax errors, wrong format tags and schema failures become located problems.
 */
export function parsePlanJson(text: string): ImportResult {
  try {
    return readPlanJson(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return failed([{ line: 1, message: `Could not read the file: ${String(error)}`, severity: 'error' }]);
  }
}

function readPlanJson(text: string): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return failed([syntaxProblem(text, error)]);
  }
  const { lines } = walkJson(text);
  const lineOf = (path: readonly PropertyKey[]) => {
    for (let n = path.length; n >= 0; n--) {
      const line = lines.get(path.slice(0, n).join('.'));
      if (line !== undefined) return line;
    }
    return 1;
  };
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return failed([
      { line: 1, message: 'Expected a JSON object: an Entente plan export or a plan.', severity: 'error' },
    ]);
  }
  const record = data as Record<string, unknown>;
  let planData: unknown = data;
  let prefix: string[] = [];
  const warnings: ImportProblem[] = [];
  let expectedHash: string | null = null;
  if ('format' in record) {
    const formatProblem = checkFormat(record, lineOf);
    if (formatProblem) return failed([formatProblem]);
    const envelope = envelopeSchema.safeParse(record);
    if (!envelope.success) return failed(schemaProblems(envelope.error.issues, [], lineOf));
    planData = envelope.data.plan;
    prefix = ['plan'];
    expectedHash = envelope.data.version?.contentHash ?? null;
  }
  const parsed = planContentSchema.safeParse(planData);
  if (!parsed.success) return failed(schemaProblems(parsed.error.issues, prefix, lineOf));
  let plan = parsed.data;
  // Only a SHA-256 can be checked; other hashes (or none) are taken on trust.
  const expected =
    expectedHash !== null && /^[0-9a-f]{64}$/i.test(expectedHash) ? expectedHash.toLowerCase() : null;
  if (expected !== null && contentHash(plan) !== expected) {
    // A version's export is marked for its recipient (domain/leak-trace); without the marks it is
    // the version again, and that is what is imported.
    const unmarked = unmarkPlan(plan);
    if (contentHash(unmarked) === expected) plan = unmarked;
    else
      warnings.push({
        line: lineOf(['version', 'contentHash']),
        message:
          'The plan differs from the content hash recorded at export: it was edited after it was exported.',
        severity: 'warning',
      });
  }
  return { ok: true, plan, problems: warnings };
}

function checkFormat(
  record: Record<string, unknown>,
  lineOf: (path: PropertyKey[]) => number,
): ImportProblem | null {
  if (record.format !== PLAN_JSON_FORMAT) {
    return {
      line: lineOf(['format']),
      message: `Not an Entente plan export: "format" is ${JSON.stringify(record.format)}, expected "${PLAN_JSON_FORMAT}".`,
      severity: 'error',
    };
  }
  const version = record.formatVersion;
  if (typeof version === 'number' && Number.isInteger(version) && version > PLAN_JSON_FORMAT_VERSION) {
    return {
      line: lineOf(['formatVersion']),
      message: `This file uses plan format version ${version}, written by a newer Entente; this version reads up to ${PLAN_JSON_FORMAT_VERSION}. Upgrade Entente to import it.`,
      severity: 'error',
    };
  }
  return null;
}

function schemaProblems(
  issues: readonly z.core.$ZodIssue[],
  prefix: readonly string[],
  lineOf: (path: PropertyKey[]) => number,
): ImportProblem[] {
  const problems: ImportProblem[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        problems.push({
          line: lineOf([...path, key]),
          message: `${pathText([...path, key])}: unknown field`,
          severity: 'error',
        });
      }
      continue;
    }
    let message = issue.message.replace(/^Invalid input: /, '');
    if (issue.code === 'invalid_type' && /received undefined$/.test(message)) {
      message = `required field is missing (expected ${issue.expected})`;
    }
    problems.push({ line: lineOf(path), message: `${pathText(path)}: ${message}`, severity: 'error' });
  }
  problems.sort((a, b) => a.line - b.line);
  if (problems.length <= MAX_PROBLEMS) return problems;
  const more = problems.length - MAX_PROBLEMS;
  return [
    ...problems.slice(0, MAX_PROBLEMS),
    { line: problems[MAX_PROBLEMS]!.line, message: `… and ${more} more problems`, severity: 'error' },
  ];
}

function pathText(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(document)' : path.map(String).join('.');
}

function failed(problems: ImportProblem[]): ImportResult {
  return { ok: false, plan: null, problems };
}

/** Locates a JSON.parse error: from the engine's message when it gives a position, else by scanning. */
function syntaxProblem(text: string, error: unknown): ImportProblem {
  const reason = error instanceof Error ? error.message : String(error);
  const lineCol = /\(line (\d+) column (\d+)\)/.exec(reason);
  const position = /at position (\d+)/.exec(reason);
  let offset: number | null = null;
  if (position) offset = Number(position[1]);
  else if (/Unexpected end of JSON input/.test(reason)) offset = text.length;
  else offset = walkJson(text).errorAt;
  const line = lineCol ? Number(lineCol[1]) : offset === null ? 1 : lineAt(text, offset);
  const column = lineCol
    ? Number(lineCol[2])
    : offset === null
      ? null
      : offset - text.lastIndexOf('\n', offset - 1);
  // V8 quotes the input in some messages; one line of it is enough, the location says the rest.
  const short = reason
    .split('\n')[0]!
    .replace(/, ".*$/, '')
    .slice(0, 120);
  const where = column === null ? `line ${line}` : `line ${line}, column ${column}`;
  return { line, message: `Invalid JSON at ${where}: ${short}`, severity: 'error' };
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < Math.min(offset, text.length); i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * A small recursive-descent walk over JSON: maps each value's path ("plan.points.3.text") to its
 * line, and, on malformed input, yields the offset of the first error. JSON.parse gives neither.
 */
class JsonWalker {
  readonly lines = new Map<string, number>();
  private pos = 0;
  private line = 1;
  constructor(private readonly text: string) {}

  walk(): void {
    this.value('');
    this.space();
    if (this.pos < this.text.length) throw this.pos;
  }

  private space(): void {
    for (; this.pos < this.text.length; this.pos++) {
      const c = this.text[this.pos];
      if (c === '\n') this.line++;
      else if (c !== ' ' && c !== '\t' && c !== '\r') return;
    }
  }

  private value(path: string): void {
    this.space();
    this.lines.set(path, this.line);
    const c = this.text[this.pos];
    const join = (key: string | number) => (path === '' ? String(key) : `${path}.${key}`);
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      this.pos++;
      this.space();
      if (this.text[this.pos] === close) return void this.pos++;
      for (let index = 0; ; index++) {
        this.space();
        if (c === '{') {
          if (this.text[this.pos] !== '"') throw this.pos;
          const key = JSON.parse(this.string()) as string;
          this.lines.set(join(key), this.line);
          this.space();
          if (this.text[this.pos++] !== ':') throw this.pos - 1;
          this.value(join(key));
        } else this.value(join(index));
        this.space();
        const next = this.text[this.pos++];
        if (next === close) return;
        if (next !== ',') throw this.pos - 1;
      }
    }
    if (c === '"') return void this.string();
    const literal = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
    literal.lastIndex = this.pos;
    if (!literal.exec(this.text)) throw this.pos;
    this.pos = literal.lastIndex;
  }

  private string(): string {
    const match = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
    match.lastIndex = this.pos;
    const found = match.exec(this.text);
    if (!found) throw this.pos;
    this.pos = match.lastIndex;
    return found[0];
  }
}

/** Path → line for a valid text; for a malformed one, the offset of the first error (null if unknown). */
function walkJson(text: string): { lines: Map<string, number>; errorAt: number | null } {
  const walker = new JsonWalker(text);
  try {
    walker.walk();
    return { lines: walker.lines, errorAt: null };
  } catch (offset) {
    // A deeply nested file may overflow the stack: locations are best-effort, line 1 will do then.
    return { lines: walker.lines, errorAt: typeof offset === 'number' ? offset : null };
  }
}
