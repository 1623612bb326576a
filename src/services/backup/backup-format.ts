import { z } from 'zod';

/**
 * An Entente backup is gzip-compressed JSON lines, the same for SQLite and PostgreSQL:
 *
 *   line 1        the header: format, version, schema migrations, tables with columns and row counts
 *   lines 2 … n   one row each, {"t": table, "r": {column: value}}, tables in dependency order
 *   last line     the end marker: row counts and SHA-256 digests of everything before it
 *
 * Values are what both databases store: text, integers and null (see store/schema.ts).
 */
export const BACKUP_FORMAT = 'entente-backup';
export const BACKUP_VERSION = 1;

/** Enough of the header to tell a foreign or newer file from a damaged one. */
export const backupIdentitySchema = z.object({ format: z.string(), version: z.number() });

export const backupTableInfoSchema = z.strictObject({
  name: z.string().min(1),
  columns: z.array(z.string().min(1)).min(1),
  rows: z.number().int().min(0),
});

export const backupHeaderSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  createdAt: z.iso.datetime(),
  dialect: z.enum(['sqlite', 'postgres']),
  /** Names of the migrations applied to the database it was taken from, in order. */
  schemaMigrations: z.array(z.string()),
  tables: z.array(backupTableInfoSchema),
});

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 digest in hex');

export const backupTrailerSchema = z.strictObject({
  end: z.strictObject({
    /** Lines before this one, the header included. */
    lines: z.number().int().min(1),
    rows: z.record(z.string(), z.number().int().min(0)),
    sha256,
    tables: z.record(z.string(), sha256),
  }),
});

export type BackupHeader = z.infer<typeof backupHeaderSchema>;
export type BackupTableInfo = z.infer<typeof backupTableInfoSchema>;
export type BackupTrailer = z.infer<typeof backupTrailerSchema>;

/** A stored value: both databases hold text, integers and nulls only. */
export type BackupValue = string | number | null;
export type BackupRow = Record<string, BackupValue>;

/** One row line. */
export interface BackupRowLine {
  t: string;
  r: BackupRow;
}

/** Says which field of a header or end marker is wrong, for the problem message. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}
