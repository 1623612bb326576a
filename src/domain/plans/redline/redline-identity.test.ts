import { describe, expect, it } from 'vitest';
import type { Point } from '../plan.ts';
import { redline, redlineToDiffJson } from './redline.ts';
import type { ChangeKind } from './redline-types.ts';
import { buildPlan, buildPoint, renumber } from './test-support.ts';

const areas = [
  { id: 'ar_1', title: 'Ending the war' },
  { id: 'ar_2', title: 'Security guarantees' },
];

const TEXTS = [
  'All hostilities shall cease along the line of contact at the hour of signature.',
  'Heavy weapons shall be withdrawn fifteen kilometres from the line of contact within 14 days.',
  'A joint monitoring mission shall verify the withdrawal and report weekly to the parties.',
  'All prisoners of war and detained civilians shall be exchanged on an all-for-all basis.',
  'The guarantor states shall provide security guarantees modelled on collective defence.',
  'Sanctions shall be lifted in stages, tied to verified implementation of each phase.',
];

function base() {
  const points = TEXTS.map((text, k) =>
    buildPoint({ id: `pt_${k + 1}`, number: String(k + 1), areaId: k < 4 ? 'ar_1' : 'ar_2', text }),
  );
  return buildPlan(points, { areas });
}

function edit(points: readonly Point[], id: string, fields: Partial<Point>): Point[] {
  return points.map((p) => (p.id === id ? { ...p, ...fields } : p));
}

const kinds = (r: ReturnType<typeof redline>) => r.changes.map((c) => c.kind);
const only = (r: ReturnType<typeof redline>, kind: ChangeKind) => r.changes.filter((c) => c.kind === kind);

describe('redline by identity', () => {
  it('reports renumbering alone as unchanged', () => {
    const old = base();
    const neu = { ...old, points: old.points.map((p) => ({ ...p, number: `${p.number}bis` })) };
    const r = redline(old, neu);
    expect(r.alignment).toBe('identity');
    expect(kinds(r)).toEqual(Array(6).fill('unchanged'));
    expect(r.changes.every((c) => c.renumbered && c.similarity === 1)).toBe(true);
    expect(r.title).toEqual([]);
    expect(r.preamble).toEqual([]);
  });

  it('shows a wording edit as modified, word by word', () => {
    const old = base();
    const neu = {
      ...old,
      points: edit(old.points, 'pt_2', { text: TEXTS[1]!.replace('fifteen', 'thirty') }),
    };
    const [change] = only(redline(old, neu), 'modified');
    expect(change?.old.map((p) => p.id)).toEqual(['pt_2']);
    expect(change?.segments.filter((s) => s.op !== 'equal')).toEqual([
      { op: 'delete', text: 'fifteen' },
      { op: 'insert', text: 'thirty' },
    ]);
    expect(change?.similarity).toBeCloseTo(28 / 30, 5);
    expect(change?.renumbered).toBe(false);
  });

  it('treats a changed sub-item as a text change', () => {
    const old = base();
    const neu = {
      ...old,
      points: edit(old.points, 'pt_3', { items: [{ label: 'a', text: 'by satellite' }] }),
    };
    const [change] = only(redline(old, neu), 'modified');
    expect(change?.segments.at(-1)).toEqual({ op: 'insert', text: '\na) by satellite' });
  });

  it('reports a point moved within the text as moved, the others unchanged and renumbered', () => {
    const old = base();
    const [first, ...rest] = old.points;
    const neu = renumber({ ...old, points: [...rest.slice(0, 3), first!, ...rest.slice(3)] });
    const r = redline(old, neu);
    expect(redlineToDiffJson(r).changes.map((c) => [c.kind, c.old.join(), c.new.join()])).toEqual([
      ['unchanged', '2', '1'],
      ['unchanged', '3', '2'],
      ['unchanged', '4', '3'],
      ['moved', '1', '4'],
      ['unchanged', '5', '5'],
      ['unchanged', '6', '6'],
    ]);
  });

  it('keeps text changes visible on a moved point', () => {
    const old = base();
    const moved = { ...old.points[5]!, text: `${TEXTS[5]} Frozen assets stay frozen.` };
    const neu = { ...old, points: [moved, ...old.points.slice(0, 5)] };
    const [change] = only(redline(old, neu), 'moved');
    expect(change?.segments.at(-1)).toEqual({ op: 'insert', text: ' Frozen assets stay frozen.' });
    expect(redline(old, neu).counts.moved).toBe(1);
  });

  it('counts moving to another area alone as moved, with a note', () => {
    const old = base();
    const neu = { ...old, points: edit(old.points, 'pt_4', { areaId: 'ar_2' }) };
    const [change] = only(redline(old, neu), 'moved');
    expect(change?.notes).toEqual(['area: Ending the war → Security guarantees']);
    expect(change?.new[0]?.area).toBe('Security guarantees');
  });

  it('does not call a retitled area a move', () => {
    const old = base();
    const neu = { ...old, areas: [areas[0]!, { id: 'ar_2', title: 'Guarantees' }] };
    expect(redline(old, neu).counts.unchanged).toBe(6);
  });

  it('puts tag and status changes into notes and marks the point modified', () => {
    const old = base();
    const tagged = edit(old.points, 'pt_6', { tags: ['territory'] });
    const neu = { ...old, points: edit(tagged, 'pt_6', { tags: ['sanctions'], status: 'agreed' }) };
    const [change] = only(redline({ ...old, points: tagged }, neu), 'modified');
    expect(change?.notes).toEqual(['tags: +sanctions −territory', 'status: open → agreed']);
    expect(change?.similarity).toBe(1);
    expect(change?.segments).toEqual([{ op: 'equal', text: TEXTS[5] }]);
  });

  it('ignores a mere reordering of tags', () => {
    const old = { ...base(), points: edit(base().points, 'pt_1', { tags: ['ceasefire', 'monitoring'] }) };
    const neu = { ...old, points: edit(old.points, 'pt_1', { tags: ['monitoring', 'ceasefire'] }) };
    expect(redline(old, neu).counts.unchanged).toBe(6);
  });

  it('reports an added point once, in its place', () => {
    const old = base();
    const added = buildPoint({ id: 'pt_9', areaId: 'ar_1', text: 'Humanitarian corridors shall open.' });
    const neu = renumber({ ...old, points: [...old.points.slice(0, 2), added, ...old.points.slice(2)] });
    const r = redline(old, neu);
    expect(kinds(r)).toEqual([
      'unchanged',
      'unchanged',
      'added',
      'unchanged',
      'unchanged',
      'unchanged',
      'unchanged',
    ]);
    expect(r.changes[2]?.segments).toEqual([{ op: 'insert', text: 'Humanitarian corridors shall open.' }]);
    expect(r.changes[2]?.similarity).toBe(0);
  });

  it('places a deletion where it stood in the old text', () => {
    const old = base();
    const neu = renumber({ ...old, points: old.points.filter((p) => p.id !== 'pt_3') });
    const r = redline(old, neu);
    expect(redlineToDiffJson(r).changes.map((c) => `${c.kind}:${c.old}>${c.new}`)).toEqual([
      'unchanged:1>1',
      'unchanged:2>2',
      'deleted:3>',
      'unchanged:4>3',
      'unchanged:5>4',
      'unchanged:6>5',
    ]);
    expect(r.counts).toMatchObject({ unchanged: 5, deleted: 1 });
  });

  it('puts deletions at the start when nothing preceded them', () => {
    const old = base();
    const neu = { ...old, points: old.points.slice(2) };
    expect(kinds(redline(old, neu)).slice(0, 3)).toEqual(['deleted', 'deleted', 'unchanged']);
  });

  it('shows a split as one change from the old point to its parts', () => {
    const old = base();
    const a = { ...old.points[1]!, text: 'Heavy weapons shall be withdrawn fifteen kilometres.' };
    const b = buildPoint({
      id: 'pt_7',
      text: 'They shall be withdrawn within 14 days.',
      derivedFrom: ['pt_2'],
    });
    const neu = renumber({ ...old, points: [old.points[0]!, a, b, ...old.points.slice(2)] });
    const r = redline(old, neu);
    const [split] = only(r, 'split');
    expect(split?.old.map((p) => p.id)).toEqual(['pt_2']);
    expect(split?.new.map((p) => p.id)).toEqual(['pt_2', 'pt_7']);
    expect(r.counts).toMatchObject({ split: 1, unchanged: 5, added: 0 });
    expect(
      split?.segments
        .filter((s) => s.op !== 'delete')
        .map((s) => s.text)
        .join(''),
    ).toBe(`${a.text}\n${b.text}`);
  });

  it('shows a merge as one change from the old points to the survivor', () => {
    const old = base();
    const merged = { ...old.points[1]!, text: `${TEXTS[1]} ${TEXTS[2]}`, derivedFrom: ['pt_3'] };
    const neu = renumber({ ...old, points: [old.points[0]!, merged, ...old.points.slice(3)] });
    const r = redline(old, neu);
    expect(redlineToDiffJson(r).changes.filter((c) => c.kind === 'merged')).toEqual([
      { kind: 'merged', old: ['2', '3'], new: ['2'], similarity: 1 },
    ]);
    expect(r.counts).toMatchObject({ merged: 1, deleted: 0, unchanged: 4 });
  });

  it('reads a new point derived from one vanished point as its rewrite', () => {
    const old = base();
    const rewrite = buildPoint({
      id: 'pt_8',
      number: '4',
      areaId: 'ar_1',
      text: TEXTS[3]!,
      derivedFrom: ['pt_4'],
    });
    const neu = { ...old, points: old.points.map((p) => (p.id === 'pt_4' ? rewrite : p)) };
    expect(redline(old, neu).counts).toMatchObject({ unchanged: 6, added: 0, deleted: 0 });
  });

  it('handles several kinds of change at once', () => {
    const old = base();
    const p = old.points;
    const added = buildPoint({
      id: 'pt_10',
      areaId: 'ar_2',
      text: 'Elections shall be held within 100 days.',
    });
    const neu = renumber({
      ...old,
      title: 'Framework, revised',
      points: [
        { ...p[0]!, text: TEXTS[0]!.replace('at the hour', 'within 24 hours') },
        p[2]!,
        p[3]!,
        p[1]!,
        { ...p[4]!, status: 'contested' },
        added,
      ],
    });
    const r = redline(old, neu);
    expect(redlineToDiffJson(r).changes.map((c) => `${c.kind}:${c.old}>${c.new}`)).toEqual([
      'modified:1>1',
      'unchanged:3>2',
      'unchanged:4>3',
      'moved:2>4',
      'modified:5>5',
      'deleted:6>',
      'added:>6',
    ]);
    expect(r.title).toEqual([
      { op: 'equal', text: 'Framework' },
      { op: 'insert', text: ', revised' },
    ]);
  });
});
