import type { IdGenerator } from '../../shared/ids.ts';
import type { Area, PlanContent, PlanItem, PlanNote, Point } from '../plan.ts';
import type { Block } from './group-blocks.ts';
import { isHeadingLine, isHeadingParagraph, titleOf } from './heading-rules.ts';
import { isNoteParagraph } from './note-detection.ts';
import type { NumberedLine } from './numbering-check.ts';
import { isNextLetter, isRoman, romanValue } from './numerals.ts';

interface PointDraft {
  id: string;
  number: string;
  areaId: string | null;
  paragraphs: string[];
  items: PlanItem[];
}

/** Where a wrapped line with no blank line before it is joined on. */
type Target = 'preamble' | 'point' | 'item' | 'note' | null;

/** The plan the blocks describe, and where each point stood, for the numbering check. */
export interface BuiltPlan {
  plan: PlanContent;
  numbered: NumberedLine[];
}

/** Assembles blocks into a plan: title, preamble, areas from headings, points with items, notes kept in place. */
export function buildPlan(blocks: readonly Block[], newId: IdGenerator): BuiltPlan {
  const title = titleOf(blocks[0]);
  const preamble: string[] = title?.rest ? [title.rest] : [];
  const areas: Area[] = [];
  const drafts: PointDraft[] = [];
  const notes: PlanNote[] = [];
  const numbered: NumberedLine[] = [];
  // Roman numerals are area headings in an arabic-numbered plan, and the point numbers otherwise.
  const arabic = blocks.some((b) => b.kind === 'point' && /^\d/.test(b.number));
  let areaId: string | null = null;
  let newArea = false;
  let current: PointDraft | null = null;
  let target: Target = title?.rest ? 'preamble' : null;
  let started = false;
  let lastRoman = 0;

  for (let i = title ? 1 : 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const next = blocks[i + 1];
    switch (block.kind) {
      case 'md-heading':
      case 'section':
        openArea(block.text);
        break;
      case 'point':
        openPoint(block.number, block.text, block.line);
        break;
      case 'label':
        onLabel(block, next);
        break;
      case 'bullet':
        if (current) addItem(null, block.text);
        else addParagraph(block.raw, block.blankBefore);
        break;
      case 'quote':
        addNote(block.paragraphs.filter((p) => p !== '').join('\n\n'));
        break;
      case 'note':
        addNote(block.text);
        break;
      case 'paragraph':
        if (isNoteParagraph(block.text)) addNote(block.text);
        else if (isHeadingParagraph(block, next)) openArea(block.text);
        else addParagraph(block.text, block.blankBefore);
        break;
    }
  }

  const points: Point[] = drafts.map((d) => ({
    id: d.id,
    number: d.number,
    areaId: d.areaId,
    text: d.paragraphs.filter((p) => p !== '').join('\n\n'),
    items: d.items,
    tags: [],
    status: 'open',
    derivedFrom: [],
    changedAt: 0,
  }));
  const plan = { title: title?.title ?? '', preamble: preamble.join('\n\n'), areas, points, notes };
  return { plan, numbered };

  /** "I." after "H." continues the lettering; otherwise a capital roman numeral heads an area or numbers a point. */
  function onLabel(block: Block & { kind: 'label' }, next: Block | undefined): void {
    const { label, text } = block;
    const upper = label !== label.toLowerCase();
    const headingTitle = text === '' ? label : text;
    if (current && isNextLetter(current.items.at(-1)?.label ?? null, label)) addItem(label, text);
    else if (upper && isRoman(label) && arabic) openArea(headingTitle);
    else if (upper && isRoman(label) && plausibleRoman(romanValue(label) ?? 0)) {
      lastRoman = romanValue(label) ?? 0;
      openPoint(label, text, block.line);
    } else if (upper && isHeadingLine(block, next)) openArea(headingTitle);
    else if (current) addItem(label, text);
    else addParagraph(block.raw, block.blankBefore);
  }

  /** A far-off value ("C." after point III) is more likely a lettered item than point 100. */
  function plausibleRoman(value: number): boolean {
    return !current || value === 1 || (value > lastRoman && value <= lastRoman + 3);
  }

  function openArea(areaTitle: string): void {
    const area = { id: newId('ar'), title: areaTitle };
    areas.push(area);
    areaId = area.id;
    newArea = true;
    current = null;
    target = null;
    started = true;
  }

  function openPoint(number: string, text: string, line: number): void {
    current = { id: newId('pt'), number, areaId, paragraphs: [text], items: [] };
    drafts.push(current);
    numbered.push({ number, line, newArea });
    newArea = false;
    target = 'point';
    started = true;
  }

  function addItem(label: string | null, text: string): void {
    current?.items.push({ label, text });
    target = 'item';
  }

  function addNote(text: string): void {
    notes.push({ id: newId('nt'), afterPointId: drafts.at(-1)?.id ?? null, text });
    target = 'note';
  }

  /** Text with no blank line before it wraps on from what came just before; after a blank line it is a new paragraph. */
  function addParagraph(text: string, blankBefore: boolean): void {
    if (!blankBefore && target !== null) joinOnto(target, text);
    else if (current) {
      current.paragraphs.push(text);
      target = 'point';
    } else if (!started) {
      preamble.push(text);
      target = 'preamble';
    } else {
      // Text under a heading before its first point: kept as a note so that nothing is lost.
      addNote(text);
    }
  }

  function joinOnto(to: Exclude<Target, null>, text: string): void {
    const joined = (s: string | undefined) => (s ? `${s} ${text}` : text);
    if (to === 'preamble') preamble[preamble.length - 1] = joined(preamble.at(-1));
    else if (to === 'note') {
      const note = notes.at(-1);
      if (note) note.text = joined(note.text);
    } else if (to === 'item') {
      const item = current?.items.at(-1);
      if (item) item.text = joined(item.text);
    } else if (current) {
      const last = current.paragraphs.length - 1;
      current.paragraphs[last] = joined(current.paragraphs[last]);
    }
  }
}
