import { describe, expect, it } from 'vitest';
import { sequentialIds } from '../../shared/ids.ts';
import { parsePlanText } from './parse-plan-text.ts';
import { shapeOf } from './test-support/plan-shape.ts';

const parse = (text: string) => {
  const result = parsePlanText(text, { newId: sequentialIds() });
  if (!result.plan) throw new Error(`no plan: ${JSON.stringify(result.problems)}`);
  return shapeOf(result.plan);
};

describe('point numbering styles', () => {
  const styles: [string, string, string, string[]][] = [
    ['1.', '1. First point.\n2. Second point.', '', ['1', '2']],
    ['1)', '1) First point.\n2) Second point.', '', ['1', '2']],
    ['(1)', '(1) First point.\n(2) Second point.', '', ['1', '2']],
    ['1 -', '1 - First point.\n2 - Second point.', '', ['1', '2']],
    ['1 –', '1 – First point.\n2 — Second point.', '', ['1', '2']],
    ['Point 1:', 'Point 1: First point.\nPoint 2: Second point.', '', ['1', '2']],
    ['Point 1.', 'Point 1. First point.\nPoint 2. Second point.', '', ['1', '2']],
    ['POINT 1 –', 'POINT 1 – First point.\nPOINT 2 – Second point.', '', ['1', '2']],
    ['Article 1', 'Article 1 First point.\nArticle 2 Second point.', '', ['1', '2']],
    ['Article 1.', 'Article 1. First point.\nArticle 2. Second point.', '', ['1', '2']],
    ['Article 1:', 'Article 1: First point.\n\nArticle 2: Second point.', '', ['1', '2']],
    ['Art. 1', 'Art. 1 First point.\nArt. 2 Second point.', '', ['1', '2']],
    ['§ 1', '§ 1 First point.\n§ 2 Second point.', '', ['1', '2']],
    ['§1.', '§1. First point.\n§2. Second point.', '', ['1', '2']],
    ['1.<tab>', '1.\tFirst point.\n2.\tSecond point.', '', ['1', '2']],
    ['7bis', '7. First point.\n7bis. Second point.', '', ['7', '7bis']],
    ['12a)', '12) First point.\n12a) Second point.', '', ['12', '12a']],
    ['Article IV', 'Article IV – First point.\nArticle V – Second point.', '', ['IV', 'V']],
    ['I. (roman points)', 'I. First point.\nII. Second point.', '', ['I', 'II']],
  ];
  it.each(styles)('reads %s', (_name, text, _unused, numbers) => {
    const plan = parse(text);
    expect(plan.points.map((p) => p.number)).toEqual(numbers);
    expect(plan.points.map((p) => p.text)).toEqual(['First point.', 'Second point.']);
  });

  it('takes the text of "Article 1" from the paragraphs under it', () => {
    const plan = parse('Treaty\n\nArticle 1\n\nThe parties end the war.\n\nArticle 2\nThey keep the peace.');
    expect(plan.points.map((p) => [p.number, p.text])).toEqual([
      ['1', 'The parties end the war.'],
      ['2', 'They keep the peace.'],
    ]);
  });

  it('does not read prose that starts with a keyword as a point', () => {
    const plan = parse(
      '1. The parties recall that\nArticle 5 of the Charter applies, and\n§ 3 of the accord too.',
    );
    expect(plan.points).toHaveLength(1);
    expect(plan.points[0]?.text).toBe(
      'The parties recall that Article 5 of the Charter applies, and § 3 of the accord too.',
    );
  });

  it('treats a wrapped year as text, not as point 2025', () => {
    const plan = parse(
      '1. Elections shall be held before the end of\n2025. They shall be observed.\n2. Next.',
    );
    expect(plan.points.map((p) => p.number)).toEqual(['1', '2']);
    expect(plan.points[0]?.text).toBe(
      'Elections shall be held before the end of 2025. They shall be observed.',
    );
  });
});

describe('sub-item styles', () => {
  const styles: [string, string, (string | null)[]][] = [
    ['a.', 'a. one\nb. two', ['a', 'b']],
    ['a)', 'a) one\nb) two', ['a', 'b']],
    ['(b)', '(a) one\n(b) two', ['a', 'b']],
    ['i.', 'i. one\nii. two', ['i', 'ii']],
    ['ii)', 'i) one\nii) two', ['i', 'ii']],
    ['(iv)', '(iii) one\n(iv) two', ['iii', 'iv']],
    ['A.', 'A. one\nB. two', ['A', 'B']],
    ['•', '• one\n• two', [null, null]],
    ['-', '- one\n- two', [null, null]],
    ['–', '– one\n– two', [null, null]],
    ['—', '— one\n— two', [null, null]],
    ['*', '* one\n* two', [null, null]],
    ['→', '→ one\n→ two', [null, null]],
    ['->', '-> one\n-> two', [null, null]],
    ['▪', '▪ one\n▪ two', [null, null]],
    ['o', 'o one\no two', [null, null]],
    ['indented', '   a) one\n      b) two', ['a', 'b']],
  ];
  it.each(styles)('reads %s', (_name, items, labels) => {
    const plan = parse(`1. The parties agree:\n${items}\n2. Next point.`);
    expect(plan.points[0]?.text).toBe('The parties agree:');
    expect(plan.points[0]?.items).toEqual(
      labels.map((l, i) => `${l === null ? '•' : `${l}:`} ${['one', 'two'][i]}`),
    );
    expect(plan.points[1]?.text).toBe('Next point.');
  });

  it('continues lettering past h: "i." after "h." is the letter i', () => {
    const letters = 'abcdefghijk'.split('');
    const plan = parse(`1. Steps:\n${letters.map((l) => `${l}. step ${l}`).join('\n')}`);
    expect(plan.points[0]?.items).toEqual(letters.map((l) => `${l}: step ${l}`));
  });

  it('continues capital lettering past H instead of opening a heading at "I."', () => {
    const letters = 'ABCDEFGHIJ'.split('');
    const plan = parse(`1. Steps:\n\n${letters.map((l) => `${l}. step ${l}`).join('\n\n')}\n\n2. Next.`);
    expect(plan.areas).toEqual([]);
    expect(plan.points[0]?.items).toHaveLength(10);
    expect(plan.points[1]?.number).toBe('2');
  });

  it('joins wrapped lines onto their item', () => {
    const plan = parse(
      '1. The parties shall:\n   (a) withdraw their forces\n       to 15 km;\n   (b) exchange\n       prisoners.',
    );
    expect(plan.points[0]?.items).toEqual(['a: withdraw their forces to 15 km;', 'b: exchange prisoners.']);
  });

  it('keeps sub-item lines before the first point as preamble text', () => {
    const plan = parse('Title\n\na) recalling the accord;\nb) noting the talks.\n\n1. Point.');
    expect(plan.preamble).toBe('a) recalling the accord; b) noting the talks.');
  });
});
