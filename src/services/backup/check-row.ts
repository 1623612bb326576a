import type { DialectName } from '../../store/database.ts';
import type { BackupRow, BackupRowLine } from './backup-format.ts';
import type { ColumnRule } from './target-schema.ts';

/** Whether a parsed line has the shape of a row line; says what is wrong otherwise. */
export function rowLineProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'is not a JSON object';
  const keys = Object.keys(value);
  const line = value as Partial<BackupRowLine>;
  if (keys.length !== 2 || typeof line.t !== 'string' || typeof line.r !== 'object' || line.r === null)
    return 'is neither a row ({"t": table, "r": {…}}) nor the end marker';
  if (Array.isArray(line.r)) return "has an array where the row's columns belong";
  return null;
}

/**
 * Checks one row against the columns of the table it goes into: the same columns, and values the
 * column can hold. Returns what is wrong, or null.
 */
export function rowProblem(
  table: string,
  row: BackupRow,
  columns: ReadonlyMap<string, ColumnRule>,
  target: DialectName,
): string | null {
  for (const name of Object.keys(row))
    if (!columns.has(name)) return `${table} row has column ${name}, which the table does not have`;
  for (const [name, rule] of columns) {
    if (!Object.hasOwn(row, name)) return `${table} row lacks column ${name}`;
    const value = row[name];
    const problem = valueProblem(value, rule, target);
    if (problem) return `${table}.${name} ${problem}`;
  }
  return null;
}

function valueProblem(value: unknown, rule: ColumnRule, target: DialectName): string | null {
  if (value === null) return rule.nullable ? null : 'must not be null';
  if (rule.kind === 'integer')
    return Number.isSafeInteger(value) ? null : `must be an integer, not ${show(value)}`;
  if (rule.kind === 'text') {
    if (typeof value !== 'string') return `must be text, not ${show(value)}`;
    // SQLite keeps NUL characters in text; PostgreSQL refuses them, so say so before writing.
    if (target === 'postgres' && value.includes('\u0000'))
      return 'contains a NUL character, which PostgreSQL cannot store';
    return null;
  }
  return typeof value === 'string' || typeof value === 'number'
    ? null
    : `must be text or a number, not ${show(value)}`;
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
