import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import { canonicalJson } from '../../src/domain/plans/content-hash.ts';
import type { PlanContent } from '../../src/domain/plans/plan.ts';
import { describeEachDatabase } from '../support/databases.ts';
import {
  buildPlan,
  buildProcess,
  cutVersion,
  demoVersions,
  editDraft,
  expectProblem,
  problemFields,
  readDraft,
} from '../support/factories.ts';
import { useTestApp } from '../support/test-app.ts';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

describeEachDatabase('versions', (dialect) => {
  const ctx = useTestApp(dialect);
  const mediator = () => ctx().signIn(ctx().demo.mediatorEmail);

  it('cuts Draft N+1 of the working draft, hashed with SHA-256, and keeps it immutable', async () => {
    const client = await mediator();
    const planId = ctx().demo.planId;
    const draft = await readDraft(client, planId);
    const res = await client.post(`/api/v1/plans/${planId}/versions`, { note: '  for the Geneva round  ' });
    expect(res.statusCode, res.body).toBe(201);
    const { version } = res.json();
    expect(version).toMatchObject({
      planId,
      seq: 4,
      label: 'Draft 4',
      note: 'for the Geneva round',
      pointCount: draft.content.points.length,
      author: { name: 'Ingrid Salvesen' },
    });
    expect(version.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(version.contentHash).toBe(sha256(canonicalJson(draft.content)));

    const one = await client.get(`/api/v1/plans/${planId}/versions/${version.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json().version).toMatchObject({
      id: version.id,
      label: 'Draft 4',
      contentHash: version.contentHash,
    });
    expect(one.json().content).toEqual(draft.content);

    // Editing the draft afterwards leaves the version as it was.
    const point = draft.content.points[0]!;
    const edit = await editDraft(client, planId, draft.revision, {
      type: 'updatePoint',
      pointId: point.id,
      text: 'Changed after Draft 4 was cut.',
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const again = await client.get(`/api/v1/plans/${planId}/versions/${version.id}`);
    expect(again.json().content).toEqual(draft.content);
    expect((again.json().content as PlanContent).points[0]!.text).toBe(point.text);
    expect(sha256(canonicalJson(again.json().content))).toBe(version.contentHash);

    // ...and the next version is Draft 5.
    const next = await cutVersion(client, planId, { label: '  Geneva text  ' });
    expect(next).toMatchObject({ seq: 5, label: 'Geneva text' });
    expect(next.contentHash).not.toBe(version.contentHash);
  });

  it('refuses to cut a version when nothing changed since the last one', async () => {
    const client = await mediator();
    const process = await buildProcess(client);
    const { plan } = await buildPlan(client, process.id);
    const first = await cutVersion(client, plan.id);
    expect(first).toMatchObject({ seq: 1, label: 'Draft 1' });
    const res = await client.post(`/api/v1/plans/${plan.id}/versions`, {});
    const problem = expectProblem(res, 409, 'conflict');
    expect(problem.detail).toContain('Draft 1');
    const list = (await client.get(`/api/v1/plans/${plan.id}/versions`)).json().items;
    expect(list).toHaveLength(1);
  });

  it('cuts a version of an empty plan once', async () => {
    const client = await mediator();
    const process = await buildProcess(client);
    const created = await client.post(`/api/v1/processes/${process.id}/plans`, { title: 'Empty' });
    const planId = created.json().plan.id;
    expect((await cutVersion(client, planId)).label).toBe('Draft 1');
    expectProblem(await client.post(`/api/v1/plans/${planId}/versions`, {}), 409, 'conflict');
  });

  it('lists versions newest first', async () => {
    const client = await mediator();
    const process = await buildProcess(client);
    const { plan, content } = await buildPlan(client, process.id);
    await cutVersion(client, plan.id);
    await editDraft(client, plan.id, 0, { type: 'deletePoint', pointId: content.points[0]!.id });
    await cutVersion(client, plan.id);
    const res = await client.get(`/api/v1/plans/${plan.id}/versions`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items.map((v: { label: string }) => v.label)).toEqual(['Draft 2', 'Draft 1']);
    expect(items.map((v: { pointCount: number }) => v.pointCount)).toEqual([3, 4]);
    expect(items[0]).not.toHaveProperty('content');

    const planView = (await client.get(`/api/v1/plans/${plan.id}`)).json();
    expect(planView.plan.versionCount).toBe(2);
    expect(planView.versions.map((v: { label: string }) => v.label)).toEqual(['Draft 2', 'Draft 1']);
  });

  it('gets one demo version with its text', async () => {
    const client = await mediator();
    const [d1] = await demoVersions(client, ctx().demo.planId);
    const res = await client.get(`/api/v1/plans/${ctx().demo.planId}/versions/${d1!.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().version).toMatchObject({ label: 'Draft 1', seq: 1 });
    expect(res.json().content.points.length).toBeGreaterThan(10);
  });

  it('answers 404 for an unknown version and for a version of another plan', async () => {
    const client = await mediator();
    const process = await buildProcess(client);
    const { plan } = await buildPlan(client, process.id);
    const [d1] = await demoVersions(client, ctx().demo.planId);
    expectProblem(
      await client.get(`/api/v1/plans/${ctx().demo.planId}/versions/ver_missing`),
      404,
      'version.not_found',
    );
    expectProblem(await client.get(`/api/v1/plans/${plan.id}/versions/${d1!.id}`), 404, 'version.not_found');
  });

  it('refuses unknown fields and an overlong label', async () => {
    const client = await mediator();
    const planId = ctx().demo.planId;
    const unknown = await client.post(`/api/v1/plans/${planId}/versions`, { content: {} });
    expectProblem(unknown, 400, 'validation.failed');
    expect(problemFields(unknown)).toContain('body.content');
    const long = await client.post(`/api/v1/plans/${planId}/versions`, { label: 'x'.repeat(101) });
    expectProblem(long, 400, 'validation.failed');
    expect(problemFields(long)).toContain('body.label');
  });
});
