import { describe, expect, it } from 'vitest';
import { validateDraftInvariants } from '../domain/plans/edit/apply-draft-op.ts';
import { planContentSchema } from '../domain/plans/plan.schema.ts';
import type { PlanContent } from '../domain/plans/plan.ts';
import { isKnownTag } from '../domain/plans/taxonomy.ts';
import { sequentialIds } from '../domain/shared/ids.ts';
import { demoPlanHistory } from './demo-plan-history.ts';

const history = demoPlanHistory(sequentialIds());
const [one, two, three] = history.versions as [PlanContent, PlanContent, PlanContent];
const all = [one, two, three, history.draft];

const ids = (plan: PlanContent) => new Set(plan.points.map((p) => p.id));
const byId = (plan: PlanContent, id: string) => plan.points.find((p) => p.id === id);
const only = (a: PlanContent, b: PlanContent) => [...ids(a)].filter((id) => !ids(b).has(id));

describe('demoPlanHistory', () => {
  it('builds three versions and a draft that pass the schema and the draft invariants', () => {
    expect(history.versions).toHaveLength(3);
    for (const plan of all) {
      expect(planContentSchema.safeParse(plan).success).toBe(true);
      expect(validateDraftInvariants(plan)).toEqual([]);
      expect(plan.points.map((p) => p.number)).toEqual(plan.points.map((_, i) => String(i + 1)));
      expect(plan.areas).toHaveLength(4);
    }
    expect(one.points).toHaveLength(20);
  });

  it('is deterministic for a deterministic id generator', () => {
    expect(demoPlanHistory(sequentialIds())).toEqual(history);
  });

  it('tags every point from the taxonomy and has agreed and contested points', () => {
    for (const plan of all) {
      for (const p of plan.points) {
        expect(p.tags.length).toBeGreaterThan(0);
        expect(p.tags.every(isKnownTag)).toBe(true);
      }
    }
    const statuses = new Set(three.points.map((p) => p.status));
    expect([...statuses].sort()).toEqual(['agreed', 'contested', 'open']);
  });

  it('keeps point ids stable from one version to the next', () => {
    expect(only(one, two)).toHaveLength(1); // deleted
    expect(only(two, three)).toHaveLength(1); // merged into another point
    expect(only(three, history.draft)).toHaveLength(0);
    for (const [a, b] of [
      [one, two],
      [two, three],
      [three, history.draft],
    ] as const) {
      expect(a).not.toEqual(b);
    }
  });

  it('Draft 2 rewords, adds, deletes and moves points', () => {
    const common = [...ids(one)].filter((id) => ids(two).has(id));
    const reworded = common.filter((id) => byId(one, id)?.text !== byId(two, id)?.text);
    const moved = common.filter((id) => byId(one, id)?.areaId !== byId(two, id)?.areaId);
    expect(reworded).toHaveLength(3);
    expect(moved).toHaveLength(1);
    expect(only(two, one)).toHaveLength(1);
  });

  it('Draft 3 splits, merges, changes timelines and adds sub-items', () => {
    const split = three.points.filter((p) => !ids(two).has(p.id));
    expect(split).toHaveLength(1);
    expect(ids(two).has(split[0]!.derivedFrom[0]!)).toBe(true);
    const mergedAway = only(two, three)[0]!;
    const merged = three.points.find((p) => p.derivedFrom.includes(mergedAway));
    expect(merged?.text).toContain(byId(two, mergedAway)?.text);
    expect(three.points[0]?.text).toContain('within 96 hours');
    const withItems = (plan: PlanContent) => plan.points.filter((p) => p.items.length > 0).length;
    expect(withItems(three)).toBe(withItems(two) + 2);
  });

  it('the working draft is a few edits ahead of Draft 3', () => {
    expect(history.draft.points.length).toBe(three.points.length + 1);
    expect(history.draft.notes).toHaveLength(1);
    expect(history.revision).toBeGreaterThan(0);
  });
});
