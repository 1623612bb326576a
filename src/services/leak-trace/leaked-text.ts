import mammoth from 'mammoth';
import { AppError } from '../../domain/shared/app-error.ts';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d];

/**
 * The text of a leaked file, with its marks: plain text and Markdown as they are, a Word file's
 * raw text (every character kept, unlike the plan importer, which tidies whitespace), and a JSON
 * export's strings. A PDF's text cannot be read here: copying it out of a PDF reader gives the text
 * a trace needs.
 */
export async function leakedTextOf(bytes: Uint8Array, name = ''): Promise<string> {
  if (startsWith(bytes, PDF_MAGIC) || /\.pdf$/i.test(name)) {
    throw new AppError(
      'validation.failed',
      'a PDF file cannot be read directly: open it in a PDF reader, select all its text, copy it into a .txt file and trace that',
    );
  }
  if (startsWith(bytes, ZIP_MAGIC) || /\.docx$/i.test(name)) {
    try {
      const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      return (await mammoth.extractRawText({ buffer })).value;
    } catch {
      throw new AppError('validation.failed', `${name || 'the file'} is not a readable Word (.docx) file`);
    }
  }
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return jsonStrings(text) ?? text;
}

/** All string values of a JSON document, a paragraph each; null when the text is not JSON. */
function jsonStrings(text: string): string | null {
  if (!/^\s*[{[]/.test(text)) return null;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  const strings: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') strings.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(data);
  return strings.join('\n\n');
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte);
}
