import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sequentialIds } from '../../shared/ids.ts';
import type { PlanContent } from '../plan.ts';
import { applyDraftOp, validateDraftInvariants } from './apply-draft-op.ts';
import { buildDraft } from './draft.fixture.ts';
import type { DraftOp } from './draft-op.schema.ts';

const KINDS = [
  'updatePoint',
  'addPoint',
  'deletePoint',
  'movePoint',
  'splitPoint',
  'mergePoints',
  'addArea',
  'renameArea',
  'deleteArea',
  'addNote',
  'updateNote',
  'deleteNote',
  'updatePlan',
] as const;
const STRUCTURAL = new Set(['addPoint', 'deletePoint', 'movePoint', 'splitPoint', 'mergePoints']);

const words = fc
  .array(fc.constantFrom('parties', 'shall', 'withdraw', 'within', '72', 'hours', 'of', 'the', 'line'), {
    minLength: 1,
    maxLength: 8,
  })
  .map((w) => w.join(' '));
const seed = fc.record({ kind: fc.constantFrom(...KINDS), i: fc.nat(), j: fc.nat(), text: words });
type Seed = typeof seed extends fc.Arbitrary<infer T> ? T : never;

function pick<T>(list: readonly T[], n: number): T | undefined {
  return list.length === 0 ? undefined : list[n % list.length];
}

/** Turns a random seed into an op that is valid on `plan`, or null when none of that kind fits. */
function opFor(plan: PlanContent, { kind, i, j, text }: Seed): DraftOp | null {
  const point = pick(plan.points, i);
  const areaIds = [null, ...plan.areas.map((a) => a.id)];
  const areaId = pick(areaIds, j) ?? null;
  const anchors = plan.points.filter((p) => p.areaId === areaId && p.id !== point?.id);
  const anchor = i % 3 === 0 ? null : (pick(anchors, j)?.id ?? null);
  switch (kind) {
    case 'updatePoint': {
      if (!point) return null;
      const fields = [
        { text },
        { status: 'agreed' as const },
        { tags: ['ceasefire'] },
        { number: `${i % 9}bis` },
      ];
      return { type: kind, pointId: point.id, ...fields[j % fields.length] };
    }
    case 'addPoint':
      return { type: kind, afterPointId: anchor, areaId, text, items: [], tags: [] };
    case 'deletePoint':
      return point ? { type: kind, pointId: point.id } : null;
    case 'movePoint':
      return point ? { type: kind, pointId: point.id, afterPointId: anchor, areaId } : null;
    case 'splitPoint': {
      if (!point) return null;
      const cuts = [...point.text].map((_, k) => k).filter((k) => k > 0 && splits(point.text, k));
      const at = pick(cuts, j);
      return at === undefined ? null : { type: kind, pointId: point.id, at };
    }
    case 'mergePoints': {
      const run = plan.points.slice(i % Math.max(plan.points.length, 1)).slice(0, 2 + (j % 2));
      const sameArea = run.length >= 2 && run.every((p) => p.areaId === run[0]!.areaId);
      return sameArea ? { type: kind, pointIds: run.map((p) => p.id) } : null;
    }
    case 'addArea':
      return {
        type: kind,
        title: `Area ${i % 100}`,
        beforePointId: j % 3 === 0 ? null : (point?.id ?? null),
      };
    case 'renameArea': {
      const area = pick(plan.areas, i);
      return area ? { type: kind, areaId: area.id, title: text } : null;
    }
    case 'deleteArea': {
      const empty = plan.areas.filter((a) => !plan.points.some((p) => p.areaId === a.id));
      const area = pick(empty, i);
      return area ? { type: kind, areaId: area.id } : null;
    }
    case 'addNote':
      return { type: kind, afterPointId: j % 4 === 0 ? null : (point?.id ?? null), text };
    case 'updateNote': {
      const note = pick(plan.notes, i);
      return note ? { type: kind, noteId: note.id, text } : null;
    }
    case 'deleteNote': {
      const note = pick(plan.notes, i);
      return note ? { type: kind, noteId: note.id } : null;
    }
    case 'updatePlan':
      return { type: kind, preamble: text };
  }
}

function splits(text: string, at: number): boolean {
  return text.slice(0, at).trim() !== '' && text.slice(at).trim() !== '';
}

/** Non-whitespace characters of all point texts, counted: split, merge and move must keep them. */
function letters(plan: PlanContent): Map<string, number> {
  const counts = new Map<string, number>();
  for (const ch of plan.points.map((p) => p.text).join('')) {
    if (ch.trim() !== '') counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  return counts;
}

function adjust(counts: Map<string, number>, text: string, sign: 1 | -1): void {
  for (const ch of text) {
    if (ch.trim() === '') continue;
    const n = (counts.get(ch) ?? 0) + sign;
    if (n === 0) counts.delete(ch);
    else counts.set(ch, n);
  }
}

describe('applyDraftOp on random sequences of valid ops', () => {
  it('keeps the invariants, every identity and every word that was not deleted', () => {
    const applied = new Set<string>();
    fc.assert(
      fc.property(fc.array(seed, { maxLength: 40 }), (seeds) => {
        const newId = sequentialIds();
        let plan = buildDraft();
        let revision = 3;
        for (const s of seeds) {
          const op = opFor(plan, s);
          if (op === null) continue;
          applied.add(op.type);
          const before = structuredClone(plan);
          const { content, touchedPointIds } = applyDraftOp(plan, op, {
            currentRevision: revision,
            baseRevision: revision,
            newId,
          });
          expect(plan).toEqual(before);
          expect(validateDraftInvariants(content)).toEqual([]);

          const expected = letters(before);
          const removed = new Set<string>();
          if (op.type === 'deletePoint') removed.add(op.pointId);
          if (op.type === 'mergePoints') for (const id of op.pointIds.slice(1)) removed.add(id);
          // Only a delete loses words; a merge keeps the texts of the points it absorbs.
          if (op.type === 'deletePoint')
            adjust(expected, before.points.find((p) => p.id === op.pointId)!.text, -1);
          if (op.type === 'addPoint') adjust(expected, op.text, 1);
          if (op.type === 'updatePoint' && op.text !== undefined) {
            adjust(expected, before.points.find((p) => p.id === op.pointId)!.text, -1);
            adjust(expected, op.text, 1);
          }
          expect(letters(content)).toEqual(expected);

          const ids = new Set(content.points.map((p) => p.id));
          for (const p of before.points) expect(ids.has(p.id)).toBe(!removed.has(p.id));
          const touched = new Set(touchedPointIds);
          for (const p of content.points) {
            const old = before.points.find((q) => q.id === p.id);
            expect(p.changedAt).toBe(touched.has(p.id) || old === undefined ? revision + 1 : old.changedAt);
          }
          if (STRUCTURAL.has(op.type)) {
            expect(content.points.map((p) => p.number)).toEqual(content.points.map((_, k) => String(k + 1)));
          }
          plan = content;
          revision++;
        }
      }),
      { numRuns: 200 },
    );
    // Guards against a vacuous property: every kind of op was generated and applied.
    expect([...applied].sort()).toEqual([...KINDS].sort());
  });
});
