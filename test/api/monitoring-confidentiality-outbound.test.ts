import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PlanContent } from '../../src/domain/plans/plan.ts';
import { createApiToken } from '../../src/services/access/sessions.ts';
import { type LoadedDemo, loadDemoIfEmpty } from '../../src/services/demo/load-demo.ts';
import type { Database } from '../../src/store/database.ts';
import { createTestDatabase, describeEachDatabase } from '../support/databases.ts';
import {
  closeAllStreams,
  type EventStreamClient,
  type HttpUser,
  type Instance,
  openEventStream,
  signInOverHttp,
  startInstance,
} from '../support/event-stream.ts';

/**
 * An attacker's review of what monitoring pushes out: live events (commitment.changed,
 * event_report.changed) reach only those who may read what they point at, and carry ids only;
 * webhooks are the mediator team's alone and deliver titles and states, nothing more.
 */

const MEDIATOR = 'envoy@envoy.example';
const KARST = 'lead@karst.example';
const VELORIA = 'lead@veloria.example';
const OBSERVER = 'observer@bcc.example';
const MONITOR = 'monitor@ccv.example';

/** What the Draft 3 agreement says, and what no webhook may carry. */
const MARK = {
  title: 'QXDTHREEAGREEMENT',
  phase: 'QXDTHREEPHASE',
  commitment: 'QXDTHREECOMMITMENT',
  description: 'QXDTHREEDESCRIPTION',
  verify: 'QXDTHREEVERIFY',
  unit: 'QXDTHREEUNIT',
  note: 'QXDTHREENOTE',
  justification: 'QXDTHREEJUSTIFICATION',
  evidence: 'QXDTHREEEVIDENCE',
};
const NOT_IN_WEBHOOKS = [
  MARK.phase,
  MARK.description,
  MARK.verify,
  MARK.unit,
  MARK.note,
  MARK.justification,
  MARK.evidence,
];

type Who = 'mediator' | 'karst' | 'veloria' | 'observer' | 'monitor';

describeEachDatabase('monitoring confidentiality: live events and webhooks', (dialect) => {
  let database: Database;
  let drop: () => Promise<void>;
  let demo: LoadedDemo;
  let server: Instance;
  let users: Record<Who, HttpUser>;
  let party: (code: string) => string;
  let d2: string;
  let d3: string;
  let d3Point: string;
  const on = { d2: '', d2Commitment: '', webhook: '', d3Commitment: '' };
  const proc = (path = '') => `/api/v1/processes/${demo.processId}${path}`;

  /** A request through the app as a signed-in user (cookie) or with a bearer token. */
  const as =
    (credential: HttpUser | string) =>
    (method: InjectOptions['method'], url: string, payload?: unknown): Promise<LightMyRequestResponse> =>
      server.app.inject({
        method,
        url,
        payload: payload as InjectOptions['payload'],
        headers:
          typeof credential === 'string'
            ? { authorization: `Bearer ${credential}` }
            : { cookie: credential.cookie, 'x-entente-csrf': '1' },
      });
  const ok = async (res: Promise<LightMyRequestResponse>, status = 200) => {
    const r = await res;
    expect(r.statusCode, r.body.slice(0, 400)).toBe(status);
    return r.json();
  };

  beforeAll(async () => {
    ({ database, drop } = await createTestDatabase(dialect));
    const loaded = await loadDemoIfEmpty(database);
    if (!loaded) throw new Error('demo did not load');
    demo = loaded;
    server = await startInstance(database, { heartbeatMs: 1000, recheckMs: 60_000, perUser: 4 });
    const signIn = (email: string) => signInOverHttp(server.url, email);
    users = {
      mediator: await signIn(MEDIATOR),
      karst: await signIn(KARST),
      veloria: await signIn(VELORIA),
      observer: await signIn(OBSERVER),
      monitor: await signIn(MONITOR),
    };
    const parties = await database.db
      .selectFrom('parties')
      .select(['id', 'code'])
      .where('process_id', '=', demo.processId)
      .execute();
    party = (code) => parties.find((p) => p.code === code)!.id;
    const versions = await database.db
      .selectFrom('versions')
      .select(['id', 'label', 'content'])
      .where('plan_id', '=', demo.planId)
      .execute();
    const version = (label: string) => versions.find((v) => v.label === label)!;
    d2 = version('Draft 2').id;
    d3 = version('Draft 3').id;
    const held = new Set((JSON.parse(version('Draft 2').content) as PlanContent).points.map((p) => p.id));
    d3Point = (JSON.parse(version('Draft 3').content) as PlanContent).points.find((p) => !held.has(p.id))!.id;

    const mediator = as(users.mediator);
    on.webhook = (
      await ok(
        mediator('POST', proc('/webhooks'), {
          url: 'http://127.0.0.1:9/hooks',
          events: ['commitment.status_changed', 'commitment.overdue'],
        }),
        201,
      )
    ).webhook.id;
    on.d2 = (
      await ok(
        mediator('POST', proc('/agreements'), { versionId: d2, title: 'Framework', adoptedOn: '2025-03-19' }),
        201,
      )
    ).agreement.id;
    on.d2Commitment = (
      await ok(
        mediator('POST', proc(`/agreements/${on.d2}/commitments`), { title: 'Withdraw heavy weapons' }),
        201,
      )
    ).commitment.id;
  });
  afterEach(() => closeAllStreams());
  afterAll(async () => {
    await server?.app.close();
    await drop?.();
  });

  const streams = async () => {
    const opened = {} as Record<Who, EventStreamClient>;
    for (const who of Object.keys(users) as Who[])
      opened[who] = await openEventStream(`${server.url}${proc('/events')}`, { cookie: users[who].cookie });
    await Promise.all(Object.values(opened).map((s) => s.comment('live updates')));
    return opened;
  };
  const parsed = (s: EventStreamClient) =>
    s.messages.map((m) => JSON.parse(m.data) as Record<string, unknown>);
  /** A change of the Draft 2 agreement reaches every stream: it marks the end of a scenario. */
  const sentinel = async (opened: Record<Who, EventStreamClient>, title: string) => {
    const current = await ok(as(users.mediator)('GET', proc(`/agreements/${on.d2}`)));
    await ok(
      as(users.mediator)('PATCH', proc(`/agreements/${on.d2}`), {
        revision: current.agreement.revision,
        title,
      }),
    );
    await Promise.all(
      Object.values(opened).map((s) =>
        s.next((e) => e.type === 'commitment.changed' && e.agreementId === on.d2 && e.commitmentId === null),
      ),
    );
  };
  /** Each event carries the fields its type declares, and no other. */
  const expectIdsOnly = (seen: Record<string, unknown>[]) => {
    for (const e of seen) {
      if (e.type === 'commitment.changed')
        expect(Object.keys(e).sort()).toEqual([
          'agreementId',
          'commitmentId',
          'partyIds',
          'processId',
          'type',
        ]);
      if (e.type === 'event_report.changed')
        expect(Object.keys(e).sort()).toEqual([
          'eventReportId',
          'processId',
          'reportedByPartyId',
          'type',
          'verified',
        ]);
    }
  };

  it('the agreement on Draft 3 and all that is done to it reach Veloria and the mediator team only', async () => {
    const opened = await streams();
    const mediator = as(users.mediator);
    const agreement = (
      await ok(
        mediator('POST', proc('/agreements'), {
          versionId: d3,
          title: MARK.title,
          adoptedOn: '2025-03-19',
          entryIntoForce: { local: '2025-03-20T12:00', zone: 'Europe/Zurich' },
          phases: [{ name: MARK.phase, description: '' }],
        }),
        201,
      )
    ).agreement;
    const commitment = (
      await ok(
        mediator('POST', proc(`/agreements/${agreement.id}/commitments`), {
          title: MARK.commitment,
          description: MARK.description,
          verificationMethod: MARK.verify,
          pointId: d3Point,
          targetQuantity: 10,
          targetUnit: MARK.unit,
          partyIds: [party('VEL'), party('KRF')],
          deadline: { kind: 'after_entry_into_force', amount: 30, unit: 'days' },
        }),
        201,
      )
    ).commitment;
    on.d3Commitment = commitment.id;
    const at = proc(`/commitments/${commitment.id}`);
    await ok(
      mediator('POST', `${at}/progress`, {
        occurredAt: '2025-03-25T08:00:00Z',
        kind: 'progress',
        quantity: 4,
        note: MARK.note,
      }),
      201,
    );
    await ok(
      mediator('POST', `${at}/scores`, {
        score: 1,
        justification: MARK.justification,
        evidence: [{ label: MARK.evidence }],
      }),
      201,
    );
    await ok(
      mediator('POST', proc(`/agreements/${agreement.id}/commitments/derive`), { granularity: 'points' }),
      201,
    );
    await ok(
      mediator('PATCH', proc(`/agreements/${agreement.id}`), {
        revision: agreement.revision,
        title: `${MARK.title} 2`,
      }),
    );
    await sentinel(opened, 'Framework, after Draft 3');

    for (const who of ['karst', 'observer', 'monitor'] as const) {
      const text = opened[who].messages.map((m) => m.data).join('\n');
      expect(text).not.toContain(agreement.id);
      expect(text).not.toContain(commitment.id);
    }
    for (const who of ['veloria', 'mediator'] as const)
      expect(parsed(opened[who]).filter((e) => e.agreementId === agreement.id).length).toBeGreaterThanOrEqual(
        5,
      );
    // Each party hears of itself only, never of who else holds the version.
    expect(
      parsed(opened.karst)
        .filter((e) => e.type === 'commitment.changed')
        .map((e) => e.partyIds),
    ).toEqual([[party('KRF')]]);
    for (const s of Object.values(opened)) expectIdsOnly(parsed(s));
  });

  it("Veloria's allegation, its investigation and its links reach Veloria and the mission only", async () => {
    const opened = await streams();
    const [veloria, monitor] = [as(users.veloria), as(users.monitor)];
    const filed = (
      await ok(
        veloria('POST', proc('/event-reports'), {
          occurredAt: '2031-04-02T06:40:00Z',
          eventType: 'Shelling',
          description: 'QXVELALLEGATION',
        }),
        201,
      )
    ).eventReport;
    const events = proc(`/event-reports/${filed.id}`);
    await ok(monitor('POST', `${events}/status`, { status: 'under_investigation' }));
    await ok(monitor('POST', `${events}/links`, { commitmentId: on.d2Commitment }), 201);
    await ok(monitor('PATCH', events, { revision: 2, placeName: 'Sarn heights' }));
    expect((await monitor('DELETE', `${events}/links/${on.d2Commitment}`)).statusCode).toBe(204);
    await sentinel(opened, 'Framework, after the allegation');

    for (const who of ['karst', 'observer'] as const) {
      const seen = parsed(opened[who]);
      expect(seen.filter((e) => e.eventReportId === filed.id)).toEqual([]);
      // Not even that the commitment changed: for them it did not, the link being hidden.
      expect(seen.filter((e) => e.commitmentId === on.d2Commitment)).toEqual([]);
    }
    // Filed, investigated, linked, corrected, unlinked.
    for (const who of ['veloria', 'monitor', 'mediator'] as const)
      expect(parsed(opened[who]).filter((e) => e.eventReportId === filed.id).length).toBe(5);
    expect(parsed(opened.veloria).filter((e) => e.commitmentId === on.d2Commitment).length).toBe(2);
    expect(parsed(opened.mediator).filter((e) => e.commitmentId === on.d2Commitment).length).toBe(2);
    for (const s of Object.values(opened)) {
      expectIdsOnly(parsed(s));
      expect(s.messages.map((m) => m.data).join('\n')).not.toContain('QXVELALLEGATION');
    }

    // Once verified, everyone hears of it, and of the commitment it is linked to.
    await ok(monitor('POST', `${events}/status`, { status: 'verified' }));
    await ok(monitor('POST', `${events}/links`, { commitmentId: on.d2Commitment }), 201);
    for (const who of ['karst', 'observer'] as const) {
      await opened[who].next((e) => e.eventReportId === filed.id && e.verified === true);
      await opened[who].next((e) => e.commitmentId === on.d2Commitment);
    }
  });

  describe('webhooks', () => {
    const tokens = async (email: string) => {
      const user = await database.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', email)
        .executeTakeFirstOrThrow();
      return (await createApiToken(database, { userId: user.id, name: 'read-only', scope: 'read' })).token;
    };
    const rows = async () =>
      JSON.stringify(
        await Promise.all([
          database.db.selectFrom('webhooks').select('id').orderBy('id').execute(),
          database.db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .execute(),
        ]),
      );

    it('are listed, added, tested, read and removed by no one but the mediator team', async () => {
      const readers: [string, HttpUser | string][] = [
        ['karst', users.karst],
        ['veloria', users.veloria],
        ['observer', users.observer],
        ['monitor', users.monitor],
        ["karst's read-only token", await tokens(KARST)],
        ["the mediator's read-only token", await tokens(MEDIATOR)],
      ];
      for (const [who, credential] of readers) {
        const request = as(credential);
        const before = await rows();
        const listed = await request('GET', proc('/webhooks'));
        expect(listed.statusCode, who).toBeGreaterThanOrEqual(400);
        expect(listed.body).not.toContain(on.webhook);
        const added = await request('POST', proc('/webhooks'), {
          url: 'https://example.org/h',
          events: ['commitment.overdue'],
        });
        expect(added.statusCode, who).toBeGreaterThanOrEqual(400);
        for (const [method, path] of [
          ['GET', '/deliveries'],
          ['POST', '/test'],
          ['DELETE', ''],
        ] as const) {
          const real = await request(
            method,
            proc(`/webhooks/${on.webhook}${path}`),
            method === 'POST' ? {} : undefined,
          );
          const made = await request(
            method,
            proc(`/webhooks/whk_doesnotexist${path}`),
            method === 'POST' ? {} : undefined,
          );
          expect(real.statusCode, who).toBeGreaterThanOrEqual(400);
          expect({ status: real.statusCode, body: real.body.replaceAll(on.webhook, '<id>') }).toEqual({
            status: made.statusCode,
            body: made.body.replaceAll('whk_doesnotexist', '<id>'),
          });
        }
        expect(await rows(), who).toBe(before);
      }
    });

    it('deliver ids, titles and states: nothing of what a commitment says, nor its notes or scores', async () => {
      const deliveries = (await ok(as(users.mediator)('GET', proc(`/webhooks/${on.webhook}/deliveries`))))
        .items as {
        payload: { commitment?: Record<string, unknown>; agreement?: Record<string, unknown> };
      }[];
      expect(on.d3Commitment).not.toBe('');
      expect(deliveries.map((d) => d.payload.commitment?.id)).toContain(on.d3Commitment);
      for (const { payload } of deliveries) {
        expect(Object.keys(payload).sort()).toEqual([
          'agreement',
          'commitment',
          'id',
          'kind',
          'occurredAt',
          'process',
        ]);
        expect(Object.keys(payload.agreement ?? {}).sort()).toEqual(['id', 'title']);
        expect(Object.keys(payload.commitment ?? {}).sort()).toEqual([
          'deadlineAt',
          'id',
          'previousStatus',
          'status',
          'title',
        ]);
        const text = JSON.stringify(payload);
        expect(NOT_IN_WEBHOOKS.filter((m) => text.includes(m))).toEqual([]);
      }
    });
  });
});
