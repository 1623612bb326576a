import { describe, expect, it } from 'vitest';
import { markText } from './fingerprint-text.ts';
import { HYPHEN, WORD_JOINER, ZWSP } from './marks.ts';
import { readMarks } from './read-marks.ts';
import { normaliseWhitespace, rewrap } from './test-support.ts';

const TEXT =
  'A Joint Ceasefire Commission shall be formed of an equal number of officers from each party and ' +
  'chaired by a representative of the Special Envoy. The so-called Commission shall meet at least ' +
  'weekly, receive reports of violations and agree on measures to prevent their repetition.';

describe('readMarks', () => {
  const marked = markText(TEXT, 'seed');
  const direct = readMarks(marked);

  it('reads the marks a text was given', () => {
    expect(direct.counts.invisible).toBeGreaterThan(10);
    expect(direct.conflicts).toBe(0);
    expect(direct.markCharacters).toBeGreaterThan(10);
  });

  it('reads the same marks after whitespace is collapsed or the text is re-wrapped', () => {
    expect(readMarks(normaliseWhitespace(marked)).marks).toEqual(direct.marks);
    expect(readMarks(rewrap(marked, 60)).marks).toEqual(direct.marks);
    expect(readMarks(rewrap(marked, 20).replace(/\n/g, '\r\n')).marks).toEqual(direct.marks);
  });

  it('reads the same slots from Markdown emphasis and from its plain rendering', () => {
    const markdown = markText(
      'the **parties** shall *withdraw* forces from the line of contact at once',
      's',
    );
    const plain = markdown.replace(/\*/g, '');
    const fromPlain = readMarks(plain).marks;
    for (const [key, mark] of readMarks(markdown).marks) expect(fromPlain.get(key)).toEqual(mark);
  });

  it('reads nothing from unmarked text', () => {
    const read = readMarks(TEXT);
    expect(read.marks.size).toBe(0);
    expect(read.markCharacters).toBe(0);
  });

  it('ignores plain hyphens when no marked form is left: the text may have been normalised', () => {
    expect(readMarks('the so-called well-known long-term plan').counts.punctuation).toBe(0);
    expect(readMarks(`the so${HYPHEN}called well-known long-term plan`).marks).toEqual(
      new Map([
        ['h|socalled|0', { channel: 'punctuation', value: 1 }],
        ['h|wellknown|0', { channel: 'punctuation', value: 0 }],
        ['h|longterm|0', { channel: 'punctuation', value: 0 }],
      ]),
    );
  });

  it('drops a slot that a text shows with two values, and runs that are no symbol', () => {
    const read = readMarks(
      `line${ZWSP} of contact, line${WORD_JOINER} of contact, lines${ZWSP}${ZWSP} of it`,
    );
    expect(read.marks.size).toBe(0);
    expect(read.conflicts).toBe(2);
  });
});
