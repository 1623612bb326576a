/**
 * The characters a fingerprint is written in. Each one reads exactly like the text it stands in
 * for: the zero-width ones have no glyph, the others have the same glyph and width as their base
 * character (checked for the DejaVu faces of the PDF export).
 */

/** ZERO WIDTH SPACE: a line-break opportunity without width; JavaScript's `\s` does not match it. */
export const ZWSP = '\u200b';
/** WORD JOINER: no width, no break; not matched by `\s` either, so whitespace clean-up keeps both. */
export const WORD_JOINER = '\u2060';
/** HYPHEN (U+2010), the typographer's hyphen, in place of HYPHEN-MINUS; stable under NFC and NFKC. */
export const HYPHEN = '\u2010';
/** MODIFIER LETTER APOSTROPHE (U+02BC), in place of RIGHT SINGLE QUOTATION MARK used as an apostrophe. */
export const MODIFIER_APOSTROPHE = '\u02bc';
/** NO-BREAK SPACE in place of a space: survives a PDF, where zero-width characters do not. */
export const NBSP = '\u00a0';

/**
 * What a gap can carry: two bits, as one or two zero-width characters. A run only ever follows a
 * word, before the whitespace, so collapsing or re-wrapping whitespace keeps it whole.
 */
export const INVISIBLE_SYMBOLS = [ZWSP, WORD_JOINER, ZWSP + WORD_JOINER, WORD_JOINER + ZWSP] as const;

/** The two bits a run of zero-width characters stands for, or null when it is no symbol. */
export function invisibleSymbolValue(run: string): number | null {
  const value = (INVISIBLE_SYMBOLS as readonly string[]).indexOf(run);
  return value === -1 ? null : value;
}

export const INVISIBLE_MARKS = /[\u200b\u2060]/;
const MARKS = /[\u200b\u2060\u2010\u02bc]/g;
const MARKS_AND_SPACES = /[\u200b\u2060\u2010\u02bc\u00a0]/g;

/**
 * Removes the marks: the text as it was before it was fingerprinted (for text that held no mark
 * characters of its own). No-break spaces are marks only in copies marked with `spacing`.
 */
export function stripMarks(text: string, options: { spacing?: boolean } = {}): string {
  return text.replace(options.spacing ? MARKS_AND_SPACES : MARKS, (c) =>
    c === HYPHEN ? '-' : c === MODIFIER_APOSTROPHE ? '\u2019' : c === NBSP ? ' ' : '',
  );
}

/** Removes only the zero-width marks, as a sanitiser or a "remove invisible characters" tool would. */
export function stripInvisibleMarks(text: string): string {
  return text.replace(/[\u200b\u2060]/g, '');
}

/** How many characters of each channel the text holds (no-break spaces may be the text's own). */
export function countMarkCharacters(text: string): {
  invisible: number;
  punctuation: number;
  spacing: number;
} {
  const counts = { invisible: 0, punctuation: 0, spacing: 0 };
  for (const m of text.matchAll(MARKS_AND_SPACES)) {
    if (m[0] === ZWSP || m[0] === WORD_JOINER) counts.invisible++;
    else if (m[0] === NBSP) counts.spacing++;
    else counts.punctuation++;
  }
  return counts;
}
