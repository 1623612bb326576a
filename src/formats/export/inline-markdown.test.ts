import { describe, expect, it } from 'vitest';
import { plainInline, tokenizeInline } from './inline-markdown.ts';

const r = (text: string, bold = false, italic = false) => ({ text, bold, italic });

describe('tokenizeInline', () => {
  it('splits emphasis and strong into runs', () => {
    expect(tokenizeInline('a *b* **c** d')).toEqual([
      r('a '),
      r('b', false, true),
      r(' '),
      r('c', true),
      r(' d'),
    ]);
  });

  it('nests strong inside emphasis and both at once', () => {
    expect(tokenizeInline('*a **b** c*')).toEqual([
      r('a ', false, true),
      r('b', true, true),
      r(' c', false, true),
    ]);
    expect(tokenizeInline('***x***')).toEqual([r('x', true, true)]);
  });

  it('leaves stray and spaced asterisks literal', () => {
    expect(tokenizeInline('5 * 3 = 15')).toEqual([r('5 * 3 = 15')]);
    expect(tokenizeInline('a *b')).toEqual([r('a *b')]);
    expect(tokenizeInline('**unclosed strong')).toEqual([r('**unclosed strong')]);
  });

  it('honours backslash escapes and joins soft line breaks', () => {
    expect(tokenizeInline('\\*not\\* em\nnext')).toEqual([r('*not* em next')]);
    expect(plainInline('**Обмін** *полоненими*')).toBe('Обмін полоненими');
  });
});
