import type { Block } from './group-blocks.ts';

const SENTENCE_END = /[.,;:!?]$/;
const TITLE_END = /[.,;:]$/;
const STARTS_UPPER = /^[\p{Lu}\d"“‘'([*]/u;
/** Beyond this a line reads as a sentence, not a heading. */
const HEADING_MAX = 80;
const TITLE_MAX = 150;
/** A wrapped sentence breaks after words like these; a title does not end on them. */
const DANGLING = /\b(?:of|the|and|or|to|in|for|on|with|by|a|an|from|that|at)$/;

/**
 * True when a paragraph stands as a heading: an ALL-CAPS line, or a short unpunctuated line with a
 * blank line before it and a point right after it. Indented lines belong to the point above them.
 */
export function isHeadingParagraph(block: Block & { kind: 'paragraph' }, next: Block | undefined): boolean {
  if (block.indent >= 2 || block.lines.length !== 1 || block.text.length > HEADING_MAX) return false;
  if (block.caps) return block.blankBefore || next?.kind === 'point';
  return block.blankBefore && next?.kind === 'point' && !SENTENCE_END.test(block.text);
}

/** True when a labelled line ("A. Security") stands as a heading by the same rule as a plain one. */
export function isHeadingLine(block: Block, next: Block | undefined): boolean {
  return (
    block.indent < 2 &&
    block.blankBefore &&
    next?.kind === 'point' &&
    block.raw.length <= HEADING_MAX &&
    !SENTENCE_END.test(block.raw)
  );
}

/**
 * The title in the first block, if it has one, and what of the block is left for the preamble.
 * A single short line is a title; so is the short first line of a paragraph that wraps on to a new sentence.
 */
export function titleOf(first: Block | undefined): { title: string; rest: string } | null {
  if (!first) return null;
  if (first.kind === 'md-heading') return first.level === 1 ? { title: first.text, rest: '' } : null;
  if (first.kind !== 'paragraph') return null;
  const [head = '', second, ...more] = first.lines;
  if (second === undefined) {
    return head.length <= TITLE_MAX && !head.endsWith(':') ? { title: head, rest: '' } : null;
  }
  if (head.length > HEADING_MAX || TITLE_END.test(head) || head.includes(',') || DANGLING.test(head))
    return null;
  if (!first.caps && !STARTS_UPPER.test(second)) return null;
  return { title: head, rest: [second, ...more].join(' ') };
}
