import { hasNotePrefix } from './note-detection.ts';
import { isRoman, isSmallRoman } from './numerals.ts';

/** What one line of a pasted plan looks like on its own, before its neighbours are considered. */
export type LineKind =
  | { kind: 'blank' }
  | { kind: 'comment' }
  | { kind: 'md-heading'; level: number; text: string }
  | { kind: 'quote'; text: string }
  /** `loose`: a bare "12." that a hard-wrapped "2025." could imitate. */
  | { kind: 'point'; number: string; text: string; loose: boolean }
  | { kind: 'section'; text: string }
  | { kind: 'label'; label: string; text: string }
  | { kind: 'bullet'; text: string }
  | { kind: 'note'; text: string }
  | { kind: 'caps'; text: string }
  | { kind: 'text'; text: string };

export interface ClassifiedLine {
  /** 1-based line number in the input. */
  line: number;
  indent: number;
  /** The line without its indentation, inner runs of whitespace collapsed. */
  content: string;
  cls: LineKind;
}

// Every pattern is anchored and matches a short prefix only, so no input can make them backtrack.
const NUM = String.raw`(\d{1,6}(?:bis|ter|quater|quinquies|sexies|[a-zA-Z])?)`;
const POINT_DOT = new RegExp(String.raw`^${NUM}\.(?=\s|$)`);
const POINT_PAREN = new RegExp(String.raw`^${NUM}\)(?=\s|$)`);
const POINT_WRAPPED = new RegExp(String.raw`^\(${NUM}\)`);
const POINT_DASH = new RegExp(String.raw`^${NUM}\s+[-–—](?=\s|$)`);
const KEYWORD = String.raw`(?:(?:[Pp]oint|POINT|[Aa]rticle|ARTICLE|[Aa]rt\.?|ART\.?|[Pp]ara(?:graph)?\.?|PARA\.?)\s+|§§?\s*)`;
/** After "Article 3" comes a separator, a capitalised title, or nothing; "Article 3 of the Charter" is prose. */
const KEYWORD_POINT = new RegExp(
  String.raw`^${KEYWORD}(${NUM.slice(1, -1)}|[IVXLCDM]{1,8}|[ivxlcdm]{1,8})(?=\s*[.:)\-–—]|\s+[\p{Lu}"“‘'(\[*]|\s*$)\s*[.:)\-–—]?`,
  'u',
);
const KEYWORD_FIRST = new Set('PpAa§');
const SECTION_FIRST = new Set('PpSsCcAa');
const NOTE_FIRST = new Set('NnCcEe');
const SECTION = /^(part|section|chapter|annex|appendix|schedule)\s+(\S{1,12})/i;
const SECTION_TOKEN = /^(?:\d{1,4}[a-z]?|[A-Z]|one|two|three|four|five|six|seven|eight|nine|ten)$/i;
const LABEL = /^(?:\(([a-zA-Z]{1,8})\)|([a-zA-Z]{1,8})[.)])(?=\s|$)/;
const BULLET = /^(?:->|=>|[•●◦▪■□‣⁃·\-–—*→⇒➢➤►o])(?=\s|$)/;
const MD_HEADING = /^#{1,6}(?=\s|$)/;
const QUOTE = /^(?:>\s?)+/;
const SEPARATOR_START = /^[.:\-–—]/;
const SENTENCE_END = /[.,;:!?]$/;
const MESSY_SPACE = /\s\s|[^\S ]/;
const LOWER = /\p{Ll}/u;
const TWO_UPPER = /\p{Lu}[^\p{Lu}]*\p{Lu}/u;

/** Classifies one raw line; `line` is its 1-based number. */
export function classifyLine(raw: string, line: number): ClassifiedLine {
  let start = 0;
  let columns = 0;
  for (; start < raw.length; start++) {
    const code = raw.charCodeAt(start);
    if (code === 32) columns++;
    else if (code === 9) columns += 4;
    else break;
  }
  const trimmed = raw.slice(start).trimEnd();
  // Most lines are already tidy; rewriting every one of them doubles the garbage of a long plan.
  const content = MESSY_SPACE.test(trimmed) ? trimmed.replace(/\s+/g, ' ') : trimmed;
  return { line, indent: columns, content, cls: kindOf(content) };
}

function kindOf(s: string): LineKind {
  if (s === '') return { kind: 'blank' };
  if (s.startsWith('<!--')) return { kind: 'comment' };
  const first = s[0]!;
  if (first === '#') {
    const m = MD_HEADING.exec(s);
    if (m) return { kind: 'md-heading', level: m[0].length, text: stripClosingHashes(rest(s, m[0])) };
  }
  if (first === '>') return { kind: 'quote', text: rest(s, QUOTE.exec(s)![0]) };
  // Cheap first-character checks keep the rarer patterns off the hot path of a 10,000-point plan.
  const keyword = KEYWORD_FIRST.has(first) ? KEYWORD_POINT.exec(s) : null;
  if (keyword?.[1] !== undefined && (/\d/.test(keyword[1]) || isRoman(keyword[1]))) {
    return { kind: 'point', number: keyword[1], text: rest(s, keyword[0]), loose: false };
  }
  const section = SECTION_FIRST.has(first) ? sectionHeading(s) : null;
  if (section) return section;
  if (/\d/.test(first)) {
    for (const pattern of [POINT_DOT, POINT_PAREN, POINT_DASH]) {
      const m = pattern.exec(s);
      if (m?.[1] !== undefined) return { kind: 'point', number: m[1], text: rest(s, m[0]), loose: true };
    }
  }
  if (first === '(') {
    const m = POINT_WRAPPED.exec(s);
    if (m?.[1] !== undefined) return { kind: 'point', number: m[1], text: rest(s, m[0]), loose: false };
  }
  const label = LABEL.exec(s);
  const letters = label?.[1] ?? label?.[2];
  if (label && letters !== undefined && isItemLabel(letters)) {
    return { kind: 'label', label: letters, text: rest(s, label[0]) };
  }
  const bullet = BULLET.exec(s);
  if (bullet) return { kind: 'bullet', text: rest(s, bullet[0]) };
  if (NOTE_FIRST.has(first) && hasNotePrefix(s)) return { kind: 'note', text: s };
  if (isCapsLine(s)) return { kind: 'caps', text: s };
  return { kind: 'text', text: s };
}

/** "Part I: Security", "Section 2 – Ceasefire", "CHAPTER THREE"; "Section 2 of the accord says…" is prose. */
function sectionHeading(s: string): LineKind | null {
  const m = SECTION.exec(s);
  if (!m?.[2]) return null;
  const token = m[2].replace(/[.:,\-–—]+$/, '');
  if (!SECTION_TOKEN.test(token) && !(isRoman(token) && token === token.toUpperCase())) return null;
  const after = s.slice(m[0].length).trim();
  const separated = token.length < m[2].length || after === '' || SEPARATOR_START.test(after);
  const titled = s.length <= 80 && !SENTENCE_END.test(s) && !LOWER.test(after[0] ?? '');
  return separated || titled ? { kind: 'section', text: s } : null;
}

/** One letter, or a roman numeral in one case ("iv", "IV"); "Mix" or "did" are words. */
function isItemLabel(letters: string): boolean {
  if (letters.length === 1) return true;
  const oneCase = letters === letters.toLowerCase() || letters === letters.toUpperCase();
  // Sub-items never run past xxxix; "MD." or "DC." at the start of a line are abbreviations.
  return oneCase && isSmallRoman(letters);
}

/** An ALL-CAPS line short enough to be a heading ("SECURITY GUARANTEES"). */
function isCapsLine(s: string): boolean {
  return s.length >= 4 && s.length <= 80 && !LOWER.test(s) && TWO_UPPER.test(s) && !/[.,;]$/.test(s);
}

function rest(s: string, prefix: string): string {
  return s.slice(prefix.length).trim();
}

function stripClosingHashes(text: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === '#') end--;
  // "## Title ##" closes with hashes; "## C#" keeps its own.
  return end < text.length && (end === 0 || text[end - 1] === ' ') ? text.slice(0, end).trim() : text;
}
