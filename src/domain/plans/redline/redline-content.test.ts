import { describe, expect, it } from 'vitest';
import type { PlanContent, Point } from '../plan.ts';
import { redline, redlineToDiffJson } from './redline.ts';
import { buildPoint, reimported, renumber, reword, rng, samplePlan } from './test-support.ts';

/** The counter-proposal as a party would send it: renumbered and imported again, so no ids are shared. */
const asImported = (plan: PlanContent, points: Point[]) => reimported(renumber({ ...plan, points }));
const summary = (r: ReturnType<typeof redline>) =>
  redlineToDiffJson(r).changes.map((c) => `${c.kind}:${c.old.join('+')}>${c.new.join('+')}`);
const changed = (r: ReturnType<typeof redline>) => summary(r).filter((s) => !s.startsWith('unchanged'));

function halves(text: string, parts = 2): string[] {
  const words = text.split(' ');
  const size = Math.ceil(words.length / parts);
  return Array.from({ length: parts }, (_, k) => words.slice(k * size, (k + 1) * size).join(' '));
}

describe('redline by content', () => {
  const base = samplePlan(28);
  const p = base.points;

  it('finds one deletion, not a cascade of edits, when point 3 of 28 goes and the rest renumber', () => {
    const r = redline(
      base,
      asImported(
        base,
        p.filter((_, k) => k !== 2),
      ),
    );
    expect(r.alignment).toBe('content');
    expect(r.counts).toMatchObject({ deleted: 1, unchanged: 27, modified: 0, added: 0, moved: 0 });
    expect(summary(r).slice(0, 4)).toEqual(['unchanged:1>1', 'unchanged:2>2', 'deleted:3>', 'unchanged:4>3']);
    expect(r.changes.filter((c) => c.renumbered)).toHaveLength(25);
  });

  it('finds one addition for an inserted point', () => {
    const extra = buildPoint({
      id: 'x',
      text: 'A standing commission on missing persons shall be established.',
    });
    const r = redline(base, asImported(base, [...p.slice(0, 10), extra, ...p.slice(10)]));
    expect(changed(r)).toEqual(['added:>11']);
  });

  it('calls small wording edits modified', () => {
    const random = rng(7);
    const edited = p.map((q, k) => (k === 4 || k === 20 ? { ...q, text: reword(q.text, random, 10) } : q));
    const r = redline(base, asImported(base, edited));
    expect(changed(r)).toEqual(['modified:5>5', 'modified:21>21']);
    expect(r.changes[4]?.similarity).toBeGreaterThan(0.7);
    expect(r.changes[4]?.similarity).toBeLessThan(1);
  });

  it('calls a point taken elsewhere moved, even with edits', () => {
    const random = rng(3);
    const moved = { ...p[1]!, text: reword(p[1]!.text, random, 10) };
    const r = redline(base, asImported(base, [p[0]!, ...p.slice(2, 20), moved, ...p.slice(20)]));
    expect(changed(r)).toEqual(['moved:2>20']);
    expect(r.counts.unchanged).toBe(27);
  });

  it('tells a block of swapped points from the rest', () => {
    const r = redline(base, asImported(base, [...p.slice(10, 14), ...p.slice(0, 10), ...p.slice(14)]));
    expect(r.counts).toMatchObject({ moved: 4, unchanged: 24 });
  });

  it('recognises a point split in two adjacent points', () => {
    const [a, b] = halves(p[6]!.text);
    const parts = [buildPoint({ id: 'a', text: a! }), buildPoint({ id: 'b', text: b! })];
    const r = redline(base, asImported(base, [...p.slice(0, 6), ...parts, ...p.slice(7)]));
    expect(changed(r)).toEqual(['split:7>7+8']);
    expect(r.changes[6]?.similarity).toBeGreaterThan(0.9);
  });

  it('recognises a split into three parts, none of which alone resembles the whole', () => {
    const parts = halves(p[6]!.text, 3).map((text, k) => buildPoint({ id: `s${k}`, text }));
    const r = redline(base, asImported(base, [...p.slice(0, 6), ...parts, ...p.slice(7)]));
    expect(changed(r)).toEqual(['split:7>7+8+9']);
  });

  it('recognises two adjacent points merged into one', () => {
    const merged = buildPoint({ id: 'm', text: `${p[11]!.text} ${p[12]!.text}` });
    const r = redline(base, asImported(base, [...p.slice(0, 11), merged, ...p.slice(13)]));
    expect(changed(r)).toEqual(['merged:12+13>12']);
  });

  it('reads a counter-proposal with several changes', () => {
    const random = rng(11);
    const [a, b] = halves(p[15]!.text);
    const extra = buildPoint({
      id: 'x',
      text: 'Both parties shall refrain from any claim to reparations for the war.',
    });
    const counter = [
      p[0]!,
      { ...p[1]!, text: reword(p[1]!.text, random, 8) },
      ...p.slice(3, 9),
      p[25]!,
      ...p.slice(9, 15),
      buildPoint({ id: 'a', text: a! }),
      buildPoint({ id: 'b', text: b! }),
      extra,
      buildPoint({ id: 'm', text: `${p[16]!.text}\n${p[17]!.text}` }),
      ...p.slice(18, 25),
      ...p.slice(26),
    ];
    const r = redline(base, asImported(base, counter));
    expect(changed(r)).toEqual([
      'modified:2>2',
      'deleted:3>',
      'moved:26>9',
      'split:16>16+17',
      'added:>18',
      'merged:17+18>19',
    ]);
  });

  it('does not call points moved when a heading is retitled or re-imported under new ids', () => {
    const neu = asImported(base, p);
    neu.areas = base.areas.map((a, k) => ({ id: `imp_ar_${k}`, title: k === 1 ? 'Guarantees' : a.title }));
    neu.points = neu.points.map((q) => ({ ...q, areaId: `imp_ar_${Number(q.areaId!.slice(3)) - 1}` }));
    expect(redline(base, neu).counts.unchanged).toBe(28);
  });

  it('calls a point that changed heading moved, with a note', () => {
    const neu = asImported(
      base,
      p.map((q, k) => (k === 6 ? { ...q, areaId: 'ar_2' } : q)),
    );
    const r = redline(base, neu);
    expect(changed(r)).toEqual(['moved:7>7']);
    expect(r.changes[6]?.notes).toEqual(['area: Ending the war → Security guarantees']);
  });

  it('pairs plans whose ids overlap too little by content', () => {
    const neu = asImported(base, p);
    neu.points = neu.points.map((q, k) => (k < 10 ? { ...q, id: p[k]!.id } : q));
    const r = redline(base, neu);
    expect(r.alignment).toBe('content');
    expect(r.counts.unchanged).toBe(28);
  });

  it('pairs repeated identical texts in order', () => {
    const same = 'The parties shall meet again within thirty days.';
    const old = {
      ...base,
      points: [buildPoint({ id: 'o1', text: same }), buildPoint({ id: 'o2', text: same })],
    };
    const neu = {
      ...base,
      points: [buildPoint({ id: 'n1', text: same }), buildPoint({ id: 'n2', text: same })],
    };
    expect(summary(redline(old, neu))).toEqual(['unchanged:1>1', 'unchanged:2>2']);
  });

  // Timing lives in bench/redline.bench.ts; this checks that the banded alignment of a long stretch with
  // no identical point to anchor on still pairs (nearly) every point.
  it('pairs 1,000 points that were all reworded', () => {
    const big = samplePlan(1000, 5);
    const random = rng(5);
    const neu = asImported(
      big,
      big.points.map((q) => ({ ...q, text: reword(q.text, random, 6) })),
    );
    const r = redline(big, neu);
    expect(r.counts.modified + r.counts.unchanged).toBeGreaterThan(990);
    expect(r.counts.moved).toBe(0);
  });
});
