/** A stretch of text with one style. */
export interface InlineRun {
  text: string;
  bold: boolean;
  italic: boolean;
}

const ESCAPABLE = /[\\*_`[\]#>-]/;
const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);

/**
 * Splits one paragraph of the plan's Markdown subset into styled runs: `**strong**`, `*emphasis*`,
 * backslash escapes. A marker only opens when a closer follows and it touches a word (as in
 * CommonMark), so "5 * 3" or a stray asterisk stays literal text instead of restyling the rest.
 * Line breaks inside a paragraph read as spaces, as Markdown renders them.
 */
export function tokenizeInline(paragraph: string): InlineRun[] {
  const src = paragraph.replace(/\s*\n\s*/g, ' ');
  const runs: InlineRun[] = [];
  let bold = false;
  let italic = false;
  let buf = '';
  const flush = () => {
    if (buf === '') return;
    const last = runs.at(-1);
    if (last && last.bold === bold && last.italic === italic) last.text += buf;
    else runs.push({ text: buf, bold, italic });
    buf = '';
  };
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === '\\' && ESCAPABLE.test(src[i + 1] ?? '')) {
      buf += src[i + 1];
      i += 2;
      continue;
    }
    if (c === '*') {
      const width = src.startsWith('**', i) ? 2 : 1;
      const marker = width === 2 ? '**' : '*';
      const open = width === 2 ? bold : italic;
      const before = src[i - 1];
      const after = src[i + width];
      if (open && !isSpace(before)) {
        flush();
        if (width === 2) bold = false;
        else italic = false;
        i += width;
        continue;
      }
      if (!open && !isSpace(after) && hasCloser(src, i + width, marker)) {
        flush();
        if (width === 2) bold = true;
        else italic = true;
        i += width;
        continue;
      }
      buf += marker;
      i += width;
      continue;
    }
    buf += c;
    i++;
  }
  flush();
  return runs;
}

/** True when `marker` occurs later, right after a non-space character, so it can close a span. */
function hasCloser(src: string, from: number, marker: string): boolean {
  for (let j = src.indexOf(marker, from); j !== -1; j = src.indexOf(marker, j + 1)) {
    if (j <= from || isSpace(src[j - 1])) continue;
    if (marker === '**') return true;
    // A single `*` closes only from a run of odd length ("*" or "***"); a "**" run belongs to strong.
    let start = j;
    while (src[start - 1] === '*') start--;
    let end = j;
    while (src[end] === '*') end++;
    if ((end - start) % 2 === 1) return true;
    j = end - 1;
  }
  return false;
}

/** The paragraph as plain text, markers removed (for metadata and plain-text fallbacks). */
export function plainInline(paragraph: string): string {
  return tokenizeInline(paragraph)
    .map((r) => r.text)
    .join('');
}
