import type { PlanItem } from '../plans/plan.ts';

/** "a) text", "12) text": a lettered or numbered sub-item as `itemLine` writes it. */
const LABELLED = /^([\p{L}\p{N}]{1,8})\) (.*)$/u;
/** "→ text", "- text": a sub-item whose label is an arrow or dash. */
const SYMBOL = /^([→➔➜➢►▸▶»\-–—*]) (.*)$/u;
const BULLET = /^• (.*)$/u;

function itemOf(line: string): PlanItem | null {
  const bullet = BULLET.exec(line);
  if (bullet) return { label: null, text: bullet[1] ?? '' };
  const labelled = LABELLED.exec(line) ?? SYMBOL.exec(line);
  if (labelled) return { label: labelled[1] ?? '', text: labelled[2] ?? '' };
  return null;
}

/**
 * Splits a whole point's text, as `pointText` (plans/redline/point-text.ts) writes it and as a party
 * edits it, back into the body and its sub-items: the trailing run of lines that read as sub-items
 * ("a) …", "• …", "→ …") becomes the items, the rest the body. The inverse of `pointText` for any
 * point whose body does not itself end in such a line.
 */
export function splitPointText(whole: string): { text: string; items: PlanItem[] } {
  const lines = whole.replace(/\r\n?/g, '\n').split('\n');
  const items: PlanItem[] = [];
  while (lines.length > 0) {
    const item = itemOf(lines[lines.length - 1] ?? '');
    if (item === null) break;
    items.unshift(item);
    lines.pop();
  }
  return { text: lines.join('\n'), items };
}
