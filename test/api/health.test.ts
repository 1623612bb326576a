import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';
import { useTestApp } from '../support/test-app.ts';

describeEachDatabase('health and sign-in', (dialect) => {
  const ctx = useTestApp(dialect);

  it('reports the database it runs on without credentials', async () => {
    const res = await ctx().app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: dialect });
  });

  it('refuses API calls without credentials as a problem document', async () => {
    const res = await ctx().app.inject({ method: 'GET', url: '/api/v1/processes' });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 401, code: 'auth.required' });
  });

  it('lists the demo process for the mediator', async () => {
    const client = await ctx().signIn(ctx().demo.mediatorEmail);
    const res = await client.get('/api/v1/processes');
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toHaveLength(1);
  });
});
