import { expect, it } from 'vitest';
import type { PlanContent } from '../../src/domain/plans/plan.ts';
import { describeEachDatabase } from '../support/databases.ts';
import {
  buildPlan,
  buildProcess,
  editDraft,
  expectProblem,
  problemFields,
  readDraft,
} from '../support/factories.ts';
import { type Client, useTestApp } from '../support/test-app.ts';

const ids = (c: PlanContent) => c.points.map((p) => p.id);
const numbers = (c: PlanContent) => c.points.map((p) => p.number);

describeEachDatabase('draft edits', (dialect) => {
  const ctx = useTestApp(dialect);
  let client: Client;
  let processId: string;

  const freshPlan = async () => {
    client ??= await ctx().signIn(ctx().demo.mediatorEmail);
    processId ??= (await buildProcess(client)).id;
    const built = await buildPlan(client, processId);
    return { planId: built.plan.id, content: built.content, revision: built.revision };
  };

  /** Applies an op at the current revision and expects it to succeed. */
  const apply = async (planId: string, revision: number, op: Record<string, unknown>) => {
    const res = await editDraft(client, planId, revision, op);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { revision: number; content: PlanContent };
    expect(body.revision).toBe(revision + 1);
    // The response is what is stored.
    expect((await readDraft(client, planId)).content).toEqual(body.content);
    return body;
  };

  it('updates a point: text, status and tags, and bumps the revision', async () => {
    const { planId, content } = await freshPlan();
    const target = content.points[0]!;
    const { content: after } = await apply(planId, 0, {
      type: 'updatePoint',
      pointId: target.id,
      text: 'A complete ceasefire shall take effect at once.',
      status: 'contested',
      tags: ['ceasefire'],
    });
    expect(after.points[0]).toMatchObject({
      id: target.id,
      number: '1',
      text: 'A complete ceasefire shall take effect at once.',
      status: 'contested',
      tags: ['ceasefire'],
      changedAt: 1,
    });
    expect(after.points.slice(1)).toEqual(content.points.slice(1));
    expect((await readDraft(client, planId)).revision).toBe(1);
  });

  it('adds a point after another and renumbers', async () => {
    const { planId, content } = await freshPlan();
    const [p1, p2] = content.points;
    const { content: after } = await apply(planId, 0, {
      type: 'addPoint',
      afterPointId: p1!.id,
      areaId: p1!.areaId,
      text: 'A new second point.',
    });
    expect(after.points).toHaveLength(5);
    expect(after.points[1]).toMatchObject({ text: 'A new second point.', number: '2', status: 'open' });
    expect(after.points[2]).toMatchObject({ id: p2!.id, number: '3' });
    expect(numbers(after)).toEqual(['1', '2', '3', '4', '5']);
  });

  it('deletes a point and renumbers the rest', async () => {
    const { planId, content } = await freshPlan();
    const { content: after } = await apply(planId, 0, {
      type: 'deletePoint',
      pointId: content.points[1]!.id,
    });
    expect(ids(after)).toEqual([content.points[0]!.id, content.points[2]!.id, content.points[3]!.id]);
    expect(numbers(after)).toEqual(['1', '2', '3']);
  });

  it('moves a point into another area', async () => {
    const { planId, content } = await freshPlan();
    const [p1, p2, p3, p4] = content.points;
    const humanitarian = content.areas[1]!.id;
    const { content: after } = await apply(planId, 0, {
      type: 'movePoint',
      pointId: p1!.id,
      afterPointId: p4!.id,
      areaId: humanitarian,
    });
    expect(ids(after)).toEqual([p2!.id, p3!.id, p4!.id, p1!.id]);
    expect(after.points[3]).toMatchObject({ areaId: humanitarian, number: '4' });
  });

  it('splits a point: the first part keeps its identity, the second derives from it', async () => {
    const { planId, content } = await freshPlan();
    const p1 = content.points[0]!;
    const at = p1.text.indexOf('at 00:00');
    const { content: after } = await apply(planId, 0, { type: 'splitPoint', pointId: p1.id, at });
    expect(after.points).toHaveLength(5);
    expect(after.points[0]).toMatchObject({ id: p1.id, text: 'A complete ceasefire shall take effect' });
    expect(after.points[1]).toMatchObject({
      text: 'at 00:00 on the day after signature.',
      derivedFrom: [p1.id],
    });
    expect(numbers(after)).toEqual(['1', '2', '3', '4', '5']);
  });

  it('merges adjacent points into the first', async () => {
    const { planId, content } = await freshPlan();
    const [, , p3, p4] = content.points;
    const { content: after } = await apply(planId, 0, { type: 'mergePoints', pointIds: [p3!.id, p4!.id] });
    expect(after.points).toHaveLength(3);
    expect(after.points[2]).toMatchObject({ id: p3!.id, derivedFrom: [p4!.id] });
    expect(after.points[2]!.text).toBe(`${p3!.text}\n\n${p4!.text}`);
  });

  it('refuses to merge points that are not adjacent in one area, naming op.pointIds', async () => {
    const { planId, content } = await freshPlan();
    const res = await editDraft(client, planId, 0, {
      type: 'mergePoints',
      pointIds: [content.points[0]!.id, content.points[2]!.id],
    });
    expectProblem(res, 400, 'validation.failed');
    expect(problemFields(res).some((f) => f.endsWith('op.pointIds'))).toBe(true);
    expect((await readDraft(client, planId)).revision).toBe(0);
  });

  it('adds, renames and deletes areas', async () => {
    const { planId, content } = await freshPlan();
    const p2 = content.points[1]!;
    const added = await apply(planId, 0, { type: 'addArea', title: 'Weapons', beforePointId: p2.id });
    expect(added.content.areas.map((a) => a.title)).toEqual(['Ending the war', 'Weapons', 'Humanitarian']);
    const weapons = added.content.areas[1]!;
    expect(added.content.points[1]!.areaId).toBe(weapons.id);

    const renamed = await apply(planId, 1, {
      type: 'renameArea',
      areaId: weapons.id,
      title: 'Heavy weapons',
    });
    expect(renamed.content.areas[1]).toEqual({ id: weapons.id, title: 'Heavy weapons' });

    // An area that still holds points cannot be deleted.
    const refused = await editDraft(client, planId, 2, { type: 'deleteArea', areaId: weapons.id });
    expectProblem(refused, 400, 'validation.failed');
    expect(problemFields(refused).some((f) => f.endsWith('op.areaId'))).toBe(true);

    const empty = await apply(planId, 2, { type: 'addArea', title: 'Annex', beforePointId: null });
    const annex = empty.content.areas.at(-1)!;
    expect(annex.title).toBe('Annex');
    const deleted = await apply(planId, 3, { type: 'deleteArea', areaId: annex.id });
    expect(deleted.content.areas.map((a) => a.title)).toEqual([
      'Ending the war',
      'Heavy weapons',
      'Humanitarian',
    ]);
  });

  it('merges a stale edit of a different point', async () => {
    const { planId, content } = await freshPlan();
    const [p1, p2] = content.points;
    await apply(planId, 0, { type: 'updatePoint', pointId: p1!.id, text: 'Alice edits point 1.' });
    // Bob still looks at revision 0 and edits point 2.
    const res = await editDraft(client, planId, 0, {
      type: 'updatePoint',
      pointId: p2!.id,
      text: 'Bob edits point 2.',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().revision).toBe(2);
    const draft = await readDraft(client, planId);
    expect(draft.revision).toBe(2);
    expect(draft.content.points[0]!.text).toBe('Alice edits point 1.');
    expect(draft.content.points[1]!.text).toBe('Bob edits point 2.');
  });

  it('refuses a stale edit of the same point with 409 and the current text', async () => {
    const { planId, content } = await freshPlan();
    const p1 = content.points[0]!;
    await apply(planId, 0, { type: 'updatePoint', pointId: p1.id, text: 'Alice edits point 1.' });
    const res = await editDraft(client, planId, 0, {
      type: 'updatePoint',
      pointId: p1.id,
      text: 'Bob overwrites.',
    });
    const problem = expectProblem(res, 409, 'draft.conflict');
    expect(problem.currentRevision).toBe(1);
    expect(problem.conflictingPointIds).toEqual([p1.id]);
    const current = problem.current as PlanContent;
    expect(current.points[0]!.text).toBe('Alice edits point 1.');
    expect(current).toEqual((await readDraft(client, planId)).content);
    // Nothing was overwritten.
    expect((await readDraft(client, planId)).revision).toBe(1);
  });

  it('merges simultaneous edits of different points; none is lost', async () => {
    const { planId, content } = await freshPlan();
    const results = await Promise.all(
      content.points
        .slice(0, 3)
        .map((p, i) =>
          editDraft(client, planId, 0, { type: 'updatePoint', pointId: p.id, text: `Parallel edit ${i}.` }),
        ),
    );
    for (const res of results) expect(res.statusCode, res.body).toBe(200);
    expect(results.map((r) => r.json().revision).sort()).toEqual([1, 2, 3]);
    const draft = await readDraft(client, planId);
    expect(draft.revision).toBe(3);
    expect(draft.content.points.slice(0, 3).map((p) => p.text)).toEqual([
      'Parallel edit 0.',
      'Parallel edit 1.',
      'Parallel edit 2.',
    ]);
  });

  it('lets exactly one of several simultaneous edits of the same point win', async () => {
    const { planId, content } = await freshPlan();
    const pointId = content.points[0]!.id;
    const results = await Promise.all(
      [0, 1, 2].map((i) =>
        editDraft(client, planId, 0, { type: 'updatePoint', pointId, text: `Writer ${i}.` }),
      ),
    );
    const winners = results.filter((r) => r.statusCode === 200);
    expect(winners).toHaveLength(1);
    for (const loser of results.filter((r) => r.statusCode !== 200))
      expectProblem(loser, 409, 'draft.conflict');
    const draft = await readDraft(client, planId);
    expect(draft.revision).toBe(1);
    expect(draft.content.points[0]!.text).toBe(winners[0]!.json().content.points[0].text);
  });

  it('refuses a base revision ahead of the draft, naming baseRevision', async () => {
    const { planId, content } = await freshPlan();
    const res = await editDraft(client, planId, 7, { type: 'deletePoint', pointId: content.points[0]!.id });
    expectProblem(res, 400, 'validation.failed');
    expect(problemFields(res).some((f) => f.endsWith('baseRevision'))).toBe(true);
  });

  it('answers 404 naming the field for an unknown point id', async () => {
    const { planId } = await freshPlan();
    const res = await editDraft(client, planId, 0, { type: 'updatePoint', pointId: 'pt_ghost', text: 'x' });
    const problem = expectProblem(res, 404, 'point.not_found');
    expect(problemFields(res).some((f) => f.endsWith('op.pointId'))).toBe(true);
    expect(problem.detail).toContain('pt_ghost');

    const move = await editDraft(client, planId, 0, {
      type: 'movePoint',
      pointId: 'pt_ghost',
      afterPointId: null,
      areaId: null,
    });
    expectProblem(move, 404, 'point.not_found');
    const area = await editDraft(client, planId, 0, { type: 'renameArea', areaId: 'ar_ghost', title: 'x' });
    expectProblem(area, 404, 'area.not_found');
    expect(problemFields(area).some((f) => f.endsWith('op.areaId'))).toBe(true);
  });

  it('refuses invalid ops with 400 naming the field', async () => {
    const { planId, content } = await freshPlan();
    const pointId = content.points[0]!.id;
    const cases: [Record<string, unknown>, string][] = [
      [{ type: 'updatePoint', pointId, text: 42 }, 'body.op.text'],
      [{ type: 'updatePoint', pointId, status: 'done' }, 'body.op.status'],
      [{ type: 'updatePoint', pointId, colour: 'red' }, 'body.op.colour'],
      [{ type: 'addPoint', afterPointId: null, areaId: null }, 'body.op.text'],
      [{ type: 'splitPoint', pointId, at: 0 }, 'body.op.at'],
      [{ type: 'mergePoints', pointIds: [pointId] }, 'body.op.pointIds'],
      [{ type: 'renameArea', areaId: content.areas[0]!.id, title: '   ' }, 'body.op.title'],
      [{ type: 'explode' }, 'body.op.type'],
    ];
    for (const [op, field] of cases) {
      const res = await editDraft(client, planId, 0, op);
      expectProblem(res, 400, 'validation.failed');
      expect(problemFields(res), JSON.stringify(op)).toContain(field);
    }
    const noRevision = await client.patch(`/api/v1/plans/${planId}/draft`, {
      op: { type: 'deletePoint', pointId },
    });
    expectProblem(noRevision, 400, 'validation.failed');
    expect(problemFields(noRevision)).toContain('body.baseRevision');
    expect((await readDraft(client, planId)).revision).toBe(0);
  });

  it('refuses an empty update and a split outside the text', async () => {
    const { planId, content } = await freshPlan();
    const p1 = content.points[0]!;
    const empty = await editDraft(client, planId, 0, { type: 'updatePoint', pointId: p1.id });
    expectProblem(empty, 400, 'validation.failed');
    const split = await editDraft(client, planId, 0, { type: 'splitPoint', pointId: p1.id, at: 10_000 });
    expectProblem(split, 400, 'validation.failed');
    expect(problemFields(split).some((f) => f.endsWith('op.at'))).toBe(true);
  });

  it('edits the plan title and preamble', async () => {
    const { planId } = await freshPlan();
    const { content } = await apply(planId, 0, {
      type: 'updatePlan',
      title: 'Renamed framework',
      preamble: 'New preamble.',
    });
    expect(content).toMatchObject({ title: 'Renamed framework', preamble: 'New preamble.' });
    const plan = (await client.get(`/api/v1/plans/${planId}`)).json().plan;
    expect(plan.title).toBe('Renamed framework');
  });

  it('answers 404 for a plan that does not exist', async () => {
    await freshPlan();
    const res = await editDraft(client, 'pln_missing', 0, { type: 'deletePoint', pointId: 'x' });
    expectProblem(res, 404, 'plan.not_found');
  });
});
