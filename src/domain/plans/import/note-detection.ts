/** Which unnumbered paragraphs are editorial notes rather than more text of the point before them. */

const NOTE_PREFIX = /^(?:notes?\s*:|nb(?=[\s:.]|$)|n\.\s?b\.|comment\s*:|editor[’']?s\s+note)/i;
const BRACKETED = /^\[[^\]]*\]$/;
/** Wholly in one emphasis span: `*…*` or `_…_`, but not `**strong**` nor "*a* and *b*". */
const ITALIC = /^(?:\*[^*]+\*|_[^_]+_)$/;

/** True when the text opens with a note marker ("Note:", "NB", "N.B.", "Comment:", "Editor's note"). */
export function hasNotePrefix(text: string): boolean {
  return NOTE_PREFIX.test(text);
}

/** True for "Note: …", "NB …", "N.B. …", "Comment: …", "Editor's note …", "[…]" and "*…*" paragraphs. */
export function isNoteParagraph(text: string): boolean {
  return NOTE_PREFIX.test(text) || BRACKETED.test(text) || ITALIC.test(text);
}
