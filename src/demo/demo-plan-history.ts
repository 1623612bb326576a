import { applyDraftOp } from '../domain/plans/edit/apply-draft-op.ts';
import type { PlanContent, Point } from '../domain/plans/plan.ts';
import type { IdGenerator } from '../domain/shared/ids.ts';
import { DRAFT_ONE } from './demo-plan-draft-one.ts';
import { type DemoStep, TO_DRAFT_THREE, TO_DRAFT_TWO, TO_WORKING_DRAFT } from './demo-plan-edits.ts';

export interface DemoPlanHistory {
  /** Draft 1, Draft 2, Draft 3, in order. */
  versions: PlanContent[];
  /** The working draft, a few edits ahead of Draft 3. */
  draft: PlanContent;
  /** The draft revision the working draft is at (one per edit applied). */
  revision: number;
}

/**
 * Builds the demo plan's versions and working draft by applying real draft edits to Draft 1, so
 * that point ids stay stable across versions and identity-based redlines show modified, moved,
 * added, deleted, split and merged points.
 */
export function demoPlanHistory(newId: IdGenerator): DemoPlanHistory {
  const ids = new Map<string, string>();
  const id = (key: string): string => {
    const found = ids.get(key);
    if (found === undefined) throw new Error(`demo plan: no point or area named ${key}`);
    return found;
  };
  let content = draftOne(newId, ids);
  let revision = 0;
  const run = (steps: DemoStep[]): PlanContent => {
    for (const step of steps) {
      const result = applyDraftOp(content, step.op(content, id), {
        currentRevision: revision,
        baseRevision: revision,
        newId,
      });
      if (step.creates !== undefined) {
        const known = new Set(content.points.map((p) => p.id));
        const created = result.touchedPointIds.find((pointId) => !known.has(pointId));
        if (created !== undefined) ids.set(step.creates, created);
      }
      content = result.content;
      revision++;
    }
    return content;
  };
  const versions = [content, run(TO_DRAFT_TWO), run(TO_DRAFT_THREE)];
  return { versions, draft: run(TO_WORKING_DRAFT), revision };
}

/** Draft 1 as PlanContent, numbered 1..N through the plan; records key → id in `ids`. */
function draftOne(newId: IdGenerator, ids: Map<string, string>): PlanContent {
  const points: Point[] = [];
  const areas = DRAFT_ONE.areas.map((area) => {
    const areaId = newId('area');
    ids.set(`area:${area.key}`, areaId);
    for (const p of area.points) {
      const pointId = newId('pt');
      ids.set(p.key, pointId);
      points.push({
        id: pointId,
        number: String(points.length + 1),
        areaId,
        text: p.text,
        items: p.items ?? [],
        tags: p.tags,
        status: p.status ?? 'open',
        derivedFrom: [],
        changedAt: 0,
      });
    }
    return { id: areaId, title: area.title };
  });
  return { title: DRAFT_ONE.title, preamble: DRAFT_ONE.preamble, areas, points, notes: [] };
}
