import { resolveLocalTime } from '../meetings/meeting-time.ts';
import type { DeadlineSpec, DeadlineUnit } from './monitoring-model.ts';

/**
 * Reads a deadline out of treaty wording, for a first draft the mediator edits: "within 72 hours",
 * "within thirty (30) days of entry into force", "no later than 15 March 2027", "within two
 * weeks", "within one year". A clock that starts with the agreement (entry into force, signature,
 * acceptance) counts from entry into force; one that starts with something else ("30 days after
 * phase one is verified") cannot be linked to a commitment from the text alone, so it is returned
 * as a sequencing note and the deadline left to the mediator.
 */

export interface DeadlineGuess {
  deadline: DeadlineSpec;
  /** Where the wording was found, [start, end) in the text, so other readers can skip it. */
  span: [number, number];
  /** A note for the description: how the guess was made, or the sequencing it could not set. */
  note: string | null;
  /** The phrase of a deadline counted from something other than the agreement. */
  sequencing: string | null;
}

const SMALL =
  'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty'.split(
    ' ',
  );
const TENS = 'twenty thirty forty fifty sixty seventy eighty ninety'.split(' ');
const MONTHS = 'january february march april may june july august september october november december'.split(
  ' ',
);

/** The value of a number written in digits ("1,968") or words ("seventy-two", "a"), or null. */
export function numberValue(word: string): number | null {
  const w = word.toLowerCase().replace(/\s+/g, '-');
  if (/^\d{1,3}(,\d{3})+$|^\d+$/.test(w)) return Number(w.replaceAll(',', ''));
  if (w === 'a' || w === 'an') return 1;
  const small = SMALL.indexOf(w);
  if (small >= 0) return small + 1;
  const [tens, unit] = w.split('-');
  const t = TENS.indexOf(tens ?? '');
  if (t < 0) return null;
  if (unit === undefined) return (t + 2) * 10;
  const u = SMALL.indexOf(unit);
  return u >= 0 && u < 9 ? (t + 2) * 10 + u + 1 : null;
}

const NUMBER = `(\\d{1,3}(?:,\\d{3})+|\\d+|(?:${TENS.join('|')})(?:-(?:${SMALL.slice(0, 9).join('|')}))?|${SMALL.join('|')}|an?)`;
const UNIT = '(hours?|days?|weeks?|months?|years?)';
const RELATIVE = new RegExp(
  `\\b(?:(within|no later than|not later than|at the latest|in)\\s+)?(?:the\\s+)?(?:first\\s+)?${NUMBER}\\s+(?:\\((\\d+)\\)\\s+)?(?:calendar\\s+)?${UNIT}(?:\\s+(of|after|from|following|since)\\s+([^,;.:()]+))?`,
  'gi',
);
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const MONTH = `(${MONTHS.join('|')})`;
const ABSOLUTE = new RegExp(
  `\\b(no later than|not later than|on or before|by|before|until|on)\\s+(?:the\\s+)?(?:${DAY}\\s+(?:of\\s+)?${MONTH},?\\s+(\\d{4})|${MONTH}\\s+${DAY},?\\s+(\\d{4})|(\\d{4})-(\\d{2})-(\\d{2}))\\b`,
  'gi',
);
const AGREEMENT_CLOCK =
  /entry into force|enters? into force|entering into force|signature|signing|signed|acceptance|accept(?:s|ed|ing)?|(?:this|the) (?:agreement|framework|plan|accord|arrangement)/i;
const SEQUENCING =
  /\b(?:once|after|when|upon|following)\s+([^,;.:]*?\b(?:verified|verification|completed?|completion|implemented|concluded|fulfilled|released|returned|withdrawn|withdrawal|phase)\b[^,;.:]*)/i;

/** The first deadline in the text (relative or absolute), or null; absolute dates are read in `zone`. */
export function guessDeadline(text: string, zone: string): DeadlineGuess | null {
  const found = [...relativeGuesses(text), ...absoluteGuesses(text, zone)].sort(
    (a, b) => a.span[0] - b.span[0],
  );
  return found[0] ?? null;
}

/** Spans of every deadline-like wording (so quantity reading can skip "72 hours", "15 March 2027"). */
export function deadlineSpans(text: string, zone: string): [number, number][] {
  return [...relativeGuesses(text), ...absoluteGuesses(text, zone)].map((g) => g.span);
}

/** A sequencing condition without a period ("once phase one is completed"), or null. */
export function guessSequencing(text: string): string | null {
  return SEQUENCING.exec(text)?.[0].trim() ?? null;
}

function relativeGuesses(text: string): DeadlineGuess[] {
  const guesses: DeadlineGuess[] = [];
  for (const m of text.matchAll(RELATIVE)) {
    const [whole, lead, words, digits, unitWord, link, anchorText] = m;
    if (lead === undefined && link === undefined) continue; // "for 30 days" is a duration, not a deadline
    if (lead?.toLowerCase() === 'in' && link === undefined) continue;
    const amount = digits !== undefined ? Number(digits) : numberValue(words ?? '');
    if (amount === null) continue;
    const unitName = (unitWord ?? '').toLowerCase().replace(/s$/, '');
    const [n, unit]: [number, DeadlineUnit] =
      unitName === 'year' ? [amount * 12, 'months'] : [amount, `${unitName}s` as DeadlineUnit];
    const span: [number, number] = [m.index, m.index + whole.length];
    const deadline: DeadlineSpec = { kind: 'after_entry_into_force', amount: n, unit };
    const anchor = anchorText?.trim() ?? '';
    if (anchor === '') {
      guesses.push({ deadline, span, note: null, sequencing: null });
    } else if (AGREEMENT_CLOCK.test(anchor)) {
      const literal = /entry into force|enters? into force|entering into force/i.test(anchor);
      guesses.push({
        deadline,
        span,
        note: literal ? null : `Counted from entry into force; the text says "${link} ${anchor}".`,
        sequencing: null,
      });
    } else {
      const phrase = whole.trim();
      guesses.push({
        deadline: { kind: 'none' },
        span,
        note: `Deadline in the text: "${phrase}" — choose the commitment whose completion starts the clock.`,
        sequencing: phrase,
      });
    }
  }
  return guesses;
}

function absoluteGuesses(text: string, zone: string): DeadlineGuess[] {
  const guesses: DeadlineGuess[] = [];
  for (const m of text.matchAll(ABSOLUTE)) {
    // Groups: lead; day month year; month day year; ISO year month day.
    const [whole, lead, dA, mA, yA, mB, dB, yB, yC, mC, dC] = m;
    const monthName = (mA ?? mB ?? '').toLowerCase();
    const year = Number(yA ?? yB ?? yC);
    const month = mC !== undefined ? Number(mC) : MONTHS.indexOf(monthName) + 1;
    const day = Number(dA ?? dB ?? dC);
    const local = `${year}-${pad(month)}-${pad(day)}T${lead?.toLowerCase() === 'before' ? '00:00' : '23:59'}`;
    const check = new Date(`${local}:00Z`);
    if (Number.isNaN(check.getTime()) || check.toISOString().slice(0, 16) !== local) continue;
    if (resolveLocalTime(local, zone).kind === 'gap') continue;
    guesses.push({
      deadline: { kind: 'absolute', local, zone },
      span: [m.index, m.index + whole.length],
      note: null,
      sequencing: null,
    });
  }
  return guesses;
}

const pad = (n: number) => String(n).padStart(2, '0');
