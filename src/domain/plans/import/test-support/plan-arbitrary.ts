import fc from 'fast-check';
import type { Area, PlanContent, PlanItem, PlanNote, Point } from '../../plan.ts';

/** Words that cannot be mistaken for markers ("o", "a.", "Note", "Part"), with inline Markdown and smart quotes. */
const WORDS = [
  'ceasefire',
  'parties',
  'shall',
  'withdraw',
  'forces',
  'line',
  'contact',
  'guarantors',
  'monitoring',
  'mission',
  'within',
  'days',
  'prisoners',
  'release',
  'elections',
  'amnesty',
  'reconstruction',
  'fund',
  'sanctions',
  'lifted',
  'stages',
  '*verified*',
  '**immediately**',
  '“all for all”',
  'Aldoria’s',
  'Rivna',
  'corridor',
  '1,500',
  'observers',
  'zone',
  'km',
  'de-mining',
  'humanitarian',
  'access',
  'l’accord',
];
const CAPITALS = ['The', 'Both', 'Each', 'All', 'Humanitarian', 'Guarantor', 'Joint', 'Local', 'Frozen'];

const words = (min: number, max: number) =>
  fc.array(fc.constantFrom(...WORDS), { minLength: min, maxLength: max }).map((w) => w.join(' '));
const sentence = fc
  .tuple(fc.constantFrom(...CAPITALS), words(2, 9), fc.constantFrom('.', ';', '!'))
  .map(([c, w, end]) => `${c} ${w}${end === ';' ? '.' : end}`);
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 3 }).map((s) => s.join(' '));
const paragraphs = (max: number) =>
  fc.array(paragraph, { minLength: 1, maxLength: max }).map((p) => p.join('\n\n'));
const heading = fc
  .tuple(fc.constantFrom(...CAPITALS), words(0, 4))
  .map(([c, w]) => (w ? `${c} ${w}` : c).replace(/[*“”]/g, ''));

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const ROMANS = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x'];
const items: fc.Arbitrary<PlanItem[]> = fc
  .tuple(fc.constantFrom('letters', 'romans', 'bullets'), fc.array(words(1, 8), { maxLength: 11 }))
  .map(([scheme, texts]) =>
    texts.map((text, i) => ({
      label: scheme === 'letters' ? LETTERS[i]! : scheme === 'romans' ? (ROMANS[i] ?? 'x') : null,
      text,
    })),
  );

/** Notes that announce themselves in plain text too: a "Note:" prefix, [brackets] or wholly *italics*. */
const markedNote = fc.oneof(
  sentence.map((s) => `Note: ${s}`),
  sentence.map((s) => `[${s.replace(/[[\]]/g, '')}]`),
  words(1, 6).map((w) => `*${w.replace(/\*/g, '')}*`),
);

interface AreaDraft {
  title: string | null;
  points: { text: string; items: PlanItem[]; bis: boolean; notes: string[] }[];
}

/** A random plan; `markdown` allows what only Markdown can carry: empty areas and multi-paragraph notes. */
export function planArbitrary(options: { markdown: boolean }): fc.Arbitrary<PlanContent> {
  const note = options.markdown ? fc.oneof(markedNote, paragraphs(2)) : markedNote;
  const point = fc.record({
    text: paragraphs(3),
    items,
    bis: fc.integer({ min: 0, max: 9 }).map((x) => x === 0),
    notes: fc.array(note, { maxLength: 1 }),
  });
  const area = fc.record({
    title: heading.map((t): string | null => t),
    points: fc.array(point, { minLength: options.markdown ? 0 : 1, maxLength: 5 }),
  });
  const loosePoints = fc.array(point, { maxLength: 2 }).map((points): AreaDraft => ({ title: null, points }));
  return fc
    .record({
      title: heading,
      preamble: fc.oneof(fc.constant(''), paragraphs(2)),
      leadingNotes: fc.array(note, { maxLength: 1 }),
      loose: loosePoints,
      areas: fc.array(area, { maxLength: 4 }),
      restart: fc.boolean(),
    })
    .map((r) => assemble(r.title, r.preamble, r.leadingNotes, [r.loose, ...r.areas], r.restart));
}

function assemble(
  title: string,
  preamble: string,
  leadingNotes: string[],
  drafts: AreaDraft[],
  restart: boolean,
): PlanContent {
  const areas: Area[] = [];
  const points: Point[] = [];
  const notes: PlanNote[] = leadingNotes.map((text, i) => ({ id: `nt_lead${i}`, afterPointId: null, text }));
  let n = 0;
  let afterBis = false;
  for (const draft of drafts) {
    let areaId: string | null = null;
    if (draft.title !== null) {
      areaId = `ar_${areas.length + 1}`;
      areas.push({ id: areaId, title: draft.title });
      if (restart) {
        n = 0;
        afterBis = false;
      }
    }
    for (const p of draft.points) {
      // One insertion per number: a second "7bis" would be a genuine repeat.
      const bis: boolean = p.bis && n > 0 && !afterBis;
      afterBis = bis;
      if (!bis) n++;
      const id = `pt_${points.length + 1}`;
      points.push({
        id,
        number: bis ? `${n}bis` : String(n),
        areaId,
        text: p.text,
        items: p.items,
        tags: [],
        status: 'open',
        derivedFrom: [],
        changedAt: 0,
      });
      for (const text of p.notes) notes.push({ id: `nt_${notes.length + 1}`, afterPointId: id, text });
    }
  }
  return { title, preamble, areas, points, notes };
}
