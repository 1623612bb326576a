import { readFileSync } from 'node:fs';
import { parsePlanText } from '../plans/import/parse-plan-text.ts';
import type { PlanContent } from '../plans/plan.ts';
import { sequentialIds } from '../shared/ids.ts';
import { markPlan } from './fingerprint-plan.ts';
import type { TraceCandidate } from './trace-text.ts';

/** The fictional 28-point framework of the importer's tests: long prose, hardly a hyphen in it. */
export function twentyEightPoints(): PlanContent {
  const text = readFileSync(
    new URL('../plans/import/fixtures/twenty-eight-points.txt', import.meta.url),
    'utf8',
  );
  return planFrom(text);
}

/** A short plan dense in hyphenated words and curly apostrophes, for the punctuation channel. */
export function hyphenatedPlan(): PlanContent {
  return planFrom(`# Follow-up arrangements for the Orlen valley

The so-called contact group’s long-term role is set out below.

1. A cease-fire and a ten-day cooling-off period shall begin at once; Veloria’s and Karst’s forces shall stay in place.
2. De-mining of the cross-border roads shall be carried out by a third-party mine-action team.
3. A non-aggression pledge and a follow-up review shall be signed by each party’s head of state.
4. Self-defence units shall hand over heavy-calibre weapons; the commission’s check-up visits are twice-weekly.
5. Long-range and medium-range systems shall be moved to so-called rear-area depots under round-the-clock watch.
6. The parties’ co-chairs shall meet month-by-month; a wind-down plan shall follow the stand-down of forces.
`);
}

function planFrom(text: string): PlanContent {
  const parsed = parsePlanText(text, { newId: sequentialIds() });
  if (!parsed.plan) throw new Error('fixture plan did not parse');
  return parsed.plan;
}

/** Three recipients' copies of one plan, with their seeds. */
export function threeRecipients(content: PlanContent): {
  candidates: TraceCandidate[];
  copies: PlanContent[];
} {
  const candidates = ['envoy-to-veloria', 'envoy-to-karst', 'envoy-to-bcc'].map((id, i) => ({
    id,
    seed: `seed-${i}-${id}`,
    content,
  }));
  return { candidates, copies: candidates.map((c) => markPlan(content, c.seed)) };
}

/** Collapses whitespace as a web form, a chat client or a careless paste would. */
export function normaliseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Re-wraps text greedily at `width` columns, as an e-mail client would: at spaces, never at no-break spaces. */
export function rewrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/[ \t\r\n]+/).filter(Boolean)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines.join('\n');
}
