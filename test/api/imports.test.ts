import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { expect, it } from 'vitest';
import type { PlanContent } from '../../src/domain/plans/plan.ts';
import { describeEachDatabase } from '../support/databases.ts';
import {
  buildProcess,
  countRows,
  expectProblem,
  problemFields,
  readDraft,
  SAMPLE_PLAN_TEXT,
} from '../support/factories.ts';
import { useTestApp } from '../support/test-app.ts';

async function sampleDocxBase64(): Promise<string> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: 'Word framework', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: 'Ending the war', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: '1. A ceasefire shall take effect at once.' }),
          new Paragraph({ text: '2. Heavy weapons shall be withdrawn.' }),
          new Paragraph({ text: 'Humanitarian', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: '3. Prisoners shall be exchanged.' }),
        ],
      },
    ],
  });
  return (await Packer.toBuffer(doc)).toString('base64');
}

describeEachDatabase('plans and imports', (dialect) => {
  const ctx = useTestApp(dialect);
  const mediator = () => ctx().signIn(ctx().demo.mediatorEmail);

  it('creates an empty plan', async () => {
    const client = await mediator();
    const process = await buildProcess(client);
    const res = await client.post(`/api/v1/processes/${process.id}/plans`, { title: 'Blank framework' });
    expect(res.statusCode, res.body).toBe(201);
    const { plan } = res.json();
    expect(plan).toMatchObject({
      processId: process.id,
      title: 'Blank framework',
      revision: 0,
      pointCount: 0,
      versionCount: 0,
    });
    const draft = await readDraft(client, plan.id);
    expect(draft.content).toEqual({
      title: 'Blank framework',
      preamble: '',
      areas: [],
      points: [],
      notes: [],
    });
  });

  it('imports plan text as a new draft with its areas and points', async () => {
    const client = await mediator();
    const process = await buildProcess(client);
    const res = await client.post(`/api/v1/processes/${process.id}/plans/import`, {
      format: 'text',
      text: SAMPLE_PLAN_TEXT,
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.plan).toMatchObject({
      processId: process.id,
      title: 'Framework for the Orlen valley',
      revision: 0,
      pointCount: 4,
    });
    expect(body.problems).toEqual([]);
    const { content } = await readDraft(client, body.plan.id);
    expect(content.areas.map((a) => a.title)).toEqual(['Ending the war', 'Humanitarian']);
    expect(content.points.map((p) => p.number)).toEqual(['1', '2', '3', '4']);
    expect(content.points[1]?.items).toEqual([
      { label: 'a', text: 'artillery, to 25 km;' },
      { label: 'b', text: 'rocket systems, to 35 km.' },
    ]);
    expect(content.points[2]?.areaId).toBe(content.areas[1]?.id);
    expect(content.preamble).toContain('negotiate on this basis');

    const overview = (await client.get(`/api/v1/processes/${process.id}`)).json();
    expect(overview.plans.map((p: { id: string }) => p.id)).toEqual([body.plan.id]);
  });

  it('uses a given title over the one in the text', async () => {
    const client = await mediator();
    const process = await buildProcess(client);
    const res = await client.post(`/api/v1/processes/${process.id}/plans/import`, {
      format: 'text',
      text: SAMPLE_PLAN_TEXT,
      title: 'My title',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().plan.title).toBe('My title');
  });

  it('previews an import without writing anything', async () => {
    const client = await mediator();
    const process = await buildProcess(client);
    const plansBefore = await countRows(ctx(), 'plans');
    const auditBefore = await countRows(ctx(), 'audit_log');
    const res = await client.post(`/api/v1/processes/${process.id}/imports/preview`, {
      format: 'text',
      text: SAMPLE_PLAN_TEXT,
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.ok).toBe(true);
    expect(body.plan.points).toHaveLength(4);
    expect(body.problems).toEqual([]);
    expect(await countRows(ctx(), 'plans')).toBe(plansBefore);
    expect(await countRows(ctx(), 'audit_log')).toBe(auditBefore);
  });

  it('previews text without points as not ok, with located problems', async () => {
    const client = await mediator();
    const res = await client.post(`/api/v1/processes/${ctx().demo.processId}/imports/preview`, {
      format: 'text',
      text: 'Just a paragraph.\n\nAnd another one.',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: false, plan: null });
    expect(res.json().problems[0]).toMatchObject({ severity: 'error', line: expect.any(Number) });
  });

  it('round-trips a JSON export losslessly, ids included', async () => {
    const client = await mediator();
    const planId = ctx().demo.planId;
    const exported = await client.get(`/api/v1/plans/${planId}/export?format=json`);
    expect(exported.statusCode).toBe(200);
    const original = (await readDraft(client, planId)).content;

    const res = await client.post(`/api/v1/processes/${ctx().demo.processId}/plans/import`, {
      format: 'json',
      text: exported.body,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().problems).toEqual([]);
    const imported = (await readDraft(client, res.json().plan.id)).content;
    // Everything comes back; only the revision stamps restart with the new plan's revision 0.
    expect(imported).toEqual({ ...original, points: original.points.map((p) => ({ ...p, changedAt: 0 })) });
    expect(
      (
        await client.post('/api/v1/processes/' + ctx().demo.processId + '/imports/preview', {
          format: 'json',
          text: exported.body,
        })
      ).json().plan,
    ).toEqual(original);
  });

  it('round-trips a version export, whose content hash still matches', async () => {
    const client = await mediator();
    const planId = ctx().demo.planId;
    const versions = (await client.get(`/api/v1/plans/${planId}/versions`)).json().items;
    const v = versions[0];
    const exported = await client.get(`/api/v1/plans/${planId}/export?format=json&version=${v.id}`);
    expect(exported.statusCode).toBe(200);
    const preview = await client.post(`/api/v1/processes/${ctx().demo.processId}/imports/preview`, {
      format: 'json',
      text: exported.body,
    });
    expect(preview.json().ok).toBe(true);
    expect(preview.json().problems).toEqual([]);
    const versionContent = (await client.get(`/api/v1/plans/${planId}/versions/${v.id}`)).json().content;
    expect(preview.json().plan).toEqual(versionContent);
  });

  it('imports a Word document sent as base64', async () => {
    const client = await mediator();
    const process = await buildProcess(client);
    const res = await client.post(`/api/v1/processes/${process.id}/plans/import`, {
      format: 'docx',
      contentBase64: await sampleDocxBase64(),
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().plan).toMatchObject({ title: 'Word framework', pointCount: 3 });
    const { content } = await readDraft(client, res.json().plan.id);
    expect(content.areas.map((a: PlanContent['areas'][number]) => a.title)).toEqual([
      'Ending the war',
      'Humanitarian',
    ]);
    expect(content.points.map((p) => p.text)).toEqual([
      'A ceasefire shall take effect at once.',
      'Heavy weapons shall be withdrawn.',
      'Prisoners shall be exchanged.',
    ]);
  });

  it('refuses unknown fields on import and preview, naming them', async () => {
    const client = await mediator();
    const plansBefore = await countRows(ctx(), 'plans');
    for (const url of ['plans/import', 'imports/preview']) {
      const res = await client.post(`/api/v1/processes/${ctx().demo.processId}/${url}`, {
        format: 'text',
        text: SAMPLE_PLAN_TEXT,
        processId: 'prc_other',
      });
      expectProblem(res, 400, 'validation.failed');
      expect(problemFields(res)).toEqual(['body.processId']);
    }
    expect(await countRows(ctx(), 'plans')).toBe(plansBefore);
  });

  it('refuses a docx import without content, naming the field', async () => {
    const client = await mediator();
    const res = await client.post(`/api/v1/processes/${ctx().demo.processId}/plans/import`, {
      format: 'docx',
    });
    expectProblem(res, 400, 'validation.failed');
    expect(problemFields(res)).toContain('body.contentBase64');
  });

  for (const [name, body] of [
    ['text without numbered points', { format: 'text', text: 'Nothing to see here.\nReally nothing.' }],
    ['empty text', { format: 'text', text: '   \n  ' }],
    ['malformed JSON', { format: 'json', text: '{"format": "entente-plan", ' }],
    ['JSON of another format', { format: 'json', text: '{"format": "other", "plan": {}}' }],
    [
      'a docx that is not a ZIP',
      { format: 'docx', contentBase64: Buffer.from('hello world').toString('base64') },
    ],
  ] as const) {
    it(`refuses ${name} with 422 import.failed and writes nothing`, async () => {
      const client = await mediator();
      const plansBefore = await countRows(ctx(), 'plans');
      const auditBefore = await countRows(ctx(), 'audit_log');
      const res = await client.post(`/api/v1/processes/${ctx().demo.processId}/plans/import`, body);
      const problem = expectProblem(res, 422, 'import.failed');
      expect(problem.problems).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            severity: 'error',
            line: expect.any(Number),
            message: expect.any(String),
          }),
        ]),
      );
      expect(problem.detail).toMatch(/^line \d+: /);
      expect(await countRows(ctx(), 'plans')).toBe(plansBefore);
      expect(await countRows(ctx(), 'audit_log')).toBe(auditBefore);
    });
  }

  it('refuses an import into a process that does not exist', async () => {
    const client = await mediator();
    const res = await client.post('/api/v1/processes/prc_missing/plans/import', {
      format: 'text',
      text: SAMPLE_PLAN_TEXT,
    });
    expectProblem(res, 404, 'process.not_found');
  });
});
