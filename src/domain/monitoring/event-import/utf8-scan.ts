/**
 * Byte-level UTF-8 checks for locating an encoding error: the decoder only says "invalid",
 * while the user needs the line. Well-formed sequences per the Unicode Standard, table 3-7.
 */

const isCont = (b: number | undefined) => b !== undefined && b >= 0x80 && b <= 0xbf;

/** Byte length of the well-formed sequence at `i`, or 0 when none starts there. */
function sequenceAt(bytes: Uint8Array, i: number): number {
  const b = bytes[i] ?? 0;
  if (b < 0x80) return 1;
  const b1 = bytes[i + 1];
  if (b >= 0xc2 && b <= 0xdf) return isCont(b1) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    const lo = b === 0xe0 ? 0xa0 : 0x80;
    const hi = b === 0xed ? 0x9f : 0xbf;
    return b1 !== undefined && b1 >= lo && b1 <= hi && isCont(bytes[i + 2]) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const lo = b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xf4 ? 0x8f : 0xbf;
    return b1 !== undefined && b1 >= lo && b1 <= hi && isCont(bytes[i + 2]) && isCont(bytes[i + 3]) ? 4 : 0;
  }
  return 0;
}

/** Offset of the first byte that does not start a well-formed UTF-8 sequence; -1 if all are. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const n = sequenceAt(bytes, i);
    if (n === 0) return i;
    i += n;
  }
  return -1;
}

/** How many bytes at the end begin a multi-byte character that the next chunk must complete. */
export function incompleteTail(bytes: Uint8Array): number {
  const end = bytes.length;
  for (let i = end - 1; i >= Math.max(0, end - 3); i--) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) return 0;
    if (b >= 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return end - i < need ? end - i : 0;
    }
  }
  return 0;
}

/**
 * Counts line breaks as an editor shows them: "\r\n", "\n" and a lone "\r" are one each.
 * Keeps a "\r" at a chunk's end in mind so a "\r\n" split across chunks still counts once.
 */
export class LineCounter {
  breaks = 0;
  private afterCR = false;

  /** Counts the breaks in the next piece of text (or of ASCII-compatible bytes). */
  feed(text: string | Uint8Array): void {
    if (text.length === 0) return;
    if (typeof text === 'string' && text.indexOf('\r') < 0) {
      // The common case, kept fast for 100 MB files: only "\n", counted natively.
      let at = text.indexOf('\n');
      if (at === 0 && this.afterCR) at = text.indexOf('\n', 1);
      for (; at >= 0; at = text.indexOf('\n', at + 1)) this.breaks++;
      this.afterCR = false;
      return;
    }
    const get = typeof text === 'string' ? (i: number) => text.charCodeAt(i) : (i: number) => text[i] ?? 0;
    for (let i = 0; i < text.length; i++) {
      const c = get(i);
      if (c === 10) {
        if (!this.afterCR) this.breaks++;
        this.afterCR = false;
      } else if (c === 13) {
        this.breaks++;
        this.afterCR = true;
      } else this.afterCR = false;
    }
  }
}

/** Line breaks in a string (a cell that spans lines): the same rule as LineCounter. */
export function countLineBreaks(text: string): number {
  if (text.indexOf('\n') < 0 && text.indexOf('\r') < 0) return 0;
  const counter = new LineCounter();
  counter.feed(text);
  return counter.breaks;
}
