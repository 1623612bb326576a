import {
  type EventCsvSummary,
  type ImportedEventRow,
  readEventCsv,
} from '../../../domain/monitoring/event-import/read-event-csv.ts';
import { AppError } from '../../../domain/shared/app-error.ts';
import type { Database } from '../../../store/database.ts';
import { analyzeEventReports } from '../../../store/monitoring/event-imports.repository.ts';
import { authorize } from '../../access/authorize.ts';
import type { Actor } from '../../access/sessions.ts';
import { loadProcessViewer } from '../../meetings/meeting-access.ts';
import { processNotFound } from '../../processes/add-party.ts';
import { publishEventsImported } from '../events/event-report-events.ts';
import { EVENT_IMPORT_LIMIT, type EventImportQuery } from './event-import.schema.ts';
import { notStored, SeenInFile } from './import-dedupe.ts';
import { ImportSpool } from './import-spool.ts';
import { writeImportedEvents } from './write-imported-events.ts';

/** Rows checked against the database at a time while the file is read. */
const LOOKUP_BATCH = 500;
/** An import this large changes the table enough to refresh the planner's statistics. */
const ANALYZE_AFTER = 5000;

/** What an import answers: the whole report, also for a dry run and for one that wrote nothing. */
export interface EventImportResult {
  /** The import was written (or, in a dry run, would be): no row was refused, or skipInvalid was set. */
  ok: boolean;
  dryRun: boolean;
  /** The import's record, when it wrote rows. */
  importId: string | null;
  fileName: string;
  encoding: string;
  headers: string[];
  mapping: EventCsvSummary['mapping'];
  rowsTotal: number;
  /** Reports written (in a dry run: that would be). */
  imported: number;
  /** Rows whose event is already stored, or came earlier in the file. */
  duplicates: number;
  rejected: number;
  /** The first 200 problems, by line; `problemsNotShown` counts the rest. */
  problems: EventCsvSummary['report']['problems'];
  problemsNotShown: number;
}

/**
 * Imports event reports from a CSV upload as it streams in: decoded, parsed and checked row by
 * row (read-event-csv.ts), de-duplicated against the file so far and, a batch at a time, against
 * the reports already stored. A file that cannot be read (wrong encoding, broken quoting, missing
 * columns) is refused with the line at fault (422). Rows with problems are reported by line; unless
 * skipInvalid is set, any such row means nothing is written. The rows are written in one
 * transaction once the whole file has been read and checked; a dry run stops before that.
 */
export async function importEvents(
  database: Database,
  actor: Actor,
  processId: string,
  body: AsyncIterable<Uint8Array>,
  q: EventImportQuery,
): Promise<EventImportResult> {
  // Check access before reading: outsiders learn nothing from the parser's answer, and do not get
  // to spend the server's time on 100 MiB files. The writing transaction checks again.
  const { viewer } = await loadProcessViewer(database.db, actor, processId);
  authorize(viewer, 'monitoring.import', () => processNotFound(processId));

  const spool = q.dryRun ? null : await ImportSpool.open<ImportedEventRow>();
  // A minute's margin, for app instances whose clocks differ a little.
  const checkedSince = new Date(Date.now() - 60_000).toISOString();
  try {
    const seen = new SeenInFile();
    let duplicates = 0;
    let batch: ImportedEventRow[] = [];
    const flush = async () => {
      const unique = batch.filter((r) => seen.firstTime(r));
      const fresh = await notStored(database.db, processId, unique);
      duplicates += batch.length - fresh.length;
      batch = [];
      await spool?.write(fresh);
    };
    const summary = await readEventCsv(
      body,
      {
        encoding: q.encoding,
        delimiter: q.delimiter,
        mapping: q.mapping,
        maxBytes: EVENT_IMPORT_LIMIT,
      },
      async (row) => {
        batch.push(row);
        if (batch.length >= LOOKUP_BATCH) await flush();
      },
    );
    await flush();

    const { report } = summary;
    const result: EventImportResult = {
      ok: summary.complete && report.rowsTotal > 0 && (report.rejected === 0 || q.skipInvalid),
      dryRun: q.dryRun,
      importId: null,
      fileName: q.fileName,
      encoding: summary.encoding,
      headers: summary.headers,
      mapping: summary.mapping,
      rowsTotal: report.rowsTotal,
      imported: 0,
      duplicates,
      rejected: report.rejected,
      problems: report.problems,
      problemsNotShown: report.problemsNotShown,
    };
    // A file that could not be read to its end, or holds no rows, is refused as a whole.
    if (!summary.complete || report.rowsTotal === 0) throw unreadable(result);
    const writable = report.accepted - duplicates;
    if (!result.ok) return result;
    if (!spool) return { ...result, imported: writable };

    const written = await writeImportedEvents(database, actor, processId, spool, {
      fileName: q.fileName,
      mapping: summary.mapping,
      rowsTotal: report.rowsTotal,
      duplicates,
      rejected: report.rejected,
      checkedSince,
    });
    if (written.imported > 0) {
      await publishEventsImported(database, { processId, anyVerified: written.anyVerified });
      // Best effort: the import is stored; autovacuum would refresh the statistics later anyway.
      if (written.imported >= ANALYZE_AFTER)
        await analyzeEventReports(database.db, database.dialect).catch(() => {});
    }
    return {
      ...result,
      importId: written.importId,
      imported: written.imported,
      duplicates: written.duplicates,
    };
  } finally {
    await spool?.close();
  }
}

/** The refusal of a file that cannot be imported, at its first problem, with the whole report. */
function unreadable(result: EventImportResult): AppError {
  const first = result.problems[0];
  const message = first ? `line ${first.line}: ${first.message}` : 'the file cannot be imported';
  return new AppError('import.failed', message, {
    problems: result.problems.slice(0, 20).map((p) => ({
      field: p.field ?? 'file',
      reason: `line ${p.line}: ${p.message}`,
    })),
    extra: { ...result, ok: false, line: first?.line ?? 1 },
  });
}
