import fc from 'fast-check';
import type { Area, PlanContent, PlanItem, PlanNote, Point } from '../../domain/plans/plan.ts';
import { POINT_STATUSES } from '../../domain/plans/plan.ts';
import { DEFAULT_TAXONOMY } from '../../domain/plans/taxonomy.ts';

/** A point with sensible defaults; tests override only what they are about. */
export function buildPoint(overrides: Partial<Point> & Pick<Point, 'id'>): Point {
  return {
    number: overrides.id.replace(/^p/, ''),
    areaId: null,
    text: `Text of point ${overrides.id}.`,
    items: [],
    tags: [],
    status: 'open',
    derivedFrom: [],
    changedAt: 0,
    ...overrides,
  };
}

/** A plan with defaults; tests override only what they are about. */
export function buildPlan(overrides: Partial<PlanContent> = {}): PlanContent {
  return { title: 'Test plan', preamble: '', areas: [], points: [], notes: [], ...overrides };
}

/** A small plan with everything the exporters must render: areas, 7bis, items, notes, Cyrillic, emphasis. */
export function samplePlan(): PlanContent {
  return buildPlan({
    title: 'Framework for a Settlement — Рамкова угода',
    preamble:
      'The parties, meeting in Geneva,\nagree as follows.\n\nΕιρήνη: this text binds all signatories.',
    areas: [
      { id: 'a1', title: 'Ending the war' },
      { id: 'a2', title: 'Security guarantees' },
    ],
    points: [
      buildPoint({ id: 'p0', number: '1', text: 'Definitions apply throughout.' }),
      buildPoint({
        id: 'p1',
        number: '2',
        areaId: 'a1',
        text: 'A ceasefire enters into force *within 72 hours*.\n\nBoth sides **withdraw** heavy weapons.',
        items: [
          { label: 'a', text: 'artillery above 100 mm' },
          { label: 'b', text: 'multiple rocket launchers' },
        ],
        tags: ['ceasefire', 'military'],
        status: 'contested',
      }),
      buildPoint({ id: 'p7', number: '7bis', areaId: 'a1', text: 'Обмін полоненими «всіх на всіх».' }),
      buildPoint({
        id: 'p8',
        number: '8',
        areaId: 'a2',
        text: 'Guarantors commit to consult.',
        items: [{ label: null, text: 'a bullet item' }],
        derivedFrom: ['p7'],
        changedAt: 4,
      }),
    ],
    notes: [
      { id: 'n0', afterPointId: null, text: '[Editor: opening note]' },
      { id: 'n1', afterPointId: 'p1', text: 'Text agreed ad referendum.' },
    ],
  });
}

const LOREM = [
  'The parties shall cease all hostilities along the line of contact.',
  'Монітори ОБСЄ мають безперешкодний доступ до всієї території.',
  'A joint commission verifies the withdrawal of *heavy weapons* within **30 days**.',
  'Οι εγγυήτριες δυνάμεις διαβουλεύονται εντός 24 ωρών.',
  'Humanitarian corridors remain open for civilians, including children and the elderly.',
];

/** A plan of `count` points in areas of five, long enough to span several pages. */
export function longPlan(count: number): PlanContent {
  const areas: Area[] = [];
  const points: Point[] = [];
  for (let i = 0; i < count; i++) {
    if (i % 5 === 0)
      areas.push({
        id: `a${i / 5}`,
        title: `Area ${i / 5 + 1}: ${['Ceasefire', 'Territory', 'Guarantees', 'Economy'][(i / 5) % 4]}`,
      });
    points.push(
      buildPoint({
        id: `p${i}`,
        number: i === 6 ? '6bis' : String(i + 1),
        areaId: `a${Math.floor(i / 5)}`,
        text: `${LOREM[i % LOREM.length]} ${LOREM[(i + 2) % LOREM.length]}`,
        items:
          i % 3 === 0
            ? [
                { label: 'a', text: LOREM[(i + 1) % LOREM.length]! },
                { label: 'b', text: 'within 72 hours' },
              ]
            : [],
      }),
    );
  }
  return buildPlan({ title: `${count}-Point Framework`, preamble: LOREM.join(' '), areas, points });
}

const text = (max: number) => fc.string({ maxLength: max, unit: 'grapheme' });
const id = fc.string({ minLength: 1, maxLength: 12, unit: 'grapheme-ascii' });

/** Arbitrary valid PlanContent: unique ids, areas and note anchors that resolve. */
export function arbitraryPlan(): fc.Arbitrary<PlanContent> {
  return fc
    .record({
      title: text(40),
      preamble: text(80),
      areaTitles: fc.array(fc.string({ minLength: 1, maxLength: 30 }), { maxLength: 4 }),
      points: fc.array(
        fc.record({
          number: fc.string({ maxLength: 8 }),
          text: text(120),
          items: fc.array(
            fc.record({ label: fc.option(fc.string({ maxLength: 4 }), { nil: null }), text: text(40) }),
            {
              maxLength: 3,
            },
          ) as fc.Arbitrary<PlanItem[]>,
          tags: fc.uniqueArray(fc.constantFrom(...DEFAULT_TAXONOMY.map((t) => t.key)), { maxLength: 3 }),
          status: fc.constantFrom(...POINT_STATUSES),
          changedAt: fc.nat(),
          areaPick: fc.nat(),
          lineagePick: fc.array(fc.nat(), { maxLength: 2 }),
        }),
        { maxLength: 12 },
      ),
      notes: fc.array(fc.record({ text: text(60), anchorPick: fc.option(fc.nat(), { nil: null }) }), {
        maxLength: 4,
      }),
      idSalt: id,
    })
    .map((r): PlanContent => {
      const areas = r.areaTitles.map((title, i) => ({ id: `${r.idSalt}-a${i}`, title }));
      const points = r.points.map(
        (p, i): Point => ({
          id: `${r.idSalt}-p${i}`,
          number: p.number,
          areaId: areas.length === 0 ? null : (areas[p.areaPick % (areas.length + 1)]?.id ?? null),
          text: p.text,
          items: p.items,
          tags: p.tags,
          status: p.status,
          derivedFrom: p.lineagePick.map((k) => `${r.idSalt}-p${k % 50}`),
          changedAt: p.changedAt,
        }),
      );
      const notes = r.notes.map(
        (n, i): PlanNote => ({
          id: `${r.idSalt}-n${i}`,
          afterPointId:
            n.anchorPick === null || points.length === 0 ? null : points[n.anchorPick % points.length]!.id,
          text: n.text,
        }),
      );
      return { title: r.title, preamble: r.preamble, areas, points, notes };
    });
}
