import type { PlanItem } from '../../domain/plans/plan.ts';

/** Ends in punctuation a reader would take as the number's own ("7.", "3)", "§"). */
const CLOSED = /[.):\]§]$/u;
/** A label made of symbols only ("→", "•", "–"): adding a dot to it would look like a typo. */
const SYMBOLIC = /^[^\p{L}\p{N}]+$/u;

/** The number as printed before a point: "7" → "7.", "7bis" → "7bis.", "3)" stays "3)". */
export function displayNumber(number: string): string {
  const n = number.trim();
  if (n === '' || CLOSED.test(n)) return n;
  return `${n}.`;
}

/** The marker printed before a sub-item; `close` is the punctuation added to a bare letter ("a" → "a)"). */
export function itemMarker(item: PlanItem, close: '.' | ')', bullet: string): string {
  const label = item.label?.trim();
  if (!label) return bullet;
  if (CLOSED.test(label) || SYMBOLIC.test(label)) return label;
  return `${label}${close}`;
}
