/**
 * Reads quantity targets out of treaty wording ("20 living hostages", "all 28 remains", "1,968
 * detainees", "250 life-sentence prisoners"): a number in digits followed by the noun phrase it
 * counts. Numbers that measure rather than count (15 kilometres, 100 mm, 50 %), dates, years,
 * references ("point 7", "Resolution 2334") and the spans a deadline reader claimed ("72 hours")
 * are not targets.
 */

export interface QuantityGuess {
  quantity: number;
  /** The noun phrase counted, as written ("living hostages", "Gazans"). */
  unit: string;
  span: [number, number];
}

const QUANTITY =
  /(?<![\d.,\w])(\d{1,3}(?:,\d{3})+|\d+)(?![\d,.]?\d)\s+((?:[A-Za-z][A-Za-z'’-]*)(?:\s+[A-Za-z][A-Za-z'’-]*){0,3})/g;
const STOP = new Set(
  'of for who whom whose which that and or to in on at by from will shall would should must may are is was were be been being within plus with per each as than the a an under into over after before during until not no nor but if their its his her this these those such'.split(
    ' ',
  ),
);
const MEASURES = new Set(
  'hour hours day days week weeks month months year years minute minutes second seconds km kilometre kilometres kilometer kilometers metre metres meter meters mile miles mm cm m percent per cent degree degrees square hectare hectares tonne tonnes ton tons kg am pm'.split(
    ' ',
  ),
);
const MONTHS = new Set(
  'january february march april may june july august september october november december'.split(' '),
);
const REFERENCE =
  /\b(?:point|points|article|articles|paragraph|paragraphs|section|annex|resolution|phase|no\.|number|item|chapter|clause)\s*$/i;

/** Every quantity target in the text, in reading order, outside the `skip` spans. */
export function guessQuantities(text: string, skip: readonly [number, number][] = []): QuantityGuess[] {
  const guesses: QuantityGuess[] = [];
  for (const m of text.matchAll(QUANTITY)) {
    const [whole, digits, words] = m;
    const start = m.index;
    const numberEnd = start + (digits ?? '').length;
    if (skip.some(([a, b]) => start < b && a < numberEnd)) continue;
    if (REFERENCE.test(text.slice(Math.max(0, start - 20), start))) continue;
    const quantity = Number((digits ?? '').replaceAll(',', ''));
    const unitWords: string[] = [];
    for (const w of (words ?? '').split(/\s+/)) {
      if (STOP.has(w.toLowerCase())) break;
      unitWords.push(w);
    }
    const first = unitWords[0]?.toLowerCase();
    if (first === undefined || MEASURES.has(first) || MONTHS.has(first)) continue;
    if (quantity >= 1900 && quantity <= 2100 && /^\d{4}$/.test(digits ?? '') && /[A-Z]/.test(unitWords[0]!))
      continue;
    guesses.push({ quantity, unit: unitWords.join(' '), span: [start, start + whole.length] });
  }
  return guesses;
}
