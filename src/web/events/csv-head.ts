/**
 * The first records of a CSV file, read in the browser to show the column-mapping step before
 * anything is uploaded. Only the head of the file is read (the server parses the whole of it,
 * streamed); quoting follows RFC 4180 with doubled quotes inside quoted values.
 */

const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** Bytes read from the start of the file: enough for the header and a few rows. */
export const HEAD_BYTES = 64 * 1024;

/** Whichever of , ; tab | occurs most outside quotes in the header line (the server guesses the same way). */
export function sniffDelimiter(headerLine: string): Delimiter {
  const outside = headerLine.replace(/"[^"]*"/g, '');
  let best: Delimiter = ',';
  let most = 0;
  for (const d of DELIMITERS) {
    const n = outside.split(d).length - 1;
    if (n > most) [best, most] = [d, n];
  }
  return best;
}

/**
 * Up to `max` complete records of `text`; a record cut off by the end of the text (the head of a
 * bigger file) is left out unless `complete` says the text is the whole file. Blank lines are skipped.
 */
export function parseCsvHead(text: string, delimiter: string, max: number, complete = false): string[][] {
  const records: string[][] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  const endRecord = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0]?.trim() === '')) records.push(cells);
    cells = [];
    cell = '';
  };
  while (i < text.length && records.length < max) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && cell === '') quoted = true;
    else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      endRecord();
      if (ch === '\r' && text[i + 1] === '\n') i++;
    } else cell += ch;
    i++;
  }
  if (complete && records.length < max && !quoted && (cell !== '' || cells.length > 0)) endRecord();
  return records;
}

export interface CsvHead {
  headers: string[];
  /** The first data rows, for sample values next to each column. */
  rows: string[][];
  delimiter: Delimiter;
}

/**
 * Reads the header and the first rows of a file in the given encoding (a label TextDecoder
 * knows: utf-8, windows-1252, iso-8859-1, windows-1251, utf-16le …). Throws when the encoding is
 * unknown to the browser.
 */
export async function readCsvHead(file: Blob, encoding: string, sampleRows = 3): Promise<CsvHead> {
  const bytes = await file.slice(0, HEAD_BYTES).arrayBuffer();
  // Not fatal: a wrong encoding shows as odd characters here; the server names the line.
  let text = new TextDecoder(encoding, { fatal: false }).decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const firstLine = /^[^\r\n]*/.exec(text)?.[0] ?? '';
  const delimiter = sniffDelimiter(firstLine);
  const records = parseCsvHead(text, delimiter, sampleRows + 1, file.size <= HEAD_BYTES);
  const [headers = [], ...rows] = records;
  return { headers: headers.map((h) => h.trim()), rows, delimiter };
}
