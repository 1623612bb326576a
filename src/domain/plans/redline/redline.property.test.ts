import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlanContent, Point } from '../plan.ts';
import { pointText } from './point-text.ts';
import { redline } from './redline.ts';
import type { Redline } from './redline-types.ts';
import { buildPlan, buildPoint, reimported, renumber } from './test-support.ts';

const WORDS = [
  'ceasefire',
  'shall',
  'the',
  'parties',
  'line',
  'withdraw',
  'forces',
  'of',
  'monitor',
  'by',
  'zone',
];
const text = fc
  .array(fc.constantFrom(...WORDS, ',', '.', '\n'), { minLength: 0, maxLength: 14 })
  .map((ws) => ws.join(' ').replace(/ ([,.])/g, '$1'));
const item = fc.record({ label: fc.constantFrom('a', 'b', '→', null), text });
const areas = [
  { id: 'ar_1', title: 'Ending the war' },
  { id: 'ar_2', title: 'Security guarantees' },
];
const pointFields = fc.record({
  text,
  items: fc.array(item, { maxLength: 2 }),
  tags: fc.subarray(['territory', 'sanctions', 'ceasefire']),
  status: fc.constantFrom('open' as const, 'contested' as const, 'agreed' as const),
  areaId: fc.constantFrom('ar_1', 'ar_2', null),
});
const plan = fc.array(pointFields, { maxLength: 12 }).map((fields) =>
  buildPlan(
    fields.map((f, k) => buildPoint({ id: `pt_${k + 1}`, number: String(k + 1), ...f })),
    { areas },
  ),
);

type Edit =
  | { op: 'edit' | 'add' | 'split'; at: number; text: string }
  | { op: 'delete' | 'merge' | 'retag' | 'status'; at: number }
  | { op: 'move'; at: number; to: number }
  | { op: 'lineage'; at: number; from: number };
const at = fc.nat(20);
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constantFrom('edit' as const, 'add' as const, 'split' as const), at, text }),
  fc.record({
    op: fc.constantFrom('delete' as const, 'merge' as const, 'retag' as const, 'status' as const),
    at,
  }),
  fc.record({ op: fc.constant('move' as const), at, to: at }),
  fc.record({ op: fc.constant('lineage' as const), at, from: at }),
);

/** Applies a drafter's edit script, keeping ids unique and lineage as the editor would record it. */
function applyEdits(base: PlanContent, edits: readonly Edit[]): PlanContent {
  const points: Point[] = base.points.map((p) => ({ ...p }));
  let fresh = 100;
  for (const e of edits) {
    const k = points.length === 0 ? 0 : e.at % points.length;
    const p = points[k];
    if (e.op === 'add' || p === undefined) {
      points.splice(k, 0, buildPoint({ id: `pt_${fresh++}`, text: 'text' in e ? e.text : '' }));
      continue;
    }
    if (e.op === 'edit') points[k] = { ...p, text: e.text };
    if (e.op === 'delete') points.splice(k, 1);
    if (e.op === 'split')
      points.splice(k + 1, 0, buildPoint({ id: `pt_${fresh++}`, text: e.text, derivedFrom: [p.id] }));
    if (e.op === 'merge' && points[k + 1] !== undefined) {
      const [next] = points.splice(k + 1, 1);
      points[k] = { ...p, text: `${p.text} ${next!.text}`, derivedFrom: [...p.derivedFrom, next!.id] };
    }
    if (e.op === 'retag') points[k] = { ...p, tags: p.tags.includes('sanctions') ? [] : ['sanctions'] };
    if (e.op === 'status') points[k] = { ...p, status: p.status === 'agreed' ? 'open' : 'agreed' };
    if (e.op === 'move') points.splice(e.to % points.length, 0, ...points.splice(k, 1));
    if (e.op === 'lineage') points[k] = { ...p, derivedFrom: [`pt_${e.from}`] };
  }
  return renumber({ ...base, points });
}

function expectEachPointOnce(r: Redline, oldPlan: PlanContent, newPlan: PlanContent) {
  const sorted = (ids: string[]) => [...ids].sort();
  expect(sorted(r.changes.flatMap((c) => c.old.map((p) => p.id)))).toEqual(
    sorted(oldPlan.points.map((p) => p.id)),
  );
  expect(sorted(r.changes.flatMap((c) => c.new.map((p) => p.id)))).toEqual(
    sorted(newPlan.points.map((p) => p.id)),
  );
  expect(Object.values(r.counts).reduce((a, b) => a + b, 0)).toBe(r.changes.length);
}

function expectSegmentsRebuildTexts(r: Redline, oldPlan: PlanContent, newPlan: PlanContent) {
  const textOf = (p: PlanContent) => new Map(p.points.map((q) => [q.id, pointText(q)]));
  const oldTexts = textOf(oldPlan);
  const newTexts = textOf(newPlan);
  for (const c of r.changes) {
    const side = (op: 'delete' | 'insert') =>
      c.segments
        .filter((s) => s.op !== op)
        .map((s) => s.text)
        .join('');
    expect(side('insert')).toBe(c.old.map((p) => oldTexts.get(p.id)).join('\n'));
    expect(side('delete')).toBe(c.new.map((p) => newTexts.get(p.id)).join('\n'));
    expect(c.similarity).toBeGreaterThanOrEqual(0);
    expect(c.similarity).toBeLessThanOrEqual(1);
  }
}

describe('redline properties', () => {
  it('finds nothing changed between a plan and itself', () => {
    fc.assert(
      fc.property(plan, (p) => {
        const r = redline(p, p);
        expect(r.changes.every((c) => c.kind === 'unchanged' && !c.renumbered)).toBe(true);
        expect(r.changes).toHaveLength(p.points.length);
      }),
    );
  });

  it('never reports renumbering as a change', () => {
    fc.assert(
      fc.property(
        plan,
        fc.array(fc.string({ maxLength: 4 }), { minLength: 12, maxLength: 12 }),
        (p, numbers) => {
          const neu = { ...p, points: p.points.map((q, k) => ({ ...q, number: numbers[k]! })) };
          expect(redline(p, neu).changes.every((c) => c.kind === 'unchanged')).toBe(true);
        },
      ),
    );
  });

  it('accounts for every point exactly once under any edit script (identity)', () => {
    fc.assert(
      fc.property(plan, fc.array(edit, { maxLength: 8 }), (p, edits) => {
        const neu = applyEdits(p, edits);
        const r = redline(p, neu);
        expectEachPointOnce(r, p, neu);
        expectSegmentsRebuildTexts(r, p, neu);
      }),
      { numRuns: 300 },
    );
  });

  it('accounts for every point exactly once by content, and segments rebuild both texts', () => {
    fc.assert(
      fc.property(plan, fc.array(edit, { maxLength: 8 }), (p, edits) => {
        const neu = reimported(applyEdits(p, edits));
        const r = redline(p, neu);
        expect(r.alignment).toBe(p.points.length === 0 || neu.points.length === 0 ? 'identity' : 'content');
        expectEachPointOnce(r, p, neu);
        expectSegmentsRebuildTexts(r, p, neu);
      }),
      { numRuns: 300 },
    );
  });
});
