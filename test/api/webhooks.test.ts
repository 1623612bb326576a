import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SIGNATURE_HEADER, verifyWebhook } from '../../src/domain/monitoring/webhook-signature.ts';
import { buildApp } from '../../src/server/app.ts';
import { announceStatusChanges } from '../../src/services/monitoring/webhooks/announce-status-changes.ts';
import {
  DEFAULT_DELIVERY,
  type DeliverySettings,
  deliverDueWebhooks,
} from '../../src/services/monitoring/webhooks/deliver-webhooks.ts';
import { type Database, openDatabase } from '../../src/store/database.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { waitFor } from '../support/event-stream.ts';
import {
  buildPlan,
  buildProcess,
  cutVersion,
  editDraft,
  expectProblem,
  problemFields,
  readDraft,
} from '../support/factories.ts';
import { addProgress, seedAgreement, userId } from '../support/monitoring-report-rows.ts';
import { type Client, useTestApp } from '../support/test-app.ts';

interface Received {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * A loopback receiver: records what it is sent (up to 500 requests of up to 64 KiB) and answers
 * with the status `respond` gives. It is bounded so that a runaway worker cannot fill memory.
 */
async function startReceiver() {
  const received: Received[] = [];
  let respond: (r: Received) => number = () => 200;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= 65_536) chunks.push(chunk);
    });
    request.on('end', () => {
      const r = {
        path: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      if (received.length < 500) received.push(r);
      response.statusCode = respond(r);
      response.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    received,
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    answer(fn: (r: Received) => number) {
      respond = fn;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

type Receiver = Awaited<ReturnType<typeof startReceiver>>;

const HOUR = 3_600_000;
const now = () => Date.now();
const iso = (ms: number) => new Date(ms).toISOString();

describeEachDatabase('outgoing webhooks', (dialect) => {
  const ctx = useTestApp(dialect);
  let receiver: Receiver;
  let mediator: Client;
  let processId: string;
  let base: { processId: string; planId: string; versionId: string; createdBy: string };
  let partyId: string;
  const hooks = (path = '') => `/api/v1/processes/${processId}/webhooks${path}`;

  /** Registers a webhook receiving `events` at a path of its own; returns its id and secret. */
  const register = async (path: string, events: string[]) => {
    const res = await mediator.post(hooks(), { url: receiver.url(path), events });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { webhook: { id: string; url: string; events: string[] }; secret: string };
  };
  const deliveriesOf = async (webhookId: string) => {
    const res = await mediator.get(hooks(`/${webhookId}/deliveries`));
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as {
      id: string;
      eventKind: string;
      status: string;
      attempts: number;
      lastError: string;
      responseStatus: number | null;
      nextAttemptAt: string | null;
      payload: Record<string, unknown>;
    }[];
  };
  /** A version of its own for each agreement (a version is adopted once): edit the draft, cut it. */
  const freshVersion = async () => {
    const draft = await readDraft(mediator, base.planId);
    const edit = await editDraft(mediator, base.planId, draft.revision, {
      type: 'updatePoint',
      pointId: draft.content.points[0]!.id,
      text: `Edited for a new version ${Math.random()}.`,
    });
    expect(edit.statusCode, edit.body).toBe(200);
    return (await cutVersion(mediator, base.planId, { note: 'adopted' })).id;
  };

  /** Removes the process's webhooks, so that a test counts only the deliveries of its own. */
  const clearWebhooks = async () => {
    receiver.answer(() => 200);
    for (const w of (await mediator.get(hooks())).json().items as { id: string }[])
      expect((await mediator.request({ method: 'DELETE', url: hooks(`/${w.id}`) })).statusCode).toBe(204);
  };
  /** Waits until every delivery arrived, and checks that none arrived twice; returns them. */
  const receivedOnce = async (deliveryIds: string[]) => {
    const of = () =>
      receiver.received.filter((r) => deliveryIds.includes(r.headers['entente-delivery'] as string));
    await waitFor(`${deliveryIds.length} deliveries`, () => of().length >= deliveryIds.length, 10_000);
    const got = of();
    expect(got.map((r) => r.headers['entente-delivery']).sort()).toEqual([...deliveryIds].sort());
    return got;
  };

  beforeAll(async () => {
    receiver = await startReceiver();
    mediator = await ctx().signIn(ctx().demo.mediatorEmail);
    processId = (await buildProcess(mediator)).id;
    const party = await mediator.post(`/api/v1/processes/${processId}/parties`, {
      name: 'Republic of Testland',
      code: 'TST',
      kind: 'state',
      colour: '#336699',
    });
    expect(party.statusCode, party.body).toBe(201);
    partyId = party.json().party.id;
    const { plan } = await buildPlan(mediator, processId);
    const version = await cutVersion(mediator, plan.id, { note: 'adopted' });
    base = {
      processId,
      planId: plan.id,
      versionId: version.id,
      createdBy: await userId(ctx().database, ctx().demo.mediatorEmail),
    };
  });
  afterAll(async () => {
    await receiver?.close();
  });

  it('registers a webhook with a secret shown once, and refuses bad addresses and events', async () => {
    const created = await register('/first', ['commitment.overdue', 'commitment.overdue']);
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(created.webhook).toMatchObject({ url: receiver.url('/first'), events: ['commitment.overdue'] });
    const list = await mediator.get(hooks());
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((w: { id: string }) => w.id)).toContain(created.webhook.id);
    expect(list.body).not.toContain(created.secret);
    expect(list.body).not.toContain('secret');

    for (const url of [
      'ftp://example.org/hook',
      'https://user:pass@example.org/hook',
      'https://token@example.org/hook',
      'not a url',
      '/relative/path',
      '',
      `https://example.org/${'x'.repeat(2000)}`,
    ]) {
      const res = await mediator.post(hooks(), { url, events: ['commitment.overdue'] });
      expectProblem(res, 400, 'validation.failed');
      expect(problemFields(res), url).toEqual(['body.url']);
      expect(res.body).not.toContain('pass@');
    }
    for (const events of [[], ['commitment.created'], 'commitment.overdue']) {
      const res = await mediator.post(hooks(), { url: receiver.url('/x'), events });
      expectProblem(res, 400, 'validation.failed');
      expect(problemFields(res)[0]).toMatch(/^body\.events/);
    }
    // Only the mediator team manages webhooks; an outsider does not learn the process exists.
    const karst = await ctx().signIn('lead@karst.example');
    const demoHooks = `/api/v1/processes/${ctx().demo.processId}/webhooks`;
    expectProblem(await karst.get(demoHooks), 403, 'auth.forbidden');
    expectProblem(
      await karst.post(demoHooks, { url: receiver.url('/k'), events: ['commitment.overdue'] }),
      403,
    );
    expectProblem(await (await ctx().outsider()).get(hooks()), 404);
    const audit = await ctx()
      .database.db.selectFrom('audit_log')
      .selectAll()
      .where('subject_id', '=', created.webhook.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['webhook.create']);
    expect(audit[0]!.detail).not.toContain('127.0.0.1');
    expect(audit[0]!.detail).not.toContain(created.secret);
  });

  it('sends a signed test event that the verification function accepts', async () => {
    const { webhook, secret } = await register('/test', ['commitment.status_changed']);
    const res = await mediator.post(hooks(`/${webhook.id}/test`));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().delivery).toMatchObject({ status: 'delivered', attempts: 1, responseStatus: 200 });
    const got = receiver.received.at(-1)!;
    expect(got.headers['content-type']).toMatch(/^application\/json/);
    expect(got.headers['entente-event']).toBe('webhook.test');
    const header = got.headers[SIGNATURE_HEADER.toLowerCase()] as string;
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    const check = (o: { secret?: string; body?: string; nowSeconds?: number }) =>
      verifyWebhook({ secret, body: got.body, header, nowSeconds: Math.floor(now() / 1000), ...o });
    expect(check({}).ok).toBe(true);
    expect(check({ secret: `${secret}x` })).toEqual({ ok: false, reason: 'mismatch' });
    expect(check({ body: `${got.body} ` })).toEqual({ ok: false, reason: 'mismatch' });
    expect(check({ nowSeconds: Math.floor(now() / 1000) + 600 })).toEqual({ ok: false, reason: 'expired' });
    expect(JSON.parse(got.body)).toMatchObject({ kind: 'webhook.test', process: { id: processId } });
    expectProblem(await mediator.post(hooks('/whk_nope/test')), 404, 'webhook.not_found');
  });

  it('retries a receiver that answers 500 with backoff, and gives up after the last attempt', async () => {
    const { webhook } = await register('/flaky', ['commitment.status_changed']);
    let calls = 0;
    receiver.answer(() => (++calls <= 2 ? 500 : 200));
    const first = (await mediator.post(hooks(`/${webhook.id}/test`))).json().delivery;
    expect(first).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: 'HTTP 500',
      responseStatus: 500,
    });
    const wait = Date.parse(first.nextAttemptAt) - now();
    expect(wait).toBeGreaterThan(25_000);
    expect(wait).toBeLessThanOrEqual(30_000);
    // Not due yet: nothing is sent.
    expect((await deliverDueWebhooks(ctx().database)).attempted).toBe(0);
    // 31 s later it is tried again, fails again and waits twice as long.
    const later = (ms: number) => () => new Date(now() + ms);
    expect(await deliverDueWebhooks(ctx().database, DEFAULT_DELIVERY, later(31_000))).toEqual({
      attempted: 1,
      delivered: 0,
    });
    let [d] = await deliveriesOf(webhook.id);
    expect(d).toMatchObject({ status: 'pending', attempts: 2, lastError: 'HTTP 500' });
    expect(Date.parse(d!.nextAttemptAt!) - now()).toBeGreaterThan(31_000 + 55_000);
    expect(await deliverDueWebhooks(ctx().database, DEFAULT_DELIVERY, later(31_000 + 61_000))).toEqual({
      attempted: 1,
      delivered: 1,
    });
    [d] = await deliveriesOf(webhook.id);
    expect(d).toMatchObject({ status: 'delivered', attempts: 3, lastError: '', responseStatus: 200 });
    expect(calls).toBe(3);

    // A receiver that never recovers: after the last attempt the delivery is failed, for good.
    receiver.answer(() => 503);
    const settings: DeliverySettings = {
      ...DEFAULT_DELIVERY,
      retry: { maxAttempts: 3, baseDelayMs: 1000, maxDelayMs: 1000 },
    };
    const { webhook: down } = await register('/down', ['commitment.status_changed']);
    await mediator.post(hooks(`/${down.id}/test`));
    for (let i = 1; i <= 4; i++) await deliverDueWebhooks(ctx().database, settings, later(i * 60_000));
    [d] = await deliveriesOf(down.id);
    expect(d).toMatchObject({ status: 'failed', attempts: 3, lastError: 'HTTP 503', nextAttemptAt: null });

    // No answer in time counts as a failure too; a closed port as well.
    receiver.answer(() => 200);
    const { webhook: closed } = await mediator
      .post(hooks(), { url: 'http://127.0.0.1:9/closed', events: ['commitment.overdue'] })
      .then((r) => r.json());
    const refused = (await mediator.post(hooks(`/${closed.id}/test`))).json().delivery;
    expect(refused).toMatchObject({ status: 'pending', attempts: 1, responseStatus: null });
    expect(refused.lastError).toMatch(/^could not connect: E[A-Z]+$|^request failed/);
  });

  it('announces a status change once, to the webhooks that receive it, with titles only', async () => {
    await clearWebhooks();
    const both = await register('/both', ['commitment.status_changed', 'commitment.overdue']);
    const overdueOnly = await register('/overdue', ['commitment.overdue']);
    const changesOnly = await register('/changes', ['commitment.status_changed']);
    const seeded = await seedAgreement(ctx().database, {
      ...base,
      title: 'Arrangement on the Orlen crossings',
      entryIntoForceAt: iso(now() - 48 * HOUR),
      commitments: [
        { title: 'Open the northern crossing', deadlineAt: iso(now() - HOUR), partyIds: [partyId] },
        { title: 'Clear the mines', deadlineAt: iso(now() + 240 * HOUR), partyIds: [partyId] },
      ],
    });
    const [late, later] = seeded.commitmentIds as [string, string];
    const announce = () => announceStatusChanges(ctx().database, { agreementId: seeded.agreementId });
    // (The server's own watcher may announce first: what counts is what was queued, once.)
    await announce();
    await announce();
    const kinds = async (id: string) => (await deliveriesOf(id)).map((d) => d.eventKind).sort();
    // The late one became overdue (a change, and an overdue); the other is still not started.
    expect(await kinds(both.webhook.id)).toEqual(['commitment.overdue', 'commitment.status_changed']);
    expect(await kinds(overdueOnly.webhook.id)).toEqual(['commitment.overdue']);
    expect(await kinds(changesOnly.webhook.id)).toEqual(['commitment.status_changed']);

    const [delivery] = await deliveriesOf(overdueOnly.webhook.id);
    expect(delivery!.payload).toEqual({
      id: expect.stringMatching(/^evt_/),
      kind: 'commitment.overdue',
      occurredAt: expect.any(String),
      process: { id: processId },
      agreement: { id: seeded.agreementId, title: 'Arrangement on the Orlen crossings' },
      commitment: {
        id: late,
        title: 'Open the northern crossing',
        status: 'overdue',
        previousStatus: 'not_started',
        deadlineAt: expect.any(String),
      },
    });

    // Completed late, and the other under way: changes an overdue-only webhook does not receive.
    const minuteAgo = iso(now() - 60_000);
    await addProgress(ctx().database, late, base.createdBy, { occurredAt: minuteAgo, kind: 'completed' });
    await addProgress(ctx().database, later, base.createdBy, { occurredAt: minuteAgo, kind: 'progress' });
    await announce();
    await announce();
    expect(await kinds(overdueOnly.webhook.id)).toEqual(['commitment.overdue']);
    expect(await kinds(both.webhook.id)).toHaveLength(4);
    expect((await deliveriesOf(changesOnly.webhook.id)).map((d) => d.payload.commitment)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: late, status: 'overdue', previousStatus: 'not_started' }),
        expect.objectContaining({ id: late, status: 'completed_late', previousStatus: 'overdue' }),
        expect.objectContaining({ id: later, status: 'in_progress', previousStatus: 'not_started' }),
      ]),
    );

    const queued = (
      await Promise.all([both, overdueOnly, changesOnly].map((h) => deliveriesOf(h.webhook.id)))
    ).flat();
    expect(queued).toHaveLength(8);
    await deliverDueWebhooks(ctx().database);
    const sent = await receivedOnce(queued.map((d) => d.id));
    expect(sent.map((r) => r.path).sort()).toEqual([
      '/both',
      '/both',
      '/both',
      '/both',
      '/changes',
      '/changes',
      '/changes',
      '/overdue',
    ]);
    const secrets = new Map([both, overdueOnly, changesOnly].map((h) => [h.webhook.url, h.secret]));
    for (const r of sent) {
      const delivered = JSON.parse(r.body);
      // Titles and states only: nothing of the commitment's description.
      expect(r.body).not.toContain('Confidential description');
      expect(Object.keys(delivered).sort()).toEqual([
        'agreement',
        'commitment',
        'id',
        'kind',
        'occurredAt',
        'process',
      ]);
      expect(r.headers['entente-event']).toBe(delivered.kind);
      const check = verifyWebhook({
        secret: secrets.get(receiver.url(r.path))!,
        body: r.body,
        header: r.headers['entente-signature'] as string,
        nowSeconds: Math.floor(now() / 1000),
      });
      expect(check.ok, r.path).toBe(true);
    }
    const audit = await ctx()
      .database.db.selectFrom('audit_log')
      .select(['action', 'detail', 'actor_id'])
      .where('action', '=', 'commitment.status_notice')
      .where('subject_id', 'in', [late, later])
      .execute();
    expect(audit).toHaveLength(3);
    for (const a of audit) {
      expect(a.actor_id).toBeNull();
      expect(a.detail).not.toContain('Open the northern crossing');
    }
  });

  it('announces a change once when two watchers race, and sends each delivery once when two workers race', async () => {
    await clearWebhooks();
    const hook = await register('/race', ['commitment.status_changed']);
    const seeded = await seedAgreement(ctx().database, {
      ...base,
      versionId: await freshVersion(),
      entryIntoForceAt: iso(now() - HOUR),
      commitments: Array.from({ length: 6 }, (_, i) => ({
        title: `Race commitment ${i + 1}`,
        deadlineAt: iso(now() - (i + 1) * HOUR),
      })),
    });
    // A second instance on the same database: its own pool on PostgreSQL; SQLite has one writer anyway.
    const other: Database =
      ctx().database.dialect === 'postgres'
        ? openDatabase({ kind: 'postgres', url: ctx().database.location, poolSize: 5 })
        : ctx().database;
    try {
      const runs = await Promise.all([
        announceStatusChanges(ctx().database, { agreementId: seeded.agreementId }),
        announceStatusChanges(other, { agreementId: seeded.agreementId }),
        announceStatusChanges(ctx().database),
        announceStatusChanges(other),
      ]);
      expect(runs.reduce((n, r) => n + r.changes, 0)).toBeGreaterThanOrEqual(0);
      const queued = await deliveriesOf(hook.webhook.id);
      expect(queued).toHaveLength(6);
      expect(new Set(queued.map((d) => (d.payload.commitment as { id: string }).id)).size).toBe(6);

      await Promise.all([
        deliverDueWebhooks(ctx().database),
        deliverDueWebhooks(other),
        deliverDueWebhooks(ctx().database),
        deliverDueWebhooks(other),
      ]);
      await receivedOnce(queued.map((d) => d.id));
      const after = await deliveriesOf(hook.webhook.id);
      expect(after.map((d) => [d.status, d.attempts])).toEqual(Array(6).fill(['delivered', 1]));
    } finally {
      if (other !== ctx().database) await other.close();
    }
  });

  it('runs the watcher and the worker with the server, and stops them when it closes', async () => {
    receiver.answer(() => 200);
    const hook = await register('/timer', ['commitment.overdue']);
    const app = await buildApp({
      database: ctx().database,
      serveWeb: false,
      alerts: { watchIntervalMs: 50, deliveryIntervalMs: 50 },
    });
    try {
      const seeded = await seedAgreement(ctx().database, {
        ...base,
        versionId: await freshVersion(),
        entryIntoForceAt: iso(now() - HOUR),
        commitments: [{ title: 'Timer commitment', deadlineAt: iso(now() - 60_000) }],
      });
      await waitFor(
        'the overdue delivery',
        () => receiver.received.some((r) => r.body.includes(seeded.commitmentIds[0]!)),
        10_000,
      );
      // The answer arrives before the worker records it: give it a moment.
      await expect
        .poll(async () => (await deliveriesOf(hook.webhook.id)).map((d) => d.status))
        .toEqual(['delivered']);
    } finally {
      await app.close();
    }
    // Closed: a new change is no longer picked up by that server's loops.
    const after = await seedAgreement(ctx().database, {
      ...base,
      versionId: await freshVersion(),
      entryIntoForceAt: iso(now() - HOUR),
      commitments: [{ title: 'After close', deadlineAt: iso(now() - 60_000) }],
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(receiver.received.some((r) => r.body.includes(after.commitmentIds[0]!))).toBe(false);
  });

  it('removes a webhook with its deliveries', async () => {
    const { webhook } = await register('/gone', ['commitment.overdue']);
    await mediator.post(hooks(`/${webhook.id}/test`));
    const res = await mediator.request({ method: 'DELETE', url: hooks(`/${webhook.id}`) });
    expect(res.statusCode, res.body).toBe(204);
    expectProblem(await mediator.get(hooks(`/${webhook.id}/deliveries`)), 404, 'webhook.not_found');
    expectProblem(await mediator.request({ method: 'DELETE', url: hooks(`/${webhook.id}`) }), 404);
    const left = await ctx()
      .database.db.selectFrom('webhook_deliveries')
      .select('id')
      .where('webhook_id', '=', webhook.id)
      .execute();
    expect(left).toHaveLength(0);
    expect((await mediator.get(hooks())).json().items.map((w: { id: string }) => w.id)).not.toContain(
      webhook.id,
    );
  });
});
