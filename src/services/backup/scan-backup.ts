import {
  type AuditEntry,
  type ChainCursor,
  isBreak,
  startOfChain,
  verifyEntries,
  verifyHead,
} from '../../domain/audit/audit-chain.ts';
import { BackupDigest } from './backup-digest.ts';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupHeader,
  type BackupRow,
  type BackupRowLine,
  backupHeaderSchema,
  backupIdentitySchema,
  backupTrailerSchema,
  describeIssues,
} from './backup-format.ts';
import { type BackupLine, readBackupLines } from './backup-lines.ts';
import { BackupProblem } from './backup-problem.ts';
import { BACKUP_TABLE_NAMES } from './backup-tables.ts';
import { rowLineProblem, rowProblem } from './check-row.ts';
import { type DatabaseShape, migrationMismatch } from './target-schema.ts';

/** Receives each checked row, in file order; restore inserts them. */
export type RowVisitor = (table: string, row: BackupRow, line: number, bytes: number) => Promise<void>;

export interface ScannedBackup {
  header: BackupHeader;
  rows: Record<string, number>;
  lines: number;
}

/** Lines [first, last] that hold a table's rows, for naming the part of an altered file. */
interface Section {
  first: number;
  last: number;
}

/**
 * Reads a backup from start to end and checks everything that can be checked without writing:
 * the header against the target's schema, every row against its table's columns, the order of
 * tables, the audit chain entry by entry, and the counts and digests of the end marker. Throws a
 * BackupProblem naming the first wrong line; hands each row to `visit` once it has passed.
 * `checkChain: false` skips the audit chain, for a second reading of a file already checked.
 */
export async function scanBackup(
  path: string,
  target: DatabaseShape,
  visit?: RowVisitor,
  options: { checkChain?: boolean } = {},
): Promise<ScannedBackup> {
  const checkChain = options.checkChain ?? true;
  const digest = new BackupDigest();
  const rows: Record<string, number> = {};
  const sections = new Map<string, Section>();
  let header: BackupHeader | undefined;
  let tableIndex = 0;
  let chain: ChainCursor = startOfChain();
  let head: { seq: number; hash: string; line: number } | undefined;
  let ended: number | undefined;
  let last = 0;

  for await (const line of readBackupLines(path)) {
    last = line.number;
    if (ended !== undefined)
      throw new BackupProblem(line.number, 'comes after the end marker: the file was altered');
    const value = parseLine(line);
    if (line.number === 1) {
      header = checkHeader(value, target);
      for (const t of header.tables) rows[t.name] = 0;
      digest.add(line.bytes, null);
      continue;
    }
    if (!header) throw new BackupProblem(1, 'the header is missing');
    if (typeof value === 'object' && value !== null && 'end' in value) {
      checkTrailer(value, line.number, header, rows, sections, digest);
      if (!head) throw new BackupProblem(line.number, 'the backup has no audit_head row');
      const headBreak = checkChain ? verifyHead(chain, head) : null;
      if (headBreak) throw new BackupProblem(head.line, `the audit chain is broken: ${headBreak.message}`);
      ended = line.number;
      continue;
    }
    const shapeProblem = rowLineProblem(value);
    if (shapeProblem) throw new BackupProblem(line.number, shapeProblem);
    const { t: table, r: row } = value as BackupRowLine;
    const index = header.tables.findIndex((t) => t.name === table);
    if (index < 0)
      throw new BackupProblem(line.number, `names table ${table}, which the header does not list`);
    if (index < tableIndex) {
      const current = header.tables[tableIndex]?.name;
      throw new BackupProblem(
        line.number,
        `is a ${table} row after the ${current} rows: the rows are out of order`,
      );
    }
    tableIndex = index;
    const columns = target.tables.get(table);
    if (!columns)
      throw new BackupProblem(line.number, `names table ${table}, which this database does not have`);
    const problem = rowProblem(table, row, columns, target.dialect);
    if (problem) throw new BackupProblem(line.number, problem);
    const count = (rows[table] ?? 0) + 1;
    if (count > (header.tables[index]?.rows ?? 0))
      throw new BackupProblem(
        line.number,
        `is one ${table} row more than the header's ${header.tables[index]?.rows}`,
      );
    rows[table] = count;
    if (table === 'audit_log' && checkChain) {
      const next = verifyEntries(chain, [row as unknown as AuditEntry]);
      if (isBreak(next)) throw new BackupProblem(line.number, `the audit chain is broken: ${next.message}`);
      chain = next;
    } else if (table === 'audit_head' && row.id === 1) {
      head = { seq: Number(row.seq), hash: String(row.hash), line: line.number };
    }
    const section = sections.get(table);
    if (section) section.last = line.number;
    else sections.set(table, { first: line.number, last: line.number });
    digest.add(line.bytes, table);
    await visit?.(table, row, line.number, line.bytes.length);
  }

  if (!header) throw new BackupProblem(1, 'the file is empty: it is not an Entente backup');
  if (ended === undefined)
    throw new BackupProblem(
      last + 1,
      `the file ends after line ${last} without its end marker: it is truncated`,
    );
  return { header, rows, lines: ended };
}

function parseLine(line: BackupLine): unknown {
  try {
    return JSON.parse(line.bytes.toString('utf8'));
  } catch {
    throw new BackupProblem(
      line.number,
      line.number === 1
        ? 'is not JSON: the file is not an Entente backup'
        : 'is not valid JSON: the file is damaged',
    );
  }
}

function checkHeader(value: unknown, target: DatabaseShape): BackupHeader {
  const identity = backupIdentitySchema.safeParse(value);
  if (!identity.success || identity.data.format !== BACKUP_FORMAT)
    throw new BackupProblem(1, 'is not the header of an Entente backup');
  if (identity.data.version !== BACKUP_VERSION)
    throw new BackupProblem(
      1,
      identity.data.version > BACKUP_VERSION
        ? `the backup has format version ${identity.data.version}, newer than this Entente reads (${BACKUP_VERSION}): upgrade Entente`
        : `the backup has format version ${identity.data.version}, which this Entente does not read`,
    );
  const parsed = backupHeaderSchema.safeParse(value);
  if (!parsed.success) throw new BackupProblem(1, `the header is malformed: ${describeIssues(parsed.error)}`);
  const header = parsed.data;
  const mismatch = migrationMismatch(header.schemaMigrations, target.migrations);
  if (mismatch) throw new BackupProblem(1, mismatch);
  const names = header.tables.map((t) => t.name);
  if (names.join() !== BACKUP_TABLE_NAMES.join())
    throw new BackupProblem(
      1,
      `the header lists the tables ${names.join(', ')}; this Entente backs up ${BACKUP_TABLE_NAMES.join(', ')}`,
    );
  for (const t of header.tables) {
    const here = [...(target.tables.get(t.name)?.keys() ?? [])].sort();
    const there = [...t.columns].sort();
    if (here.join() !== there.join())
      throw new BackupProblem(
        1,
        `table ${t.name} has the columns ${there.join(', ')} in the backup but ${here.join(', ') || 'none'} here`,
      );
  }
  return header;
}

function checkTrailer(
  value: unknown,
  lineNumber: number,
  header: BackupHeader,
  rows: Record<string, number>,
  sections: ReadonlyMap<string, Section>,
  digest: BackupDigest,
): void {
  const parsed = backupTrailerSchema.safeParse(value);
  if (!parsed.success)
    throw new BackupProblem(lineNumber, `the end marker is malformed: ${describeIssues(parsed.error)}`);
  const { end } = parsed.data;
  if (end.lines !== lineNumber - 1)
    throw new BackupProblem(
      lineNumber,
      `the end marker counts ${end.lines} lines before it, but the file has ${lineNumber - 1}: lines were removed or added`,
    );
  for (const t of header.tables) {
    const seen = rows[t.name] ?? 0;
    if (seen !== t.rows || end.rows[t.name] !== t.rows)
      throw new BackupProblem(
        sections.get(t.name)?.last ?? lineNumber,
        `the file holds ${seen} ${t.name} rows, but the header announces ${t.rows} and the end marker ${end.rows[t.name] ?? 'none'}: rows were removed or added`,
      );
  }
  const actual = digest.digest(header.tables.map((t) => t.name));
  for (const t of header.tables) {
    if (actual.tables[t.name] === end.tables[t.name]) continue;
    const section = sections.get(t.name);
    if (!section)
      throw new BackupProblem(
        lineNumber,
        `the digest of the ${t.name} rows does not match: the file was altered`,
      );
    throw new BackupProblem(
      section.first,
      `the ${t.name} rows from here to line ${section.last} do not match their SHA-256 digest: the file was altered`,
    );
  }
  if (actual.sha256 !== end.sha256)
    throw new BackupProblem(1, 'the header does not match the SHA-256 digest: the file was altered');
}
