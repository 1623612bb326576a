/** Reading the numerals that plans are numbered with: arabic with suffixes ("7bis"), roman, letters. */

const ROMAN = /^(?=[ivxlcdm])m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$/i;
const SMALL_ROMAN = /^(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})$/i;
const ROMAN_DIGITS: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };
const LEADING_DIGITS = /^\d+/;

/** True for a well-formed roman numeral ("iv", "XII"); "iiii" and "vx" are not. */
export function isRoman(label: string): boolean {
  return label.length <= 12 && ROMAN.test(label);
}

/** True for a roman numeral from i to xxxix, the range sub-items and sections actually use. */
export function isSmallRoman(label: string): boolean {
  return label.length <= 8 && SMALL_ROMAN.test(label);
}

/** The value of a well-formed roman numeral, or null. */
export function romanValue(label: string): number | null {
  if (!isRoman(label)) return null;
  let total = 0;
  const s = label.toLowerCase();
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN_DIGITS[s[i]!] ?? 0;
    const next = ROMAN_DIGITS[s[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

/** The numeric value a point number sorts by: "7bis" → 7, "XII" → 12; null when it has none. */
export function numberValue(number: string): number | null {
  const digits = LEADING_DIGITS.exec(number);
  if (digits) return Number.parseInt(digits[0], 10);
  return romanValue(number);
}

/** True when the number carries a suffix after its digits ("7bis", "12a"): an insertion, not a step. */
export function hasSuffix(number: string): boolean {
  const digits = LEADING_DIGITS.exec(number);
  return digits !== null && digits[0].length < number.length;
}

/** True when `label` is the letter after `previous` ("h" → "i"), in the same case. */
export function isNextLetter(previous: string | null, label: string): boolean {
  if (previous === null || previous.length !== 1 || label.length !== 1) return false;
  return label.charCodeAt(0) === previous.charCodeAt(0) + 1 && /[a-z]/i.test(previous);
}
