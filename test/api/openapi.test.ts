import { expect, it } from 'vitest';
import { ROUTES } from '../../src/server/routes/index.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { useTestApp } from '../support/test-app.ts';

type Operation = {
  operationId: string;
  summary: string;
  parameters: { name: string; in: string; required: boolean; schema: unknown }[];
  requestBody?: { required: boolean; content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<string, unknown>;
  security?: unknown[];
};

describeEachDatabase('OpenAPI document', (dialect) => {
  const ctx = useTestApp(dialect);
  const load = async () => {
    const res = await ctx().app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    return res.json() as {
      openapi: string;
      paths: Record<string, Record<string, Operation>>;
      components: { securitySchemes: Record<string, unknown>; schemas: Record<string, unknown> };
    };
  };

  it('is OpenAPI 3.1, served without credentials', async () => {
    const doc = await load();
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(doc.components.securitySchemes).toHaveProperty('bearer');
    expect(doc.components.schemas.Problem).toBeDefined();
  });

  it('documents every route of the route table with its method, parameters and body schema', async () => {
    const doc = await load();
    const operationIds = new Set<string>();
    for (const route of ROUTES) {
      const path = route.path.replace(/:(\w+)/g, '{$1}');
      const op = doc.paths[path]?.[route.method.toLowerCase()];
      expect(op, `${route.method} ${route.path}`).toBeDefined();
      if (!op) continue;
      expect(op.summary).toBe(route.summary);
      expect(operationIds.has(op.operationId), op.operationId).toBe(false);
      operationIds.add(op.operationId);
      for (const name of route.path.match(/:(\w+)/g) ?? []) {
        expect(op.parameters).toContainEqual(
          expect.objectContaining({ name: name.slice(1), in: 'path', required: true }),
        );
      }
      expect(op.responses).toHaveProperty(String(route.status ?? 200));
      if (route.access === 'public') expect(op.security).toEqual([]);
      if (route.body) {
        const schema = op.requestBody?.content['application/json']?.schema;
        expect(schema, `${route.method} ${route.path} body schema`).toBeDefined();
        expect(Object.keys(schema ?? {}).length).toBeGreaterThan(0);
      } else if (route.streamBody) {
        expect(Object.keys(op.requestBody?.content ?? {})).toEqual(['text/csv']);
      } else {
        expect(op.requestBody).toBeUndefined();
      }
    }
    // ...and nothing that the server does not serve.
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m} ${p}`),
    );
    expect(documented).toHaveLength(ROUTES.length);
  });

  it('describes request bodies in enough detail to write a client', async () => {
    const doc = await load();
    const party = doc.paths['/api/v1/processes/{processId}/parties']?.post?.requestBody?.content[
      'application/json'
    ]?.schema as { properties: Record<string, unknown>; required: string[]; additionalProperties: boolean };
    expect(Object.keys(party.properties).sort()).toEqual(['code', 'colour', 'kind', 'name']);
    expect(party.required).toEqual(expect.arrayContaining(['name', 'code', 'kind', 'colour']));
    expect(party.additionalProperties).toBe(false);
    const edit = doc.paths['/api/v1/plans/{planId}/draft']?.patch?.requestBody?.content['application/json']
      ?.schema as {
      properties: { op: { oneOf?: unknown[]; anyOf?: unknown[] } };
    };
    expect((edit.properties.op.oneOf ?? edit.properties.op.anyOf ?? []).length).toBeGreaterThanOrEqual(10);
    const exportOp = doc.paths['/api/v1/plans/{planId}/export']?.get;
    expect(exportOp?.parameters).toContainEqual(
      expect.objectContaining({ name: 'format', in: 'query', required: true }),
    );
  });

  it('serves the API docs page and its assets', async () => {
    const page = await ctx().app.inject({ method: 'GET', url: '/api/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('swagger-ui');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const start = await ctx().app.inject({ method: 'GET', url: '/api/docs/start.js' });
    expect(start.statusCode).toBe(200);
    expect(start.body).toContain('/api/openapi.json');
    const bundle = await ctx().app.inject({ method: 'GET', url: '/api/docs/assets/swagger-ui-bundle.js' });
    expect(bundle.statusCode).toBe(200);
  });
});
