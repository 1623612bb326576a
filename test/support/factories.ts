import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { PlanContent } from '../../src/domain/plans/plan.ts';
import { createApiToken } from '../../src/services/access/sessions.ts';
import { findUserByEmail } from '../../src/store/access/users.repository.ts';
import type { Client, TestApp } from './test-app.ts';

/** A small plan in the text shape the importer reads: two areas, four points, sub-items. */
export const SAMPLE_PLAN_TEXT = `# Framework for the Orlen valley

The parties agree to negotiate on this basis.

## Ending the war

1. A complete ceasefire shall take effect at 00:00 on the day after signature.

2. Heavy weapons shall be withdrawn from the line of contact:
   a. artillery, to 25 km;
   b. rocket systems, to 35 km.

## Humanitarian

3. All prisoners shall be exchanged within 60 days.

4. Humanitarian corridors shall be opened for civilians.
`;

let counter = 0;
const unique = (prefix: string) => `${prefix} ${++counter}`;

/** Creates a process as `client` (who becomes its mediator). */
export async function buildProcess(client: Client, title = unique('Test process')) {
  const res = await client.post('/api/v1/processes', { title, description: 'made by a test' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().process as { id: string; title: string };
}

/** Imports SAMPLE_PLAN_TEXT (or `text`) into a process and returns the new plan with its content. */
export async function buildPlan(client: Client, processId: string, text = SAMPLE_PLAN_TEXT, title?: string) {
  const res = await client.post(`/api/v1/processes/${processId}/plans/import`, {
    format: 'text',
    text,
    ...(title ? { title } : {}),
  });
  expect(res.statusCode, res.body).toBe(201);
  const { plan } = res.json() as { plan: { id: string; title: string; revision: number } };
  return { plan, ...(await readDraft(client, plan.id)) };
}

/** The working draft of a plan and its revision. */
export async function readDraft(client: Client, planId: string) {
  const res = await client.get(`/api/v1/plans/${planId}`);
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json() as { plan: { revision: number; title: string }; content: PlanContent };
  return { revision: body.plan.revision, content: body.content };
}

/** Applies one draft op. */
export function editDraft(client: Client, planId: string, baseRevision: number, op: Record<string, unknown>) {
  return client.patch(`/api/v1/plans/${planId}/draft`, { baseRevision, op });
}

/** Cuts a version and returns it. */
export async function cutVersion(client: Client, planId: string, body: Record<string, unknown> = {}) {
  const res = await client.post(`/api/v1/plans/${planId}/versions`, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().version as { id: string; label: string; seq: number; contentHash: string };
}

/** A client that authenticates with an API token instead of the session cookie (no CSRF header). */
export interface TokenClient {
  token: string;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
}

export async function tokenClient(
  ctx: TestApp,
  email: string,
  scope: 'read' | 'write',
): Promise<TokenClient> {
  const user = await findUserByEmail(ctx.database.db, email);
  if (!user) throw new Error(`no user ${email}`);
  const { token } = await createApiToken(ctx.database, { userId: user.id, name: `test ${scope}`, scope });
  return bearerClient(ctx, token);
}

export function bearerClient(ctx: TestApp, token: string): TokenClient {
  const request = (o: InjectOptions) =>
    ctx.app.inject({ ...o, headers: { authorization: `Bearer ${token}`, ...(o.headers ?? {}) } });
  return {
    token,
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, payload) => request({ method: 'POST', url, payload: payload as InjectOptions['payload'] }),
    patch: (url, payload) => request({ method: 'PATCH', url, payload: payload as InjectOptions['payload'] }),
  };
}

/** The demo plan's versions, oldest first (Draft 1, 2, 3). */
export async function demoVersions(client: Client | TokenClient, planId: string) {
  const res = await client.get(`/api/v1/plans/${planId}/versions`);
  expect(res.statusCode, res.body).toBe(200);
  const items = res.json().items as { id: string; label: string; seq: number }[];
  return [...items].sort((a, b) => a.seq - b.seq);
}

/** Checks a problem document: status, code, media type, and no internals leaking. */
export function expectProblem(res: LightMyRequestResponse, status: number, code?: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toContain('application/problem+json');
  const body = res.json() as {
    status: number;
    code: string;
    detail: string;
    errors?: { field: string; reason: string }[];
    [key: string]: unknown;
  };
  expect(body.status).toBe(status);
  if (code) expect(body.code).toBe(code);
  expectNoInternals(res.body);
  return body;
}

/** The fields a problem document names. */
export function problemFields(res: LightMyRequestResponse): string[] {
  return ((res.json().errors ?? []) as { field: string }[]).map((e) => e.field);
}

/** No stack frames, file paths or dependency names in a response body. */
export function expectNoInternals(body: string) {
  expect(body).not.toMatch(/\n\s+at /);
  expect(body).not.toMatch(/\bat \S+ \(.*:\d+:\d+\)/);
  expect(body).not.toContain('node_modules');
  expect(body).not.toMatch(/\/work\/|src\/server|\.ts:\d+/);
}

/** Number of rows in a table. */
export async function countRows(ctx: TestApp, table: 'plans' | 'versions' | 'audit_log' | 'parties') {
  const row = await ctx.database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
