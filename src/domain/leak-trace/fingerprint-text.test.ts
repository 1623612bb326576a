import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenizeInline } from '../../formats/export/inline-markdown.ts';
import { markText, slotValue, stripMarks } from './fingerprint-text.ts';
import { HYPHEN, MODIFIER_APOSTROPHE, NBSP, stripInvisibleMarks, WORD_JOINER, ZWSP } from './marks.ts';

const PROSE =
  'From the moment the cessation of hostilities takes effect, the parties shall refrain from all ' +
  'offensive operations, including so-called “preventive” strikes; Veloria’s and Karst’s forces ' +
  'stay 15 km behind the line of contact within 72 hours of signature.';

const WORDS = [
  'ceasefire',
  'so-called',
  'Veloria’s',
  '**strong**',
  '*soft*',
  '—',
  '72-hour',
  'l’accord',
  '1.',
  'x',
];
const SPACES = [' ', '  ', '\n', '\n\n', '\t', ' \n   '];
/** Plan-like text: words, Markdown emphasis, hyphens and apostrophes, any whitespace between. */
const planText = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SPACES)), { maxLength: 60 })
  .map((parts) => parts.map(([w, s]) => w + s).join(''));
const MARK_CHARACTERS = /[\u200b\u2060\u2010\u02bc]/;

describe('markText', () => {
  it('reads the same once the marks are removed', () => {
    fc.assert(
      fc.property(fc.oneof(planText, fc.string({ unit: 'binary' })), fc.string(), (text, seed) => {
        fc.pre(!MARK_CHARACTERS.test(text));
        expect(stripMarks(markText(text, seed))).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('adds nothing but marks, even to text that already held mark characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string(), (text, seed) => {
        expect(stripMarks(markText(text, seed))).toBe(stripMarks(text));
      }),
      { numRuns: 300 },
    );
  });

  it('changes no whitespace and adds only zero-width characters', () => {
    fc.assert(
      fc.property(planText, fc.string(), (text, seed) => {
        const marked = markText(text, seed);
        expect(marked.match(/\s+/g) ?? []).toEqual(text.match(/\s+/g) ?? []);
        expect(stripInvisibleMarks(marked).length).toBe(text.length);
      }),
    );
  });

  it('is deterministic per text and seed, and differs between seeds', () => {
    expect(markText(PROSE, 'a')).toBe(markText(PROSE, 'a'));
    expect(markText(PROSE, 'a')).not.toBe(markText(PROSE, 'b'));
    expect(markText(PROSE, 'a')).not.toBe(PROSE);
  });

  it('puts zero-width marks after words, before the whitespace, never inside a word', () => {
    const marked = markText(PROSE, 'seed');
    expect(marked).toMatch(/[\u200b\u2060]/);
    for (const m of marked.matchAll(/[\u200b\u2060]+/g)) {
      expect(marked[m.index - 1]).toMatch(/\S/);
      expect(marked[m.index + m[0].length]).toMatch(/\s/);
    }
  });

  it('never puts a mark next to a Markdown delimiter, so emphasis still opens and closes', () => {
    fc.assert(
      fc.property(planText, fc.string(), (text, seed) => {
        const marked = markText(text, seed);
        expect(marked).not.toMatch(/[*_`][\u200b\u2060]/);
        const styles = (s: string) =>
          tokenizeInline(s).map((r) => ({ text: stripMarks(r.text), bold: r.bold, italic: r.italic }));
        expect(styles(marked)).toEqual(styles(text));
      }),
    );
  });

  it('swaps hyphens and apostrophes only inside words, for look-alikes', () => {
    const text = 'a so-called well-known - list item, Veloria’s ‘quoted’ and 5-3';
    const variants = new Set<string>();
    for (let i = 0; i < 40; i++) {
      const marked = stripInvisibleMarks(markText(text, `seed ${i}`));
      for (const c of marked) if (c === HYPHEN || c === MODIFIER_APOSTROPHE) variants.add(c);
      expect(marked).toMatch(/ - list/);
      expect(marked).toMatch(/‘quoted’/);
    }
    expect(variants).toEqual(new Set([HYPHEN, MODIFIER_APOSTROPHE]));
  });

  it('leaves a channel alone when the text already uses its characters', () => {
    const text = `already${ZWSP} marked so-called text with words enough to carry marks`;
    expect(stripInvisibleMarks(markText(text, 's'))).toBe(stripInvisibleMarks(text));
    expect(markText(text, 's').match(/[\u200b\u2060]/g)).toHaveLength(1);
    const typeset = `a typeset well${HYPHEN}known and so-called text`;
    expect(markText(typeset, 's', { invisible: false })).toBe(typeset);
  });

  it('can leave the invisible channel out', () => {
    const marked = markText(PROSE, 'seed', { invisible: false });
    expect(marked).not.toMatch(/[\u200b\u2060]/);
    expect(marked.length).toBe(PROSE.length);
  });

  it('can mark with no-break spaces instead, for PDF, changing only single spaces', () => {
    fc.assert(
      fc.property(planText, fc.string(), (text, seed) => {
        fc.pre(!MARK_CHARACTERS.test(text) && !text.includes(NBSP));
        const marked = markText(text, seed, { invisible: false, spacing: true });
        expect(marked).not.toMatch(/[\u200b\u2060]/);
        expect(marked.length).toBe(text.length);
        expect(stripMarks(marked, { spacing: true })).toBe(text);
        // Line ends and indentation, which carry a plan's structure, stay as they were.
        expect(marked.replace(/[^\n\t]/g, '')).toBe(text.replace(/[^\n\t]/g, ''));
        expect(marked).not.toMatch(/\u00a0[ \n]|[ \n]\u00a0/);
      }),
    );
    expect(markText(PROSE, 'seed', { invisible: false, spacing: true })).toContain(NBSP);
  });

  it('draws each slot value from the seed', () => {
    const values = new Set<number>();
    for (let i = 0; i < 64; i++) values.add(slotValue(`seed ${i}`, 'invisible', 'g|line of'));
    expect(values).toEqual(new Set([0, 1, 2, 3]));
    expect(slotValue('s', 'punctuation', 'h|socalled|0')).toBeLessThan(2);
  });

  it('writes marks that JavaScript whitespace clean-up keeps', () => {
    expect(' \u00a0\t'.replace(/\s/g, '')).toBe('');
    expect(`${ZWSP}${WORD_JOINER}`.replace(/\s/g, '')).toBe(`${ZWSP}${WORD_JOINER}`);
    expect(`x${ZWSP}${WORD_JOINER}`.trim()).toBe(`x${ZWSP}${WORD_JOINER}`);
  });
});
