import { HYPHEN, INVISIBLE_MARKS, MODIFIER_APOSTROPHE, NBSP, stripMarks } from './marks.ts';

/**
 * Where in a text a fingerprint can sit. A slot is named by the words around it, never by its
 * position, so that a trace needs no alignment: re-wrapped lines, collapsed whitespace, a quoted
 * excerpt or another export format still name the same slots.
 */

/**
 * The three ways a copy is marked: zero-width characters after words, look-alike hyphens and
 * apostrophes inside words, and no-break spaces between words (for PDF, whose font engine drops
 * zero-width characters).
 */
export type MarkChannel = 'invisible' | 'punctuation' | 'spacing';

/** Which channels a copy is marked in; punctuation always. */
export interface MarkOptions {
  /** Zero-width characters after words (default on). */
  invisible?: boolean;
  /** No-break spaces between words (default off). */
  spacing?: boolean;
}

/** A run of text between whitespace or zero-width marks, with its word key. */
export interface Token {
  text: string;
  start: number;
  end: number;
  key: string;
}

/** One slot of a fingerprint: `key` names it; for punctuation, `at` is the character's index in the token. */
export interface Slot {
  channel: MarkChannel;
  key: string;
  token: number;
  at: number;
}

const TOKEN = /[^\s\u200b\u2060]+/gu;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const LETTER = /\p{L}/u;
/**
 * A zero-width mark goes after a word that ends in one of these. Never after a Markdown delimiter
 * (`*`, `_`, `` ` ``): CommonMark decides whether `**` closes by looking at the next character.
 */
const SAFE_END = /[\p{L}\p{N}.,;:!?)%"'\u201d\u2019]$/u;
/** One word gap in this many carries a mark of the channel (independently chosen per channel). */
const GAP_STRIDE = 2;

/** The tokens of a text with their keys. */
export function tokensOf(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    tokens.push({ text: m[0], start: m.index, end: m.index + m[0].length, key: wordKey(m[0]) });
  }
  return tokens;
}

/**
 * A word as slot keys see it: marks undone, compatibility forms folded (NFKC), lower case, and
 * everything but letters and digits dropped, so that `**ceasefire**,` in Markdown and `ceasefire,`
 * copied out of a PDF are the same word.
 */
export function wordKey(raw: string): string {
  return stripMarks(raw)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * The key of the gap after token `i` in a channel: this word and the next one that has letters or
 * digits, or null when there is none.
 */
export function gapKey(tokens: readonly Token[], i: number, channel: 'invisible' | 'spacing'): string | null {
  const here = tokens[i];
  if (!here || here.key === '') return null;
  for (let j = i + 1; j < tokens.length; j++) {
    const next = tokens[j]!;
    if (next.key !== '') return `${channel === 'invisible' ? 'g' : 's'}|${here.key} ${next.key}`;
  }
  return null;
}

/**
 * Whether a gap carries a mark. Chosen by the words alone (a hash, not the seed), so every copy
 * marks the same gaps and a gap without a mark tells "stripped" from "carries another value".
 */
export function isMarkedGap(key: string): boolean {
  return fnv1a(key) % GAP_STRIDE === 0;
}

export type PunctuationKind = 'hyphen' | 'apostrophe';

/** A hyphen or apostrophe inside a word, as found: `variant` when it is the marked form. */
export interface PunctuationSite {
  kind: PunctuationKind;
  key: string;
  at: number;
  variant: boolean;
}

/**
 * Hyphens between letters or digits ("so-called", "72-hour") and curly apostrophes between letters
 * ("Veloria’s"), in either form. Keyed by the word and the count within it, so both forms name the
 * same site. List dashes, minus signs and closing quotes are not sites.
 */
export function punctuationSites(token: Token): PunctuationSite[] {
  const sites: PunctuationSite[] = [];
  const text = token.text;
  let hyphens = 0;
  let apostrophes = 0;
  for (let i = 1; i < text.length - 1; i++) {
    const c = text[i]!;
    const before = text[i - 1]!;
    const after = text[i + 1]!;
    if ((c === '-' || c === HYPHEN) && WORD_CHAR.test(before) && WORD_CHAR.test(after)) {
      sites.push({ kind: 'hyphen', key: `h|${token.key}|${hyphens++}`, at: i, variant: c === HYPHEN });
    } else if ((c === '\u2019' || c === MODIFIER_APOSTROPHE) && LETTER.test(before) && LETTER.test(after)) {
      sites.push({
        kind: 'apostrophe',
        key: `a|${token.key}|${apostrophes++}`,
        at: i,
        variant: c === MODIFIER_APOSTROPHE,
      });
    }
  }
  return sites;
}

/**
 * The slots of an unmarked text, in reading order: where `markText` writes and what a trace
 * compares. A channel whose characters the text already holds is left alone, so that removing the
 * marks gives back exactly the original.
 */
export function slotsOf(text: string, options: MarkOptions = {}): { tokens: Token[]; slots: Slot[] } {
  const invisible = options.invisible !== false && !INVISIBLE_MARKS.test(text);
  const spacing = options.spacing === true && !text.includes(NBSP);
  const hyphens = !text.includes(HYPHEN);
  const apostrophes = !text.includes(MODIFIER_APOSTROPHE);
  const tokens = tokensOf(text);
  const slots: Slot[] = [];
  tokens.forEach((token, i) => {
    for (const site of punctuationSites(token)) {
      if (site.kind === 'hyphen' ? hyphens : apostrophes) {
        slots.push({ channel: 'punctuation', key: site.key, token: i, at: site.at });
      }
    }
    if (invisible && SAFE_END.test(token.text)) {
      const key = gapKey(tokens, i, 'invisible');
      if (key !== null && isMarkedGap(key)) slots.push({ channel: 'invisible', key, token: i, at: -1 });
    }
    // Only a plain single space becomes a no-break space: line ends and indentation carry structure.
    if (spacing && text.slice(token.end, tokens[i + 1]?.start) === ' ') {
      const key = gapKey(tokens, i, 'spacing');
      if (key !== null && isMarkedGap(key)) slots.push({ channel: 'spacing', key, token: i, at: -1 });
    }
  });
  return { tokens, slots };
}

/**
 * FNV-1a over UTF-16 code units (Fowler, Noll, Vo), finished with MurmurHash3's fmix32 so that the
 * low bits depend on every character, not just on their parity.
 */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
