import { countMarkCharacters, invisibleSymbolValue, NBSP } from './marks.ts';
import { gapKey, type MarkChannel, punctuationSites, tokensOf } from './text-slots.ts';

/** One slot as read from a leaked text: the value it shows (see `SLOT_BITS` for how many bits). */
export interface ObservedMark {
  channel: MarkChannel;
  value: number;
}

/** What a leaked text shows of a fingerprint. */
export interface ObservedMarks {
  /** Slot key → the value seen there; keys seen with two values (a text pieced from two copies) are left out. */
  marks: Map<string, ObservedMark>;
  /** Slots seen per channel (after conflicts are dropped). */
  counts: Record<MarkChannel, number>;
  /** Slot keys dropped because the text shows them with two values, or zero-width runs that are no symbol. */
  conflicts: number;
  /** Mark characters anywhere in the text; zero means the text is unmarked or was cleaned. */
  markCharacters: number;
}

/**
 * Reads the marks of any text that came from a marked copy: pasted, re-wrapped, with whitespace
 * collapsed, converted from Word or PDF, or cut down to an excerpt. Zero-width runs are read in
 * each word gap; hyphens and apostrophes in their two forms; spaces as plain or no-break. The
 * punctuation and spacing channels count only if the text holds at least one marked form: without
 * any, the text was unmarked or normalised, and its plain hyphens and spaces say nothing of the copy.
 */
export function readMarks(text: string): ObservedMarks {
  const tokens = tokensOf(text);
  const seen = new Map<string, ObservedMark | 'conflict'>();
  const note = (key: string, mark: ObservedMark) => {
    const before = seen.get(key);
    if (before === undefined) seen.set(key, mark);
    else if (before !== 'conflict' && before.value !== mark.value) seen.set(key, 'conflict');
  };
  const characters = countMarkCharacters(text);
  tokens.forEach((token, i) => {
    if (characters.punctuation > 0) {
      for (const site of punctuationSites(token)) {
        note(site.key, { channel: 'punctuation', value: site.variant ? 1 : 0 });
      }
    }
    const gap = text.slice(token.end, tokens[i + 1]?.start ?? text.length);
    if (characters.spacing > 0 && /\s/.test(gap)) {
      const key = gapKey(tokens, i, 'spacing');
      if (key !== null) note(key, { channel: 'spacing', value: gap.includes(NBSP) ? 1 : 0 });
    }
    const run = gap.replace(/\s+/g, '');
    if (run === '') return;
    const key = gapKey(tokens, i, 'invisible');
    if (key === null) return;
    const value = invisibleSymbolValue(run);
    if (value === null) seen.set(key, 'conflict');
    else note(key, { channel: 'invisible', value });
  });
  const marks = new Map<string, ObservedMark>();
  const counts: Record<MarkChannel, number> = { invisible: 0, punctuation: 0, spacing: 0 };
  let conflicts = 0;
  for (const [key, mark] of seen) {
    if (mark === 'conflict') conflicts++;
    else {
      marks.set(key, mark);
      counts[mark.channel]++;
    }
  }
  return {
    marks,
    counts,
    conflicts,
    markCharacters: characters.invisible + characters.punctuation + characters.spacing,
  };
}
