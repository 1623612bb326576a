import mammoth from 'mammoth';

/** The outcome of reading a Word file: its text in the shape the plan text importer reads, or why not. */
export type DocxTextResult = { ok: true; text: string } | { ok: false; message: string };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
/** Mammoth's HTML is simple and well formed: tags, text, and a handful of entities. */
const TOKEN = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*>|[^<]+/g;
const ENTITY = /&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos|nbsp));/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
/** A number the author typed into the text itself ("1.", "(2)", "Article 3"); it is kept, not doubled. */
const TYPED_NUMBER = /^(?:\(?\d+[a-z]{0,3}[.)]|(?:Point|Article|Art\.|§)\s*\d)/i;
const ROMANS = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii'];
const INDENT = '   ';

/**
 * Converts a .docx file to plan text: headings become `#`/`##` lines, Word numbering becomes typed
 * "1." / "a." markers, bullets "•", paragraphs are separated by blank lines. Never throws.
 */
export async function docxToPlanText(buffer: Uint8Array): Promise<DocxTextResult> {
  if (buffer.length === 0) return { ok: false, message: 'the file is empty: choose a Word (.docx) file' };
  if (startsWith(buffer, OLE_MAGIC)) {
    return {
      ok: false,
      message: 'this is an old Word .doc file: open it in Word and save it as .docx, then import it again',
    };
  }
  if (!startsWith(buffer, ZIP_MAGIC)) {
    return {
      ok: false,
      message:
        'this is not a Word (.docx) file: it is not a ZIP archive. Choose a .docx file, or paste the text',
    };
  }
  const unpacked = unpackedSize(buffer);
  if (unpacked === null || unpacked > MAX_UNPACKED_BYTES) {
    return {
      ok: false,
      message:
        unpacked === null
          ? 'this Word file could not be read (its ZIP directory is damaged): save it again from Word, or paste the text'
          : `this Word file unpacks to ${Math.round(unpacked / 1024 / 1024)} MB, more than the ${MAX_UNPACKED_BYTES / 1024 / 1024} MB a plan can have`,
    };
  }
  let html: string;
  try {
    const input = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    html = (await mammoth.convertToHtml({ buffer: input })).value;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return /main document part|word\/document\.xml/i.test(reason)
      ? {
          ok: false,
          message: 'this ZIP file is not a Word document (it has no word/document.xml): choose a .docx file',
        }
      : {
          ok: false,
          message: `this Word file could not be read (${reason}): save it again from Word, or paste the text`,
        };
  }
  const text = htmlToPlanText(html);
  if (text.trim() === '') return { ok: false, message: 'the Word file holds no text' };
  return { ok: true, text };
}

import { MAX_UNPACKED_BYTES, unpackedSize } from './zip-size.ts';

interface List {
  ordered: boolean;
  count: number;
}

interface OpenItem {
  depth: number;
  marker: string;
  text: string;
  written: boolean;
}

/** Walks mammoth's HTML once; lists become typed markers because the plan importer reads text, not Word numbering. */
function htmlToPlanText(html: string): string {
  const chunks: string[] = [];
  const lists: List[] = [];
  const items: OpenItem[] = [];
  // Word keeps one numbering across a list broken by a note; a heading starts the next area afresh.
  let topCount = 0;
  let inline: string | null = null;
  let prefix = '';

  for (const m of html.matchAll(TOKEN)) {
    const [token, closing, rawTag] = m;
    if (rawTag === undefined) {
      const text = decode(token);
      const item = items.at(-1);
      if (inline !== null) inline += text;
      else if (item) item.text += text;
      continue;
    }
    const tag = rawTag.toLowerCase();
    const heading = /^h[1-6]$/.test(tag);
    if (heading || tag === 'p' || tag === 'td' || tag === 'th') {
      if (closing) {
        if (inline === null) append(' ');
        finishBlock();
      } else if (!items.at(-1)) {
        inline = '';
        prefix = heading ? (tag === 'h1' ? '# ' : '## ') : '';
        if (heading) topCount = 0;
      }
    } else if (tag === 'ol' || tag === 'ul') {
      if (closing) lists.pop();
      else {
        writeItem(items.at(-1));
        lists.push({ ordered: tag === 'ol', count: 0 });
      }
    } else if (tag === 'li') {
      if (closing) writeItem(items.pop());
      else items.push(openItem());
    } else if (tag === 'strong' || tag === 'b') append('**');
    else if (tag === 'em' || tag === 'i') append('*');
    else if (tag === 'br') append(' ');
  }
  finishBlock();
  return `${chunks.join('\n\n').replace(/\n{3,}/g, '\n\n')}\n`;

  function append(s: string): void {
    const item = items.at(-1);
    if (inline !== null) inline += s;
    else if (item) item.text += s;
  }

  function finishBlock(): void {
    if (inline === null) return;
    const text = tidy(inline);
    if (text !== '') chunks.push(prefix + text);
    inline = null;
    prefix = '';
  }

  function openItem(): OpenItem {
    const depth = Math.max(0, lists.length - 1);
    const list = lists.at(-1);
    let marker = '•';
    if (list?.ordered) {
      list.count++;
      if (depth === 0) marker = `${++topCount}.`;
      else if (depth === 1) marker = `${letters(list.count)}.`;
      else marker = `${ROMANS[list.count - 1] ?? list.count}.`;
    }
    return { depth, marker, text: '', written: false };
  }

  function writeItem(item: OpenItem | undefined): void {
    if (!item || item.written) return;
    item.written = true;
    const text = tidy(item.text);
    if (text === '') return;
    const typed = item.depth === 0 && TYPED_NUMBER.test(text);
    // The author's own number wins; the synthesized one is handed back to the next item.
    if (typed && item.marker !== '•') topCount--;
    const line = `${INDENT.repeat(item.depth)}${typed ? '' : `${item.marker} `}${text}`;
    // Sub-items sit right under their point; points and bullets at the top stand apart.
    if (item.depth > 0 && chunks.length > 0) chunks[chunks.length - 1] += `\n${line}`;
    else chunks.push(line);
  }
}

/** A point or item marker on its own: "1.", "(2)", "7bis.", "a)", "Article 3". */
const BARE_MARKER =
  /^\s*(?:\(?\d+[a-z]*[.):]?|\(?[a-z]{1,4}[.)]|(?:Article|Art\.|Point|§)\s*\d+[a-z]*[.:]?)\s*$/i;

/**
 * Whitespace as a reader sees it; emphasis markers that wrap nothing are dropped, and so is bold
 * or italic around a leading number ("**7.** text", as Entente's own Word export writes it), so
 * the number is read as a point number rather than as emphasised text.
 */
function tidy(text: string): string {
  return text
    .replace(/\*\*(\s*)\*\*/g, '$1')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(\*\*?)([^*]{1,24}?)\1(?=\s|$)/, (whole, _stars: string, inner: string) =>
      BARE_MARKER.test(inner) ? inner.trim() : whole,
    );
}

function letters(n: number): string {
  let out = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) out = String.fromCharCode(97 + ((k - 1) % 26)) + out;
  return out;
}

function decode(text: string): string {
  return text.replace(
    ENTITY,
    (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
      const code = dec ? Number(dec) : hex ? Number.parseInt(hex, 16) : -1;
      if (code >= 0) return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      return NAMED[name?.toLowerCase() ?? ''] ?? whole;
    },
  );
}

function startsWith(buffer: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, i) => buffer[i] === byte);
}
