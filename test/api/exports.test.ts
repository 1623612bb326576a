import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';
import {
  buildPlan,
  buildProcess,
  demoVersions,
  expectProblem,
  problemFields,
  readDraft,
} from '../support/factories.ts';
import { useTestApp } from '../support/test-app.ts';

const MEDIA = {
  md: 'text/markdown',
  json: 'application/json',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

/** `attachment; filename="<letters, digits, dashes>.<ext>"` and nothing a browser could misread. */
function expectSafeAttachment(header: unknown, ext: string): string {
  expect(typeof header).toBe('string');
  const match = /^attachment; filename="([A-Za-z0-9\p{L}\p{N}-]+)\.([a-z]+)"$/u.exec(header as string);
  expect(match, String(header)).not.toBeNull();
  expect(match?.[2]).toBe(ext);
  expect(header).not.toMatch(/[/\\]|\.\./);
  return match?.[1] ?? '';
}

describeEachDatabase('exports', (dialect) => {
  const ctx = useTestApp(dialect);
  const mediator = () => ctx().signIn(ctx().demo.mediatorEmail);

  for (const format of ['md', 'json', 'docx', 'pdf'] as const) {
    for (const which of ['draft', 'version'] as const) {
      it(`exports the ${which} as ${format}`, async () => {
        const client = await mediator();
        const planId = ctx().demo.planId;
        const ref = which === 'draft' ? 'draft' : (await demoVersions(client, planId)).at(-1)!.id;
        const res = await client.get(`/api/v1/plans/${planId}/export?format=${format}&version=${ref}`);
        expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
        expect(res.headers['content-type']).toContain(MEDIA[format]);
        expect(res.headers['cache-control']).toBe('no-store');
        const stem = expectSafeAttachment(res.headers['content-disposition'], format);
        expect(stem).toContain(which === 'draft' ? 'Working-draft' : 'Draft-3');
        const bytes = res.rawPayload;
        expect(bytes.length).toBeGreaterThan(200);
        if (format === 'docx') expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
        if (format === 'pdf') expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        if (format === 'json') {
          const doc = res.json();
          expect(doc).toMatchObject({ format: 'entente-plan', formatVersion: 1 });
          if (which === 'draft') expect(doc.version).toBeNull();
          else
            expect(doc.version).toMatchObject({
              label: 'Draft 3',
              contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
            });
        }
        if (format === 'md') expect(res.body).toMatch(/^# /m);
      });
    }
  }

  it('exports Markdown that re-imports with the same number of points', async () => {
    const client = await mediator();
    const planId = ctx().demo.planId;
    const { content } = await readDraft(client, planId);
    const md = await client.get(`/api/v1/plans/${planId}/export?format=md`);
    expect(md.statusCode).toBe(200);
    const preview = await client.post(`/api/v1/processes/${ctx().demo.processId}/imports/preview`, {
      format: 'text',
      text: md.body,
    });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().ok).toBe(true);
    expect(preview.json().plan.points).toHaveLength(content.points.length);
    expect(preview.json().plan.areas).toHaveLength(content.areas.length);
  });

  // The Word export writes point numbers in bold; the Word reader must still see them as numbers.
  it('exports a Word file that re-imports with the same number of points', async () => {
    const client = await mediator();
    const planId = ctx().demo.planId;
    const { content } = await readDraft(client, planId);
    const docx = await client.get(`/api/v1/plans/${planId}/export?format=docx`);
    const preview = await client.post(`/api/v1/processes/${ctx().demo.processId}/imports/preview`, {
      format: 'docx',
      contentBase64: docx.rawPayload.toString('base64'),
    });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().ok, preview.body).toBe(true);
    expect(preview.json().plan.points).toHaveLength(content.points.length);
  });

  it('makes a safe file name from a hostile title', async () => {
    const client = await mediator();
    const process = await buildProcess(client);
    const { plan } = await buildPlan(client, process.id, undefined, '../../etc/passwd "evil"; x=\r\ny');
    const res = await client.get(`/api/v1/plans/${plan.id}/export?format=md`);
    expect(res.statusCode).toBe(200);
    const stem = expectSafeAttachment(res.headers['content-disposition'], 'md');
    expect(stem).toBe('etc-passwd-evil-x-y-Working-draft');
  });

  it('exports a plan with a non-Latin title under a readable, safe file name', async () => {
    const client = await mediator();
    const process = await buildProcess(client);
    const { plan } = await buildPlan(client, process.id, undefined, 'Рамкова угода — Régions côtières');
    for (const format of ['md', 'pdf'] as const) {
      const res = await client.get(`/api/v1/plans/${plan.id}/export?format=${format}`);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      const header = String(res.headers['content-disposition']);
      // An ASCII fallback for old clients, the real name in RFC 5987 form for the rest.
      expect(header).toMatch(
        /^attachment; filename="[A-Za-z0-9-]+\.[a-z]+"; filename\*=UTF-8''[A-Za-z0-9%-]+\.[a-z]+$/,
      );
      const encoded = /filename\*=UTF-8''(.+)$/.exec(header)?.[1] ?? '';
      expect(decodeURIComponent(encoded)).toBe(`Рамкова-угода-Regions-cotieres-Working-draft.${format}`);
      expect(header).toContain('filename="Regions-cotieres-Working-draft.');
    }
  });

  it('refuses an unknown format or version', async () => {
    const client = await mediator();
    const planId = ctx().demo.planId;
    const bad = await client.get(`/api/v1/plans/${planId}/export?format=exe`);
    expectProblem(bad, 400, 'validation.failed');
    expect(problemFields(bad)).toContain('query.format');
    const none = await client.get(`/api/v1/plans/${planId}/export`);
    expectProblem(none, 400, 'validation.failed');
    expect(problemFields(none)).toContain('query.format');
    expectProblem(
      await client.get(`/api/v1/plans/${planId}/export?format=pdf&version=ver_nope`),
      404,
      'version.not_found',
    );
  });
});
