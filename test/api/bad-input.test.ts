import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';
import {
  buildPlan,
  buildProcess,
  countRows,
  editDraft,
  expectProblem,
  problemFields,
  readDraft,
  SAMPLE_PLAN_TEXT,
} from '../support/factories.ts';
import { type Client, useTestApp } from '../support/test-app.ts';

describeEachDatabase('bad input', (dialect) => {
  const ctx = useTestApp(dialect);
  let client: Client;
  let processId: string;
  let planId: string;
  let pointId: string;

  const setup = async () => {
    if (client) return;
    client = await ctx().signIn(ctx().demo.mediatorEmail);
    processId = (await buildProcess(client)).id;
    const built = await buildPlan(client, processId);
    planId = built.plan.id;
    pointId = built.content.points[0]!.id;
  };

  const raw = (method: 'POST' | 'PATCH', url: string, payload: string | Buffer, contentType?: string) =>
    client.request({
      method,
      url,
      payload,
      headers: contentType === undefined ? {} : { 'content-type': contentType },
    });

  it('refuses an empty JSON body', async () => {
    await setup();
    const res = await raw('POST', '/api/v1/processes', '', 'application/json');
    expectProblem(res, 400, 'validation.failed');
    expect(problemFields(res)).toContain('body');
  });

  it('refuses a request without any body where one is required', async () => {
    await setup();
    const res = await client.request({ method: 'POST', url: '/api/v1/processes' });
    expectProblem(res, 400, 'validation.failed');
    expect(problemFields(res)).toContain('body');
  });

  it('refuses invalid JSON', async () => {
    await setup();
    for (const payload of ['{"title": ', '{title: "x"}', 'null x', '\u0000']) {
      const res = await raw('POST', '/api/v1/processes', payload, 'application/json');
      const problem = expectProblem(res, 400, 'validation.failed');
      expect(problemFields(res)).toEqual(['body']);
      expect(problem.detail).toContain('not valid JSON');
    }
  });

  it('refuses JSON that tries prototype poisoning', async () => {
    await setup();
    const res = await raw(
      'POST',
      '/api/v1/processes',
      '{"title": "x", "__proto__": {"isAdmin": true}}',
      'application/json',
    );
    expectProblem(res, 400, 'validation.failed');
  });

  it('refuses a body that is not JSON', async () => {
    await setup();
    const xml = await raw('POST', '/api/v1/processes', '<title>x</title>', 'application/xml');
    const problem = expectProblem(xml, 415, 'validation.failed');
    expect(problem.detail).toContain('application/json');
    // Plain text is parsed as a string, which is not the object the route wants.
    const text = await raw('POST', '/api/v1/processes', 'title=x', 'text/plain');
    expectProblem(text, 400, 'validation.failed');
    expect(problemFields(text)).toContain('body');
    const form = await raw('POST', '/api/v1/processes', 'title=x', 'application/x-www-form-urlencoded');
    expect([400, 415]).toContain(form.statusCode);
    expectProblem(form, form.statusCode, 'validation.failed');
  });

  it('refuses unknown fields, naming each as body.<key>', async () => {
    await setup();
    const res = await client.post('/api/v1/processes', { title: 'x', owner: 'me', isAdmin: true });
    expectProblem(res, 400, 'validation.failed');
    expect(problemFields(res)).toEqual(expect.arrayContaining(['body.owner', 'body.isAdmin']));
    const nested = await editDraft(client, planId, 0, { type: 'deletePoint', pointId, force: true });
    expectProblem(nested, 400, 'validation.failed');
    expect(problemFields(nested)).toContain('body.op.force');
    const top = await client.patch(`/api/v1/plans/${planId}/draft`, {
      baseRevision: 0,
      op: { type: 'deletePoint', pointId },
      user: 'x',
    });
    expectProblem(top, 400, 'validation.failed');
    expect(problemFields(top)).toContain('body.user');
  });

  it('refuses wrong types, naming the field', async () => {
    await setup();
    const cases: [string, unknown, string][] = [
      ['/api/v1/processes', { title: 42 }, 'body.title'],
      ['/api/v1/processes', { title: ['x'] }, 'body.title'],
      ['/api/v1/processes', { title: 'x', description: { a: 1 } }, 'body.description'],
      ['/api/v1/processes', [], 'body'],
      ['/api/v1/processes', 'a string', 'body'],
      [`/api/v1/processes/${processId}/plans`, { title: null }, 'body.title'],
      [`/api/v1/processes/${processId}/plans/import`, { format: 'pdf', text: 'x' }, 'body.format'],
      [
        `/api/v1/processes/${processId}/plans/import`,
        { format: 'docx', contentBase64: 'not base64!' },
        'body.contentBase64',
      ],
      ['/api/v1/auth/sign-in', { email: 1, password: true }, 'body.email'],
    ];
    for (const [url, payload, field] of cases) {
      const res = await client.request({
        method: 'POST',
        url,
        payload: JSON.stringify(payload),
        headers: { 'content-type': 'application/json' },
      });
      expectProblem(res, 400, 'validation.failed');
      expect(problemFields(res), `${url} ${JSON.stringify(payload)}`).toContain(field);
    }
    for (const baseRevision of ['0', -1, 1.5, 1e308, null]) {
      const res = await editDraft(client, planId, baseRevision as number, { type: 'deletePoint', pointId });
      expectProblem(res, 400, 'validation.failed');
      expect(problemFields(res)).toContain('body.baseRevision');
    }
  });

  it('says a field is missing only when it is, and what was wrong otherwise', async () => {
    await setup();
    const missing = await client.post('/api/v1/processes', { description: 'no title' });
    expect(missing.json().errors).toEqual([{ field: 'body.title', reason: 'is required' }]);
    const wrong = await client.post('/api/v1/processes', { title: 42 });
    const reason = wrong.json().errors[0].reason as string;
    expect(reason).not.toBe('is required');
    expect(reason).toMatch(/expected string, received number/);
  });

  it('refuses deeply nested JSON without falling over', async () => {
    await setup();
    for (const payload of [
      `{"title": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
      `{"title": "x", "description": ${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}`,
      `{"title": "x", "extra": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
    ]) {
      const res = await raw('POST', '/api/v1/processes', payload, 'application/json');
      expectProblem(res, 400, 'validation.failed');
    }
    const json = await client.post(`/api/v1/processes/${processId}/imports/preview`, {
      format: 'json',
      text: `{"format":"entente-plan","formatVersion":1,"exportedAt":"2020-01-01T00:00:00Z","version":null,"plan":${'['.repeat(50_000)}${']'.repeat(50_000)}}`,
    });
    expect(json.statusCode).toBe(200);
    expect(json.json().ok).toBe(false);
  });

  it('answers a malformed URL escape with a problem document', async () => {
    await setup();
    const res = await client.get('/api/v1/plans/%E0%A4%A');
    expectProblem(res, 400, 'validation.failed');
    expect(problemFields(res)).toEqual(['url']);
  });

  it('refuses bad query strings and path parameters', async () => {
    await setup();
    const twice = await client.get(`/api/v1/plans/${planId}/export?format=md&format=pdf`);
    expectProblem(twice, 400, 'validation.failed');
    expect(problemFields(twice)).toContain('query.format');
    const long = await client.get(`/api/v1/plans/${'p'.repeat(65)}`);
    expectProblem(long, 400, 'validation.failed');
    expect(problemFields(long)).toContain('params.planId');
    const unknown = await client.get(`/api/v1/plans/${planId}?debug=1`);
    // Routes without a query schema ignore the query string.
    expect(unknown.statusCode).toBe(200);
  });

  it('refuses a point text over 20,000 characters, naming the field, and writes nothing', async () => {
    await setup();
    const before = await readDraft(client, planId);
    const res = await editDraft(client, planId, before.revision, {
      type: 'updatePoint',
      pointId,
      text: 'x'.repeat(20_001),
    });
    expectProblem(res, 400, 'validation.failed');
    expect(problemFields(res)).toContain('body.op.text');
    const add = await editDraft(client, planId, before.revision, {
      type: 'addPoint',
      afterPointId: null,
      areaId: null,
      text: 'y'.repeat(20_001),
    });
    expectProblem(add, 400, 'validation.failed');
    expect(problemFields(add)).toContain('body.op.text');
    expect(await readDraft(client, planId)).toEqual(before);
    // Exactly at the limit is fine.
    const ok = await editDraft(client, planId, before.revision, {
      type: 'updatePoint',
      pointId,
      text: 'z'.repeat(20_000),
    });
    expect(ok.statusCode, ok.body.slice(0, 300)).toBe(200);
  });

  it('refuses an import whose points exceed the limits with 422 and writes nothing', async () => {
    await setup();
    const plansBefore = await countRows(ctx(), 'plans');
    const text = `# Long\n\n1. ${'word '.repeat(5000)}\n\n2. Short.\n`;
    const res = await client.post(`/api/v1/processes/${processId}/plans/import`, { format: 'text', text });
    expect([400, 422]).toContain(res.statusCode);
    expectProblem(res, res.statusCode);
    expect(await countRows(ctx(), 'plans')).toBe(plansBefore);
  });

  it('refuses a body over the default 1 MiB limit with 413', async () => {
    await setup();
    const res = await client.post('/api/v1/processes', {
      title: 'x',
      description: 'd'.repeat(1024 * 1024 + 10),
    });
    expectProblem(res, 413, 'payload.too_large');
    expect(problemFields(res)).toEqual(['body']);
  });

  it('refuses a 50 MB import with a 413 problem document and keeps serving', async () => {
    await setup();
    const plansBefore = await countRows(ctx(), 'plans');
    const payload = Buffer.alloc(50 * 1024 * 1024, 'a');
    payload.write('{"format":"text","text":"', 0);
    payload.write('"}', payload.length - 2);
    const res = await raw('POST', `/api/v1/processes/${processId}/plans/import`, payload, 'application/json');
    const problem = expectProblem(res, 413, 'payload.too_large');
    expect(problem.errors).toEqual([{ field: 'body', reason: 'is too large' }]);
    expect(await countRows(ctx(), 'plans')).toBe(plansBefore);
    const health = await ctx().app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    const after = await client.get(`/api/v1/plans/${planId}`);
    expect(after.statusCode).toBe(200);
  });

  it('refuses an import text over 20 MB that fits the body limit, naming body.text', async () => {
    await setup();
    const res = await client.post(`/api/v1/processes/${processId}/plans/import`, {
      format: 'text',
      text: 'a'.repeat(20 * 1024 * 1024 + 1),
    });
    expectProblem(res, 400, 'validation.failed');
    expect(problemFields(res)).toContain('body.text');
  });

  it('refuses binary data sent as text with 422', async () => {
    await setup();
    const plansBefore = await countRows(ctx(), 'plans');
    const binary = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0xfe, 0x01, 0x02, 0x00]).toString(
      'latin1',
    );
    const res = await client.post(`/api/v1/processes/${processId}/plans/import`, {
      format: 'text',
      text: `1. ${binary}\n2. more`,
    });
    const problem = expectProblem(res, 422, 'import.failed');
    expect(problem.detail).toContain('does not look like text');
    expect(await countRows(ctx(), 'plans')).toBe(plansBefore);
  });

  it('refuses a docx that is a ZIP but not a Word document with 422', async () => {
    await setup();
    // An empty ZIP archive (just the end-of-central-directory record).
    const zip = Buffer.from([
      0x50,
      0x4b,
      0x03,
      0x04,
      ...new Array(18).fill(0),
      0x50,
      0x4b,
      0x05,
      0x06,
      ...new Array(18).fill(0),
    ]);
    const res = await client.post(`/api/v1/processes/${processId}/plans/import`, {
      format: 'docx',
      contentBase64: zip.toString('base64'),
    });
    expectProblem(res, 422, 'import.failed');
  });

  it('refuses NUL characters in any text with 400 naming the field, on both databases', async () => {
    await setup();
    const res = await client.post('/api/v1/processes', { title: 'Talks\u0000 on NUL', description: 'a' });
    expectProblem(res, 400, 'validation.failed');
    expect(problemFields(res)).toEqual(['body.title']);
    const revision = (await readDraft(client, planId)).revision;
    const edit = await editDraft(client, planId, revision, {
      type: 'updatePoint',
      pointId,
      text: 'a \u0000 b',
    });
    expectProblem(edit, 400, 'validation.failed');
    expect(problemFields(edit)).toEqual(['body.op.text']);
    const items = await editDraft(client, planId, revision, {
      type: 'updatePoint',
      pointId,
      items: [{ label: 'a', text: 'x\u0000' }],
    });
    expect(problemFields(items)).toEqual(['body.op.items.0.text']);
    const title = await client.post(`/api/v1/processes/${processId}/plans/import`, {
      format: 'text',
      text: SAMPLE_PLAN_TEXT,
      title: 'NUL\u0000title',
    });
    expectProblem(title, 400, 'validation.failed');
    expect(problemFields(title)).toEqual(['body.title']);
    const signIn = await ctx().app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'envoy@envoy.example\u0000', password: 'x' },
    });
    expectProblem(signIn, 400, 'validation.failed');
    expectProblem(await client.get('/api/v1/plans/pln%00x'), 400, 'validation.failed');
    const query = await client.get(`/api/v1/plans/${planId}/export?format=md&version=v%00`);
    expectProblem(query, 400, 'validation.failed');
    expect(problemFields(query)).toEqual(['query.version']);
    expect((await readDraft(client, planId)).revision).toBe(revision);
  });

  it('refuses a JSON import whose strings hold escaped NUL characters with 422', async () => {
    await setup();
    const exported = await client.get(`/api/v1/plans/${planId}/export?format=json`);
    const doc = exported.json();
    doc.plan.points[0].text = 'broken \u0000 text';
    const plansBefore = await countRows(ctx(), 'plans');
    const res = await client.post(`/api/v1/processes/${processId}/plans/import`, {
      format: 'json',
      text: JSON.stringify(doc),
    });
    const problem = expectProblem(res, 422, 'import.failed');
    expect(problem.detail).toContain('NUL');
    expect(await countRows(ctx(), 'plans')).toBe(plansBefore);
    const preview = await client.post(`/api/v1/processes/${processId}/imports/preview`, {
      format: 'json',
      text: JSON.stringify(doc),
    });
    expect(preview.json().ok).toBe(false);
  });

  it('answers unknown endpoints and methods with a 404 problem document', async () => {
    await setup();
    expectProblem(await client.get('/api/v1/nothing-here'), 404, 'not_found');
    expectProblem(
      await client.request({ method: 'DELETE', url: `/api/v1/plans/${planId}` }),
      404,
      'not_found',
    );
  });
});
