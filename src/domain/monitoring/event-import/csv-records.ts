import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvError, type Options, parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { importFailure } from './import-failure.ts';
import { countLineBreaks } from './utf8-scan.ts';

/** One CSV record with the 1-based line it starts on (a quoted value may span several lines). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/** No real event row is this long; a longer one is an unclosed quote swallowing the file. */
export const MAX_RECORD_CHARS = 100_000;

const DELIMITERS = [',', ';', '\t', '|'] as const;

/**
 * The delimiter of a header line: whichever of , ; tab | occurs most outside quotes (spreadsheets
 * in many European locales write ";"). Comma when none occurs.
 */
export function sniffDelimiter(headerLine: string): string {
  const outside = headerLine.replace(/"[^"]*"/g, '');
  let best: string = ',';
  let most = 0;
  for (const d of DELIMITERS) {
    const n = outside.split(d).length - 1;
    if (n > most) [best, most] = [d, n];
  }
  return best;
}

/** The csv-parse settings every event import uses: records as arrays, our own line numbers. */
function parseOptions(delimiter: string): Options {
  return {
    delimiter,
    // Mixed line endings happen when files are concatenated; each of these ends a record.
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    // A quote inside an unquoted value (He said "no") is kept as text, as spreadsheets do.
    relax_quotes: true,
    max_record_size: MAX_RECORD_CHARS,
    bom: false,
  };
}

/**
 * Numbers records by the line they start on, counting the line breaks inside quoted values
 * (csv-parse's own count takes "\r\n" inside quotes as two), and drops blank lines.
 */
class LineTracker {
  private next = 1;

  take(cells: string[]): CsvRecord | null {
    const line = this.next;
    let breaks = 0;
    for (const cell of cells) breaks += countLineBreaks(cell);
    this.next = line + 1 + breaks;
    if (cells.length === 1 && (cells[0] ?? '').trim() === '') return null;
    return { line, cells };
  }

  /** The import failure for a csv-parse error, placed at the start of the record it broke in. */
  failure(error: CsvError) {
    const message =
      error.code === 'CSV_QUOTE_NOT_CLOSED'
        ? 'a quoted value that starts in this record is never closed: a double quote inside a value must be written twice ("")'
        : error.code === 'CSV_MAX_RECORD_SIZE'
          ? `this record is longer than ${MAX_RECORD_CHARS.toLocaleString('en')} characters: probably a quoted value opened here is never closed`
          : `the CSV cannot be read from here (${error.code}): check the quotes and delimiters of this record`;
    return importFailure({ line: this.next, field: 'csv', message });
  }
}

/** Every record of a small CSV text (the header first); throws import.failed on broken syntax. */
export function csvRecordsSync(text: string, options: { delimiter?: string } = {}): CsvRecord[] {
  const firstLine = /^[^\r\n]*/.exec(text)?.[0] ?? '';
  const tracker = new LineTracker();
  const records: CsvRecord[] = [];
  try {
    parseSync(text, {
      ...parseOptions(options.delimiter ?? sniffDelimiter(firstLine)),
      on_record: (cells: string[]) => {
        const record = tracker.take(cells);
        if (record) records.push(record);
        return null;
      },
    });
  } catch (error) {
    if (error instanceof CsvError) throw tracker.failure(error);
    throw error;
  }
  return records;
}

/** How far to look for the end of the header line before sniffing the delimiter anyway. */
const SNIFF_CHARS = 64 * 1024;

/** Text chunks until the first line break, so the header can be sniffed before parsing starts. */
async function headChunks(it: AsyncIterator<string>): Promise<string[]> {
  const head: string[] = [];
  let length = 0;
  for (;;) {
    const next = await it.next();
    if (next.done) return head;
    head.push(next.value);
    length += next.value.length;
    if (/[\r\n]/.test(next.value) || length > SNIFF_CHARS) return head;
  }
}

/**
 * Every record of a CSV text stream, the header first, with backpressure: the file is never
 * held whole. Errors of the text source (encoding) pass through; broken CSV syntax throws an
 * import.failed AppError at the line of the record it broke in.
 */
export async function* csvRecords(
  chunks: AsyncIterable<string>,
  options: { delimiter?: string } = {},
): AsyncGenerator<CsvRecord> {
  const it = chunks[Symbol.asyncIterator]();
  const head = await headChunks(it);
  const delimiter = options.delimiter ?? sniffDelimiter(/^[^\r\n]*/.exec(head.join(''))?.[0] ?? '');
  // The parser's writable side turns each string into UTF-8 on its own, so a surrogate pair
  // split between two chunks would become two U+FFFD: hold a trailing high surrogate back.
  async function* all() {
    let carry = '';
    const whole = (chunk: string) => {
      const text = carry + chunk;
      const last = text.charCodeAt(text.length - 1);
      const split = last >= 0xd800 && last <= 0xdbff;
      carry = split ? text.slice(-1) : '';
      return split ? text.slice(0, -1) : text;
    };
    for (const chunk of head) yield whole(chunk);
    for (let next = await it.next(); !next.done; next = await it.next()) yield whole(next.value);
    if (carry !== '') yield carry;
  }
  const tracker = new LineTracker();
  // Lines are counted in on_record, inside the parser, so they are right even for an error
  // raised while earlier records still wait in the stream's buffer.
  const settings = {
    ...parseOptions(delimiter),
    on_record: (cells: string[]) => tracker.take(cells),
  } satisfies Options<CsvRecord | string[], string[]>;
  const parser = parse(settings as Options);
  let sourceError: unknown = null;
  const feeding = pipeline(Readable.from(all()), parser).catch((error: unknown) => {
    sourceError = error;
  });
  try {
    for await (const record of parser as AsyncIterable<CsvRecord>) yield record;
  } catch (error) {
    await feeding; // settles sourceError: the decoder's own failure beats the parser's echo of it
    if (error instanceof CsvError) throw tracker.failure(error);
    throw sourceError ?? error;
  } finally {
    parser.destroy();
    await feeding;
  }
  if (sourceError) throw sourceError instanceof CsvError ? tracker.failure(sourceError) : sourceError;
}
