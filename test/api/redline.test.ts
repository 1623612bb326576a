import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';
import { demoVersions, editDraft, expectProblem, problemFields, readDraft } from '../support/factories.ts';
import { useTestApp } from '../support/test-app.ts';

interface RedlineBody {
  from: { ref: string; label: string };
  to: { ref: string; label: string };
  redline: {
    alignment: string;
    counts: Record<string, number>;
    changes: {
      kind: string;
      old: { id: string }[];
      new: { id: string }[];
      segments: { op: string; text: string }[];
    }[];
  };
}

describeEachDatabase('redline', (dialect) => {
  const ctx = useTestApp(dialect);
  const mediator = () => ctx().signIn(ctx().demo.mediatorEmail);
  const redline = async (from: string, to?: string) => {
    const client = await mediator();
    const res = await client.get(
      `/api/v1/plans/${ctx().demo.planId}/redline?from=${from}${to ? `&to=${to}` : ''}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as RedlineBody;
  };

  it('redlines Draft 1 → Draft 2 by identity: modified, added, deleted, moved', async () => {
    const [d1, d2] = await demoVersions(await mediator(), ctx().demo.planId);
    const body = await redline(d1!.id, d2!.id);
    expect(body.from).toEqual({ ref: d1!.id, label: 'Draft 1' });
    expect(body.to).toEqual({ ref: d2!.id, label: 'Draft 2' });
    expect(body.redline.alignment).toBe('identity');
    const { counts } = body.redline;
    expect(counts.modified).toBeGreaterThanOrEqual(3);
    expect(counts.added).toBeGreaterThanOrEqual(1);
    expect(counts.deleted).toBeGreaterThanOrEqual(1);
    expect(counts.moved).toBeGreaterThanOrEqual(1);
    expect(counts.split).toBe(0);
    expect(counts.merged).toBe(0);
    const modified = body.redline.changes.find((c) => c.kind === 'modified');
    expect(modified?.segments.some((s) => s.op === 'insert')).toBe(true);
  });

  it('redlines Draft 2 → Draft 3 by identity: split and merged', async () => {
    const [, d2, d3] = await demoVersions(await mediator(), ctx().demo.planId);
    const { redline: r } = await redline(d2!.id, d3!.id);
    expect(r.alignment).toBe('identity');
    expect(r.counts.split).toBeGreaterThanOrEqual(1);
    expect(r.counts.merged).toBeGreaterThanOrEqual(1);
    expect(r.counts.modified).toBeGreaterThanOrEqual(1);
    const split = r.changes.find((c) => c.kind === 'split');
    expect(split?.old).toHaveLength(1);
    expect(split?.new.length).toBeGreaterThanOrEqual(2);
    const merged = r.changes.find((c) => c.kind === 'merged');
    expect(merged?.old.length).toBeGreaterThanOrEqual(2);
    expect(merged?.new).toHaveLength(1);
  });

  it('redlines Draft 1 → Draft 3 with every kind of change', async () => {
    const [d1, , d3] = await demoVersions(await mediator(), ctx().demo.planId);
    const { redline: r } = await redline(d1!.id, d3!.id);
    for (const kind of ['modified', 'moved', 'added', 'deleted', 'split', 'merged'])
      expect(r.counts[kind], kind).toBeGreaterThanOrEqual(1);
    const total = Object.values(r.counts).reduce((a, b) => a + b, 0);
    expect(total).toBe(r.changes.length);
  });

  it('redlines a version against the working draft (the default "to")', async () => {
    const client = await mediator();
    const [, , d3] = await demoVersions(client, ctx().demo.planId);
    const body = await redline(d3!.id);
    expect(body.to).toEqual({ ref: 'draft', label: 'Working draft' });
    expect(body.redline.counts.modified).toBeGreaterThanOrEqual(1);

    // A fresh edit shows up at once.
    const draft = await readDraft(client, ctx().demo.planId);
    const d3Content = (await client.get(`/api/v1/plans/${ctx().demo.planId}/versions/${d3!.id}`)).json()
      .content;
    const inDraftThree = new Set(d3Content.points.map((p: { id: string }) => p.id));
    const point = draft.content.points.filter((p) => inDraftThree.has(p.id)).at(-1)!;
    const edit = await editDraft(client, ctx().demo.planId, draft.revision, {
      type: 'updatePoint',
      pointId: point.id,
      text: `${point.text} Redline marker.`,
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const after = await redline(d3!.id, 'draft');
    const change = after.redline.changes.find((c) => c.new.some((p) => p.id === point.id));
    expect(change?.kind).toBe('modified');
    expect(change?.segments).toContainEqual(
      expect.objectContaining({ op: 'insert', text: expect.stringContaining('marker') }),
    );
  });

  it('shows no changes between a text and itself', async () => {
    const [d1] = await demoVersions(await mediator(), ctx().demo.planId);
    const { redline: r } = await redline(d1!.id, d1!.id);
    expect(r.counts.unchanged).toBe(r.changes.length);
  });

  it('answers 404 for an unknown version', async () => {
    const client = await mediator();
    const res = await client.get(`/api/v1/plans/${ctx().demo.planId}/redline?from=ver_missing`);
    const problem = expectProblem(res, 404, 'version.not_found');
    expect(problem.detail).toContain('ver_missing');
  });

  it('requires "from" and refuses unknown query fields', async () => {
    const client = await mediator();
    const missing = await client.get(`/api/v1/plans/${ctx().demo.planId}/redline`);
    expectProblem(missing, 400, 'validation.failed');
    expect(problemFields(missing)).toContain('query.from');
    const extra = await client.get(`/api/v1/plans/${ctx().demo.planId}/redline?from=draft&colour=red`);
    expectProblem(extra, 400, 'validation.failed');
    expect(problemFields(extra)).toContain('query.colour');
  });
});
