/** Pasted text arrives with the habits of every editor; this evens them out before lines are read. */

/** Word writes a manual line break as VT and a page break as FF; both end a line for the reader. */
const LINE_BREAKS = /\r\n?|[\u2028\u2029\v\f]/g;
/** Non-breaking and narrow spaces separate words like a space does. */
const HARD_SPACES = /[\u00a0\u2007\u202f]/g;
/**
 * Invisible characters that only get in the way of recognising "1." at the start of a line.
 * ZWJ and ZWNJ stay: Persian and Indic scripts need them to spell words correctly.
 */
const INVISIBLE = /[\u200b\u2060\ufeff\u00ad]/g;
/** Remaining C0/C1 controls (not tab or newline) carry no meaning in a plan. */
const CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g;
const SUSPICIOUS = /[\u0000-\u0008\u000e-\u001f\u007f\ufffd]/g;

/** True when the string reads as text: no NUL bytes and only a sprinkling of control characters. */
export function looksLikeText(text: string): boolean {
  if (text.includes('\u0000')) return false;
  const suspicious = text.match(SUSPICIOUS)?.length ?? 0;
  // A decoded binary file is full of controls and replacement characters; real text has almost none.
  return suspicious <= text.length * 0.1;
}

/** The text split into lines (1-based line n is index n-1), with line ends, spaces and invisibles evened out. */
export function normalizedLines(text: string): string[] {
  return text
    .replace(LINE_BREAKS, '\n')
    .replace(HARD_SPACES, ' ')
    .replace(INVISIBLE, '')
    .replace(CONTROLS, '')
    .split('\n');
}
