import iconv from 'iconv-lite';
import type { ImportRowProblem } from './event-fields.ts';
import { importFailure, problemOf } from './import-failure.ts';
import { firstInvalidUtf8, incompleteTail, LineCounter } from './utf8-scan.ts';

/**
 * Bytes to text for CSV files: UTF-8 unless told otherwise (its BOM stripped), UTF-16 when a
 * byte-order mark says so, and any encoding iconv-lite knows when declared (windows-1252,
 * latin1, windows-1251, utf-16le, …). A file that is not UTF-8 and was not declared is refused
 * at the line of its first bad byte, with the hint to declare its encoding.
 */

const SNIFF_BYTES = 4;
const NUL_SCAN = 512;

export interface CsvDecoder {
  /** Text for the next bytes (possibly empty while a character or the BOM is incomplete). */
  write(bytes: Uint8Array): string;
  /** The rest, when the input has ended. */
  end(): string;
  /** The encoding in use once known ("utf-8" until the first bytes say otherwise). */
  readonly encoding: string;
}

/** The name iconv-lite and the problems use; null when unknown. */
export function normalizeEncoding(name: string): string | null {
  const lower = name.trim().toLowerCase();
  if (lower === 'utf8' || lower === 'utf-8') return 'utf-8';
  return iconv.encodingExists(lower) ? lower : null;
}

function fail(line: number, message: string): never {
  throw importFailure({ line, field: 'encoding', message });
}

function bomEncoding(head: Uint8Array): { encoding: string; length: number } | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** Files people upload by mistake: a workbook, or UTF-16 written without its byte-order mark. */
function refuseNonText(head: Uint8Array, encoding: string): void {
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
    fail(
      1,
      'this is a ZIP archive (an Excel .xlsx workbook?), not CSV: save the sheet as "CSV UTF-8" and import that',
    );
  }
  if (
    !encoding.startsWith('utf-16') &&
    !encoding.startsWith('utf16') &&
    head.subarray(0, NUL_SCAN).includes(0)
  ) {
    fail(
      1,
      'the file holds NUL bytes, as UTF-16 text without a byte-order mark does: import it with encoding=utf-16le (or utf-16be)',
    );
  }
}

/** Strict UTF-8: the fatal decoder finds an error, the byte scan says where. */
type TextDecoding = { write(bytes: Uint8Array): string; end(): string };

function utf8Decoder(): TextDecoding {
  const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const lines = new LineCounter();
  let pending: Uint8Array = new Uint8Array(0);
  const decode = (bytes: Uint8Array): string => {
    try {
      const text = fatal.decode(bytes);
      lines.feed(text);
      return text;
    } catch {
      const at = Math.max(0, firstInvalidUtf8(bytes));
      lines.feed(bytes.subarray(0, at));
      const byte = (bytes[at] ?? 0).toString(16).toUpperCase().padStart(2, '0');
      return fail(
        lines.breaks + 1,
        `the file is not UTF-8 (byte 0x${byte} here is not part of a UTF-8 character); if it was saved by Excel or another Windows program, import it again with encoding=windows-1252 (or the file's own encoding, such as windows-1251 or latin1)`,
      );
    }
  };
  return {
    write(chunk) {
      const bytes = pending.length === 0 ? chunk : concat(pending, chunk);
      const tail = incompleteTail(bytes);
      pending = tail === 0 ? new Uint8Array(0) : bytes.slice(bytes.length - tail);
      return decode(tail === 0 ? bytes : bytes.subarray(0, bytes.length - tail));
    },
    end() {
      if (pending.length > 0) decode(pending);
      return '';
    },
  };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

function iconvDecoder(encoding: string): TextDecoding {
  const decoder = iconv.getDecoder(encoding, { stripBOM: false });
  return {
    write: (bytes) => decoder.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)),
    end: () => decoder.end() ?? '',
  };
}

/**
 * A streaming decoder for one file. `declared` is the encoding the user named (undefined: UTF-8).
 * Throws an import.failed AppError (see problemOf) for an unknown encoding or undecodable bytes.
 */
export function createCsvDecoder(declared?: string): CsvDecoder {
  const named = declared === undefined || declared.trim() === '' ? 'utf-8' : normalizeEncoding(declared);
  if (named === null) {
    fail(
      1,
      `"${declared}" is not an encoding this server knows: use utf-8, windows-1252, latin1, utf-16le or utf-16be`,
    );
  }
  let encoding = named;
  let inner: TextDecoding | null = null;
  let head: Uint8Array = new Uint8Array(0);

  /** Picks the decoder the first bytes call for (BOM, or the declared encoding) and decodes them. */
  const start = (bytes: Uint8Array): { decoding: TextDecoding; text: string } => {
    const bom = bomEncoding(bytes);
    if (bom) encoding = bom.encoding;
    refuseNonText(bytes, encoding);
    const decoding = encoding === 'utf-8' ? utf8Decoder() : iconvDecoder(encoding);
    inner = decoding;
    return { decoding, text: decoding.write(bom ? bytes.subarray(bom.length) : bytes) };
  };

  return {
    get encoding() {
      return encoding;
    },
    write(bytes) {
      if (inner) return inner.write(bytes);
      head = concat(head, bytes);
      return head.length < SNIFF_BYTES ? '' : start(head).text;
    },
    end() {
      if (inner) return inner.end();
      const { decoding, text } = start(head);
      return text + decoding.end();
    },
  };
}

export type DecodedCsv =
  | { ok: true; text: string; encoding: string }
  | { ok: false; problem: ImportRowProblem };

/** Decodes a whole (small) file at once; the streaming form is decodeCsvStream. */
export function decodeCsv(bytes: Uint8Array, declared?: string): DecodedCsv {
  try {
    const decoder = createCsvDecoder(declared);
    const text = decoder.write(bytes) + decoder.end();
    return { ok: true, text, encoding: decoder.encoding };
  } catch (error) {
    const problem = problemOf(error);
    if (problem) return { ok: false, problem };
    throw error;
  }
}

/**
 * Decodes a byte stream chunk by chunk, never holding the file whole. Throws an import.failed
 * AppError (see problemOf) at the first undecodable byte, after yielding the text before it.
 * Pass a decoder made by createCsvDecoder to read, afterwards, the encoding a BOM revealed.
 */
export async function* decodeCsvStream(
  source: AsyncIterable<Uint8Array>,
  declared?: string | CsvDecoder,
): AsyncGenerator<string> {
  const decoder = typeof declared === 'object' ? declared : createCsvDecoder(declared);
  for await (const chunk of source) {
    const text = decoder.write(chunk);
    if (text !== '') yield text;
  }
  const rest = decoder.end();
  if (rest !== '') yield rest;
}
