import type { ClassifiedLine, LineKind } from './line-classifier.ts';
import { classifyLine } from './line-classifier.ts';
import { numberValue } from './numerals.ts';

interface BlockBase {
  /** 1-based line where the block starts. */
  line: number;
  indent: number;
  /** True when a blank line (or the start of the text) comes before the block. */
  blankBefore: boolean;
  /** The block as written, marker included, hard wraps joined: what is kept when it is not what it seems. */
  raw: string;
}

/** A run of lines that belong together: a starting line and the lines that wrap on from it. */
export type Block = BlockBase &
  (
    | { kind: 'md-heading'; level: number; text: string }
    | { kind: 'section'; text: string }
    | { kind: 'point'; number: string; text: string }
    | { kind: 'label'; label: string; text: string }
    | { kind: 'bullet'; text: string }
    | { kind: 'note'; text: string }
    | { kind: 'quote'; paragraphs: string[] }
    /** `lines` keeps the hard wraps apart, so a title can be told from the preamble below it. */
    | { kind: 'paragraph'; text: string; lines: string[]; caps: boolean }
  );

/** Lines that can end a sentence, so that a following "12." is believable as a new point. */
const ENDS_CLAUSE = /[.:;!?)"”’'\]]$/;

/** Groups the lines of a plan into blocks, joining wrapped lines onto the line they continue. */
export function groupBlocks(lines: readonly string[]): Block[] {
  const blocks: Block[] = [];
  let open: Block | null = null;
  let blank = true;
  let inComment = false;
  let lastNumber = 0;
  let previous = '';
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    if (inComment) {
      if (raw.includes('-->')) inComment = false;
      continue;
    }
    const line = classifyLine(raw, i + 1);
    const cls = line.cls;
    if (cls.kind === 'blank' || cls.kind === 'comment') {
      // An HTML comment (the exporter's trailer) is invisible to readers; it separates like a blank line.
      if (cls.kind === 'comment' && !line.content.includes('-->')) inComment = true;
      open = null;
      blank = true;
      continue;
    }
    const continues = open !== null && !blank && acceptsContinuation(open);
    const wrapped =
      cls.kind === 'point' && cls.loose && continues && !believable(cls.number) && !afterHeading(cls.number);
    if (cls.kind === 'text' || wrapped) {
      if (continues && open) append(open, line.content);
      else open = push(paragraph(line, blank, false));
    } else if (cls.kind === 'quote') {
      if (open?.kind === 'quote' && !blank) addQuoteLine(open, cls.text);
      else
        open = push(withBase(line, blank, { kind: 'quote', paragraphs: cls.text === '' ? [] : [cls.text] }));
    } else if (cls.kind === 'caps') {
      open = push(paragraph(line, blank, true));
    } else {
      if (cls.kind === 'point') lastNumber = numberValue(cls.number) ?? lastNumber;
      open = push(startBlock(line, blank, cls));
    }
    blank = false;
    previous = line.content;
  }
  return blocks;

  function push(block: Block): Block {
    blocks.push(block);
    return block;
  }

  /**
   * "Humanitarian" alone after a blank line, then "5. …": a heading over a point, not a paragraph
   * that wraps onto "5.". Numbers of 1000 and more stay wrapped (they are years).
   */
  function afterHeading(number: string): boolean {
    if (open?.kind !== 'paragraph' || !open.blankBefore || open.lines.length !== 1) return false;
    const n = numberValue(number);
    return (
      n !== null &&
      n < 1000 &&
      previous.length <= 80 &&
      !ENDS_CLAUSE.test(previous) &&
      /^\p{Lu}/u.test(previous)
    );
  }

  /** A bare "2025." after an unfinished line is a wrapped year, not point 2025. */
  function believable(number: string): boolean {
    const n = numberValue(number);
    if (n === lastNumber + 1) return true;
    return n !== null && n < 1000 && ENDS_CLAUSE.test(previous);
  }
}

type Starter = Extract<LineKind, { kind: 'md-heading' | 'section' | 'point' | 'label' | 'bullet' | 'note' }>;
type Body = Block extends infer B ? (B extends Block ? Omit<B, keyof BlockBase> : never) : never;

/** A block from a line that starts one; fields are copied one by one because object spread is slow in V8's hot loops. */
function startBlock(line: ClassifiedLine, blankBefore: boolean, cls: Starter): Block {
  switch (cls.kind) {
    case 'md-heading':
      return withBase(line, blankBefore, { kind: cls.kind, level: cls.level, text: cls.text });
    case 'point':
      return withBase(line, blankBefore, { kind: cls.kind, number: cls.number, text: cls.text });
    case 'label':
      return withBase(line, blankBefore, { kind: cls.kind, label: cls.label, text: cls.text });
    default:
      return withBase(line, blankBefore, { kind: cls.kind, text: cls.text });
  }
}

function withBase(line: ClassifiedLine, blankBefore: boolean, body: Body): Block {
  const block = body as Block;
  block.line = line.line;
  block.indent = line.indent;
  block.blankBefore = blankBefore;
  block.raw = line.content;
  return block;
}

function paragraph(line: ClassifiedLine, blankBefore: boolean, caps: boolean): Block {
  return withBase(line, blankBefore, { kind: 'paragraph', text: line.content, lines: [line.content], caps });
}

function acceptsContinuation(block: Block): boolean {
  if (block.kind === 'paragraph') return !block.caps;
  return block.kind !== 'md-heading' && block.kind !== 'section';
}

function append(block: Block, content: string): void {
  block.raw = `${block.raw} ${content}`;
  if (block.kind === 'quote') addQuoteLine(block, content);
  else if (block.kind === 'paragraph') {
    block.lines.push(content);
    block.text = `${block.text} ${content}`;
  } else if (block.kind !== 'md-heading' && block.kind !== 'section') {
    block.text = block.text === '' ? content : `${block.text} ${content}`;
  }
}

/** An empty `>` line separates paragraphs of the note; other lines wrap onto the current one. */
function addQuoteLine(block: Block & { kind: 'quote' }, text: string): void {
  const paragraphs = block.paragraphs;
  if (text === '') {
    if (paragraphs.at(-1) !== '') paragraphs.push('');
    return;
  }
  const last = paragraphs.length - 1;
  if (last < 0) paragraphs.push(text);
  else if (paragraphs[last] === '') paragraphs[last] = text;
  else paragraphs[last] = `${paragraphs[last]} ${text}`;
}
