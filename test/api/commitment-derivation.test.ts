import { beforeAll, expect, it } from 'vitest';
import type { PlanContent } from '../../src/domain/plans/plan.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { demoVersions, expectProblem, readDraft } from '../support/factories.ts';
import { adoptThroughApi, type CommitmentView } from '../support/monitoring-factories.ts';
import { type Client, useTestApp } from '../support/test-app.ts';

describeEachDatabase('commitments derived from an adopted text', (dialect) => {
  const ctx = useTestApp(dialect);
  let mediator: Client;
  let karst: Client;
  let observer: Client;
  let versions: { id: string; label: string }[];
  const processUrl = (path: string) => `/api/v1/processes/${ctx().demo.processId}${path}`;
  const agreementUrl = (path: string, id: string) => processUrl(`/agreements/${id}${path}`);

  beforeAll(async () => {
    mediator = await ctx().signIn(ctx().demo.mediatorEmail);
    karst = await ctx().signIn('lead@karst.example');
    observer = await ctx().signIn('observer@bcc.example');
    versions = await demoVersions(mediator, ctx().demo.planId);
  });

  it('derives one draft commitment per point, or per sub-item, from the adopted text only', async () => {
    const one = await adoptThroughApi(mediator, ctx().demo.processId, { versionId: versions[0]!.id });
    const draftOne: PlanContent = (
      await mediator.get(`/api/v1/plans/${ctx().demo.planId}/versions/${versions[0]!.id}`)
    ).json().content;
    const res = await mediator.post(agreementUrl('/commitments/derive', one.id), { granularity: 'points' });
    expect(res.statusCode, res.body).toBe(201);
    const items = res.json().items as CommitmentView[];
    expect(items.map((c) => c.pointId)).toEqual(draftOne.points.map((p) => p.id));
    expect(items.map((c) => c.pointNumber)).toEqual(draftOne.points.map((p) => p.number));
    for (const [i, c] of items.entries()) {
      expect(c.title.length).toBeGreaterThan(0);
      expect(c.description).toContain(draftOne.points[i]!.text.slice(0, 40));
    }
    // The working draft has moved on since Draft 1: its wording never reaches a derived commitment.
    const draft = (await readDraft(mediator, ctx().demo.planId)).content;
    const changed = draft.points.filter((p) => {
      const old = draftOne.points.find((o) => o.id === p.id);
      return old !== undefined && !old.text.includes(p.text);
    });
    expect(changed.length).toBeGreaterThan(0);
    const all = JSON.stringify(items);
    for (const p of changed) expect(all.includes(p.text), p.text).toBe(false);
    // A second click adds only what the first did not cover.
    const again = await mediator.post(agreementUrl('/commitments/derive', one.id), { granularity: 'points' });
    expect(again.json().items).toEqual([]);
    const bySub = await mediator.post(agreementUrl('/commitments/derive', one.id), {
      granularity: 'sub_items',
    });
    const withItems = draftOne.points.filter((p) => p.items.length > 0);
    expect(bySub.json().items.map((c: CommitmentView) => [c.pointId, c.subItem])).toEqual(
      withItems.flatMap((p) => p.items.map((_, i) => [p.id, i])),
    );
    const audit = await mediator.get(processUrl('/audit?action=commitment.derive'));
    expect(audit.json().entries.map((e: { summary: string }) => e.summary)).toEqual(
      expect.arrayContaining([`derived ${draftOne.points.length} commitments from Draft 1`]),
    );
    // Veloria and the guarantors hold Draft 1 and read the drafts; Karst does not.
    expect((await observer.get(agreementUrl('/commitments', one.id))).json().items).toHaveLength(
      items.length + bySub.json().items.length,
    );
    expectProblem(await karst.get(agreementUrl('/commitments', one.id)), 404, 'agreement.not_found');
  });
});
