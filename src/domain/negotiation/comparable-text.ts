/** The part of a point's text that a counter-proposal can change: its words, in order. */

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * The words of `text` in order, one space apart: two texts with the same key differ at most in
 * whitespace, line breaks, punctuation, quotes or emphasis markers, which is not an amendment.
 * Case is kept: "State" and "state" can differ in a treaty.
 */
export function comparableText(text: string): string {
  return (text.match(WORD) ?? []).join(' ');
}
