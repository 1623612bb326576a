import { PLAN_LIMITS } from '../plans/plan.schema.ts';
import type { PlanContent } from '../plans/plan.ts';
import { type MarkOptions, markText, stripMarks } from './fingerprint-text.ts';

/**
 * Marks every text a reader sees in a plan (title, preamble, area titles, point text and sub-items,
 * notes) for one recipient. Ids, numbers, labels, tags and status stay as they are. A text that the
 * invisible marks would push past the plan's length limits keeps only the punctuation channel, so
 * a marked JSON export still imports.
 */
export function markPlan(plan: PlanContent, seed: string, options: MarkOptions = {}): PlanContent {
  const title = (s: string) => markWithin(s, seed, options, PLAN_LIMITS.titleLength);
  const text = (s: string) => markWithin(s, seed, options, PLAN_LIMITS.textLength);
  return mapTexts(plan, title, text);
}

/**
 * The plan with every mark removed: the version's text again (for text that held no mark
 * characters of its own). `options` are the ones the copy was marked with.
 */
export function unmarkPlan(plan: PlanContent, options: MarkOptions = {}): PlanContent {
  const strip = (s: string) => stripMarks(s, { spacing: options.spacing === true });
  return mapTexts(plan, strip, strip);
}

/** Every text of the plan a reader sees, in reading order of the fields (not of the document). */
export function readerTexts(plan: PlanContent): string[] {
  const texts: string[] = [plan.title, plan.preamble, ...plan.areas.map((a) => a.title)];
  for (const point of plan.points) texts.push(point.text, ...point.items.map((item) => item.text));
  texts.push(...plan.notes.map((n) => n.text));
  return texts;
}

function markWithin(text: string, seed: string, options: MarkOptions, max: number): string {
  const marked = markText(text, seed, options);
  return marked.length <= max ? marked : markText(text, seed, { ...options, invisible: false });
}

function mapTexts(plan: PlanContent, title: (s: string) => string, text: (s: string) => string): PlanContent {
  return {
    ...plan,
    title: title(plan.title),
    preamble: text(plan.preamble),
    areas: plan.areas.map((a) => ({ ...a, title: title(a.title) })),
    points: plan.points.map((p) => ({
      ...p,
      text: text(p.text),
      items: p.items.map((item) => ({ ...item, text: text(item.text) })),
    })),
    notes: plan.notes.map((n) => ({ ...n, text: text(n.text) })),
  };
}
