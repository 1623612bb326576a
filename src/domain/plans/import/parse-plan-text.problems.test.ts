import { describe, expect, it } from 'vitest';
import { checkNumbering } from './numbering-check.ts';
import { parsePlanText } from './parse-plan-text.ts';

const problemsOf = (text: string) => parsePlanText(text).problems.map((p) => [p.line, p.message, p.severity]);

describe('numbering gaps and repeats', () => {
  const cases: [string, string, [number, string][]][] = [
    ['a clean run', '1. a.\n2. b.\n3. c.', []],
    [
      'one missing',
      '1. a.\n2. b.\n\n5. c.\n6. d.\n\n8. e.',
      [
        [4, 'numbering jumps from 2 to 5 (3 and 4 are missing)'],
        [7, 'numbering jumps from 6 to 8 (7 is missing)'],
      ],
    ],
    ['several missing', '1. a.\n6. b.', [[2, 'numbering jumps from 1 to 6 (2–5 are missing)']]],
    [
      'a repeat',
      'Plan\n\n1. a.\n2. b.\n3. c.\n4. d.\n\n4. e.\n5. f.',
      [[8, 'point 4 appears again (first at line 6)']],
    ],
    ['a step back', '1. a.\n2. b.\n3. c.\n2bis. d.\n\n1a. e.', []],
    [
      'going back',
      '1. a.\n5. b.\n3. c.',
      [
        [2, 'numbering jumps from 1 to 5 (2–4 are missing)'],
        [3, 'numbering goes back from 5 to 3'],
      ],
    ],
    ['a restart under a new heading', '## A\n\n1. a.\n2. b.\n\n## B\n\n1. c.\n2. d.', []],
    ['numbering running on across headings', '## A\n\n1. a.\n2. b.\n\n## B\n\n3. c.', []],
    [
      'a gap across a heading',
      '## A\n\n1. a.\n2. b.\n\n## B\n\n4. c.',
      [[8, 'numbering jumps from 2 to 4 (3 is missing)']],
    ],
    ['a restart without a heading', '1. a.\n2. b.\n1. c.', [[3, 'point 1 appears again (first at line 1)']]],
    ['roman points', 'Article I. a.\nArticle III. b.', [[2, 'numbering jumps from 1 to 3 (2 is missing)']]],
  ];
  it.each(cases)('reports %s', (_name, text, expected) => {
    const result = parsePlanText(text);
    expect(result.ok).toBe(true);
    expect(result.problems.map((p) => [p.line, p.message])).toEqual(expected);
    expect(result.problems.every((p) => p.severity === 'warning')).toBe(true);
  });

  it('counts lines of the original text, whatever the line ends', () => {
    expect(problemsOf('1. a.\r\n\r\n\r\n3. b.')).toEqual([
      [4, 'numbering jumps from 1 to 3 (2 is missing)', 'warning'],
    ]);
  });

  it('skips numbers it cannot read as values', () => {
    expect(
      checkNumbering([
        { number: '1', line: 1, newArea: false },
        { number: '?', line: 2, newArea: false },
      ]),
    ).toEqual([]);
  });
});

describe('input that holds no plan', () => {
  it.each([
    ['empty', ''],
    ['whitespace only', ' \n\t\r\n\u00a0\u200b\n'],
  ])('rejects %s text with a clear message', (_name, text) => {
    const result = parsePlanText(text);
    expect(result.ok).toBe(false);
    expect(result.plan).toBeNull();
    expect(result.problems).toEqual([
      { line: 1, severity: 'error', message: expect.stringMatching(/^the text is empty/) },
    ]);
  });

  it('rejects text without numbered points, saying how to number them, at the last line', () => {
    const result = parsePlanText('A plan\n\nwith prose only.\n');
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      { line: 4, severity: 'error', message: expect.stringMatching(/^no numbered points found: .*"1\."/) },
    ]);
  });

  it.each([
    ['NUL bytes', 'PK\u0003\u0004\u0000\u0000\u0014\u0000 1. point'],
    ['mostly control characters', '\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000e\u000f1. point'],
    ['replacement characters', '\ufffd\ufffd\ufffd\ufffd1. x'],
  ])('rejects binary garbage (%s)', (_name, text) => {
    const result = parsePlanText(text);
    expect(result.ok).toBe(false);
    expect(result.problems[0]?.message).toMatch(/^this does not look like text/);
  });
});

describe('large input', () => {
  it('reads 10,000 points and a 2 MB line in linear time', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => `${i + 1}. Point ${i + 1} text.\n   a) item`).join(
      '\n\n',
    );
    const started = performance.now();
    expect(parsePlanText(many).plan?.points).toHaveLength(10_000);
    const long = `1. ${'word '.repeat(400_000)}\n${' '.repeat(100_000)}#${'#'.repeat(100_000)} \n(${'('.repeat(100_000)}`;
    expect(parsePlanText(long).ok).toBe(true);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('a plain heading right above an out-of-sequence point', () => {
  it('starts a new area and keeps the point, reporting only the real gap', () => {
    const result = parsePlanText('1. A.\n2. B.\n3. C.\n\nHumanitarian\n5. D.\n');
    const plan = result.plan!;
    expect(plan.points.map((p) => p.number)).toEqual(['1', '2', '3', '5']);
    expect(plan.areas.map((a) => a.title)).toEqual(['Humanitarian']);
    expect(plan.points[2]?.text).toBe('C.');
    expect(result.problems.map((p) => p.message).join(' ')).toMatch(/from 3 to 5/);
  });
});
