/** Factories for redline tests and benchmarks: points, plans, and plausible generated treaty prose. */

import { seededRandom } from '../../shared/seeded-random.ts';
import type { Area, PlanContent, Point } from '../plan.ts';

/** A point with defaults: open, untagged, no items, numbered after its id. */
export function buildPoint(fields: Partial<Point> & { id: string }): Point {
  return {
    number: fields.id.replace(/^\D+/, ''),
    areaId: null,
    text: `Text of point ${fields.id}.`,
    items: [],
    tags: [],
    status: 'open',
    derivedFrom: [],
    changedAt: 0,
    ...fields,
  };
}

/** A plan around the given points and areas. */
export function buildPlan(points: Point[], fields: Partial<PlanContent> = {}): PlanContent {
  return {
    title: 'Framework',
    preamble: 'The parties agree as follows.',
    areas: [],
    notes: [],
    ...fields,
    points,
  };
}

/** The plan with points numbered 1…n in reading order, as a drafter's renumbering would leave it. */
export function renumber(plan: PlanContent): PlanContent {
  return { ...plan, points: plan.points.map((p, k) => ({ ...p, number: String(k + 1) })) };
}

/** The plan with fresh point ids, as if imported again from plain text (no identity shared). */
export function reimported(plan: PlanContent, prefix = 'imp'): PlanContent {
  return {
    ...plan,
    points: plan.points.map((p, k) => ({ ...p, id: `${prefix}_${k + 1}`, derivedFrom: [] })),
  };
}

// Function words dominate real treaty text, which is what makes unrelated points look alike to a bag of
// words; the generator keeps that property so the thresholds are tested against it.
const FUNCTION_WORDS =
  'the of and to in shall be by a for with on all as within from under its their this'.split(' ');
const CONTENT_WORDS =
  `parties ceasefire withdrawal forces line contact monitoring mission verification prisoners
detainees exchange humanitarian corridors reconstruction fund sanctions relief elections referendum amnesty
guarantees security council territory administration border crossings civilians displaced persons return
property compensation commission joint committee observers heavy weapons artillery zone buffer demilitarised
implementation timetable phase days months signature entry force agreement protocol annex mediator envoy
international community assistance energy infrastructure nuclear plant grain export ports navigation black
sea airspace reparations assets frozen investment recovery language rights minorities church education media
disinformation cooperation trade tariffs customs union membership neutrality alliance troops training
equipment intelligence cyber attacks maritime shipping insurance demining ordnance clearance schools hospitals
water electricity pipelines gas transit revenues budget audit transparency corruption courts tribunal
jurisdiction war crimes accountability truth reconciliation memorials cultural heritage sites archives
passports citizenship residence registration census local government decentralisation status autonomy
constitution amendment parliament ratification dispute resolution arbitration consultation review conference
report annual progress benchmarks indicators deadlines extension suspension termination withdrawal notice`
    .split(/\s+/)
    .filter((w) => w !== '');

/** A small deterministic PRNG (mulberry32) so generated plans are reproducible. */
export const rng = seededRandom;

/** Plausible clause text of `words` words: about 40% function words, content words from a wide pool. */
export function prose(random: () => number, words: number): string {
  const out: string[] = [];
  for (let k = 0; k < words; k++) {
    const pool = random() < 0.4 ? FUNCTION_WORDS : CONTENT_WORDS;
    out.push(pool[Math.floor(random() * pool.length)]!);
  }
  const first = out[0] ?? '';
  out[0] = first.charAt(0).toUpperCase() + first.slice(1);
  return `${out.join(' ')}.`;
}

/** A generated plan of `count` points of 40–80 words in four areas, ids pt_1…pt_n. */
export function samplePlan(count: number, seed = 1): PlanContent {
  const random = rng(seed);
  const areas: Area[] = ['Ending the war', 'Security guarantees', 'Economy', 'Implementation'].map(
    (title, k) => ({
      id: `ar_${k + 1}`,
      title,
    }),
  );
  const points = Array.from({ length: count }, (_, k) =>
    buildPoint({
      id: `pt_${k + 1}`,
      number: String(k + 1),
      areaId: areas[Math.min(3, Math.floor((4 * k) / count))]!.id,
      text: prose(random, 40 + Math.floor(random() * 41)),
    }),
  );
  return buildPlan(points, { title: 'Framework for peace', areas });
}

/** Rewords a text lightly: replaces about one word in `every` with a generated one. */
export function reword(text: string, random: () => number, every = 12): string {
  return text
    .split(' ')
    .map((w) => (random() * every < 1 ? prose(random, 1).slice(0, -1).toLowerCase() : w))
    .join(' ');
}
