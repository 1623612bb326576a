import { AppError } from '../../shared/app-error.ts';
import { type CsvRecord, csvRecords, csvRecordsSync } from './csv-records.ts';
import { type CsvDecoder, createCsvDecoder, decodeCsv, decodeCsvStream } from './decode-csv.ts';
import { checkMapping, suggestMapping } from './event-columns.ts';
import { eventDedupeKey } from './event-dedupe.ts';
import {
  type ColumnIndexes,
  type ColumnMapping,
  type EventRow,
  type EventRowDefaults,
  IMPORT_DEFAULTS,
} from './event-fields.ts';
import { parseEventRow } from './event-row.ts';
import { problemOf } from './import-failure.ts';
import {
  addProblems,
  countAccepted,
  countRejected,
  emptyImportReport,
  type ImportReport,
  reportIsClean,
} from './import-report.ts';

export interface EventCsvOptions {
  /** The encoding the user declared; default UTF-8 (UTF-16 is recognised by its byte-order mark). */
  encoding?: string;
  /** Default: sniffed from the header line (, ; tab |). */
  delimiter?: string;
  /** Field → header name; default suggestMapping(headers). */
  mapping?: ColumnMapping;
  defaults?: EventRowDefaults;
  /** Stop with payload.too_large once more bytes than this have arrived. */
  maxBytes?: number;
}

/** An accepted row, with the line it came from and its de-duplication key. */
export interface ImportedEventRow extends EventRow {
  line: number;
  dedupeKey: string;
}

export interface EventCsvSummary {
  /** True when the whole file was read and every row was accepted. */
  ok: boolean;
  /**
   * False when reading stopped early (bad encoding, broken CSV syntax, unusable mapping): then
   * nothing may be written, not even the accepted rows of a skipInvalid import.
   */
  complete: boolean;
  encoding: string;
  headers: string[];
  mapping: ColumnMapping;
  report: ImportReport;
}

/** Turns records into rows: the header fixes the mapping, then each record is checked. */
class EventCsvFold {
  readonly report = emptyImportReport();
  headers: string[] = [];
  mapping: ColumnMapping = {};
  private columns: ColumnIndexes | null = null;
  complete = true;

  constructor(private readonly options: EventCsvOptions) {}

  /** Reads the header; false (with problems) when the mapping cannot be used. */
  header(record: CsvRecord): boolean {
    this.headers = record.cells.map((h) => h.trim());
    this.mapping = this.options.mapping ?? suggestMapping(this.headers);
    const check = checkMapping(this.mapping, this.headers);
    if (!check.ok) return this.stop(check.problems.map((p) => ({ ...p, line: record.line })));
    this.columns = check.columns;
    return true;
  }

  row(record: CsvRecord): ImportedEventRow | null {
    const { line, cells } = record;
    if (cells.length !== this.headers.length) {
      const hint =
        cells.length > this.headers.length
          ? ': a value holding the delimiter must be in double quotes'
          : ': a value is missing, or a quote is not closed';
      countRejected(this.report, [
        {
          line,
          field: 'csv',
          message: `has ${cells.length} values but the header has ${this.headers.length}${hint}`,
        },
      ]);
      return null;
    }
    const parsed = parseEventRow(cells, this.columns ?? {}, line, this.options.defaults ?? IMPORT_DEFAULTS);
    if (!parsed.ok) {
      countRejected(this.report, parsed.problems);
      return null;
    }
    countAccepted(this.report);
    return { ...parsed.row, line, dedupeKey: eventDedupeKey(parsed.row) };
  }

  /** Records a problem that ends the reading of the file. */
  stop(problems: { line: number; field?: string; message: string }[]): false {
    addProblems(this.report, problems);
    this.complete = false;
    return false;
  }

  finish(encoding: string): EventCsvSummary {
    if (this.complete && this.headers.length === 0) {
      this.stop([
        { line: 1, field: 'csv', message: 'the file is empty: its first line must name the columns' },
      ]);
    } else if (this.complete && this.report.rowsTotal === 0) {
      addProblems(this.report, [{ line: 2, field: 'csv', message: 'the file has a header but no rows' }]);
    }
    const { report, headers, mapping, complete } = this;
    return { ok: complete && reportIsClean(report), complete, encoding, headers, mapping, report };
  }
}

function tooLarge(maxBytes: number): AppError {
  const mib = (maxBytes / 1_048_576).toFixed(0);
  return new AppError(
    'payload.too_large',
    `the file is larger than ${mib} MiB (${maxBytes.toLocaleString('en')} bytes): split it and import the parts`,
    {
      extra: { limitBytes: maxBytes },
    },
  );
}

async function* limited(source: AsyncIterable<Uint8Array>, maxBytes: number | undefined) {
  let seen = 0;
  for await (const chunk of source) {
    seen += chunk.byteLength;
    if (maxBytes !== undefined && seen > maxBytes) throw tooLarge(maxBytes);
    yield chunk;
  }
}

/**
 * Streams an event CSV: decodes, parses, maps and checks every row, handing each accepted row
 * to `onRow` (awaited, so the caller can write in batches) and returning the report. A problem
 * with the file itself ends the reading with complete: false — rows already handed out must
 * then be discarded (roll back). payload.too_large is thrown.
 */
export async function readEventCsv(
  source: AsyncIterable<Uint8Array>,
  options: EventCsvOptions,
  onRow: (row: ImportedEventRow) => void | Promise<void>,
): Promise<EventCsvSummary> {
  const fold = new EventCsvFold(options);
  let decoder: CsvDecoder | null = null;
  try {
    decoder = createCsvDecoder(options.encoding);
    const decoded = decodeCsvStream(limited(source, options.maxBytes), decoder);
    let first = true;
    for await (const record of csvRecords(decoded, { delimiter: options.delimiter })) {
      if (first) {
        first = false;
        if (!fold.header(record)) break;
        continue;
      }
      const row = fold.row(record);
      if (row) await onRow(row);
    }
  } catch (error) {
    const problem = problemOf(error);
    if (!problem) throw error;
    fold.stop([problem]);
  }
  return fold.finish(decoder?.encoding ?? options.encoding ?? 'utf-8');
}

/** The same for a small file held in memory (tests, previews): rows are returned, not streamed. */
export function readEventCsvSync(
  bytes: Uint8Array,
  options: EventCsvOptions,
): EventCsvSummary & { rows: ImportedEventRow[] } {
  const fold = new EventCsvFold(options);
  const rows: ImportedEventRow[] = [];
  if (options.maxBytes !== undefined && bytes.byteLength > options.maxBytes) throw tooLarge(options.maxBytes);
  const decoded = decodeCsv(bytes, options.encoding);
  if (!decoded.ok) {
    fold.stop([decoded.problem]);
    return { ...fold.finish(options.encoding ?? 'utf-8'), rows };
  }
  try {
    const [head, ...rest] = csvRecordsSync(decoded.text, { delimiter: options.delimiter });
    if (head && fold.header(head)) {
      for (const record of rest) {
        const row = fold.row(record);
        if (row) rows.push(row);
      }
    }
  } catch (error) {
    const problem = problemOf(error);
    if (!problem) throw error;
    fold.stop([problem]);
  }
  return { ...fold.finish(decoded.encoding), rows };
}
