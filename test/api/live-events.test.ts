import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createUser } from '../../src/services/access/create-user.ts';
import { createApiToken } from '../../src/services/access/sessions.ts';
import { type LoadedDemo, loadDemoIfEmpty } from '../../src/services/demo/load-demo.ts';
import { findUserByEmail } from '../../src/store/access/users.repository.ts';
import { type Database, openDatabase } from '../../src/store/database.ts';
import { createTestDatabase, describeEachDatabase } from '../support/databases.ts';
import {
  closeAllStreams,
  type HttpUser,
  type Instance,
  openEventStream,
  signInOverHttp,
  startInstance,
  waitFor,
} from '../support/event-stream.ts';
import { SAMPLE_PLAN_TEXT } from '../support/factories.ts';

const DELEGATE = 'lead@veloria.example';
// Short timings, so that heartbeats and periodic re-checks can be seen within a test.
const SETTINGS = { heartbeatMs: 150, recheckMs: 300, perUser: 4 };

describeEachDatabase('live events', (dialect) => {
  let database: Database;
  let url: string | null;
  let drop: () => Promise<void>;
  let demo: LoadedDemo;
  let a: Instance;
  let mediator: HttpUser;
  let newcomers = 0;

  beforeAll(async () => {
    ({ database, url, drop } = await createTestDatabase(dialect));
    const loaded = await loadDemoIfEmpty(database);
    if (!loaded) throw new Error('demo did not load');
    demo = loaded;
    a = await startInstance(database, SETTINGS);
    mediator = await signInOverHttp(a.url, demo.mediatorEmail);
  });
  afterEach(() => closeAllStreams());
  afterAll(async () => {
    await a?.app.close();
    await drop?.();
  });

  const eventsUrl = (base: string, processId = demo.processId) =>
    `${base}/api/v1/processes/${processId}/events`;
  const asCookie = (user: HttpUser) => ({ cookie: user.cookie });
  const bearer = async (email: string) => {
    const user = await findUserByEmail(database.db, email);
    if (!user) throw new Error(`no user ${email}`);
    const { token } = await createApiToken(database, { userId: user.id, name: 'live test', scope: 'read' });
    return { authorization: `Bearer ${token}` };
  };

  /** Edits the first point of the demo draft as the mediator; returns the new revision. */
  const editDemoDraft = async (planId = demo.planId) => {
    const read = await (await mediator.get(`/api/v1/plans/${planId}`)).json();
    const point = read.content.points[0];
    const res = await mediator.send('PATCH', `/api/v1/plans/${planId}/draft`, {
      baseRevision: read.plan.revision,
      op: { type: 'updatePoint', pointId: point.id, text: `${point.text} (edited ${Date.now()})` },
    });
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()).revision as number;
  };

  /** Adds a fresh account to the demo process, which announces a membership change. */
  const addNewcomer = async (role = 'observer') => {
    const email = `live-newcomer-${++newcomers}@example.org`;
    await createUser(database, {
      email,
      name: 'Newcomer',
      password: 'a long newcomer password',
      isAdmin: false,
    });
    const overview = await (await mediator.get(`/api/v1/processes/${demo.processId}`)).json();
    const partyId = overview.parties.find((p: { kind: string }) => p.kind !== 'mediator').id as string;
    const res = await mediator.send('POST', `/api/v1/processes/${demo.processId}/members`, {
      email,
      partyId,
      role,
    });
    expect(res.status, await res.clone().text()).toBe(201);
    return { email, password: 'a long newcomer password' };
  };

  it('streams events with the SSE headers, a retry hint, ids and heartbeats', async () => {
    const stream = await openEventStream(eventsUrl(a.url), asCookie(mediator));
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(stream.headers.get('cache-control')).toContain('no-cache');
    expect(stream.headers.get('content-security-policy')).toContain("connect-src 'self'");
    expect(stream.headers.get('x-content-type-options')).toBe('nosniff');
    await stream.comment('keep-alive');
    expect(stream.retry).toBeGreaterThan(0);
    await editDemoDraft();
    await editDemoDraft();
    await waitFor('two events', () => stream.messages.length >= 2);
    const ids = stream.messages.map((m) => Number(m.id));
    expect(ids[1]).toBeGreaterThan(ids[0] ?? Number.POSITIVE_INFINITY);
  });

  it('sends draft edits and new versions to mediators only, and membership changes to every member', async () => {
    const forMediator = await openEventStream(eventsUrl(a.url), asCookie(mediator));
    const forDelegate = await openEventStream(eventsUrl(a.url), await bearer(DELEGATE));
    expect([forMediator.status, forDelegate.status]).toEqual([200, 200]);

    const revision = await editDemoDraft();
    const changed = await forMediator.next((e) => e.type === 'draft.changed');
    // Ids and numbers only: what changed is re-fetched through the API.
    expect(changed).toEqual({
      type: 'draft.changed',
      processId: demo.processId,
      planId: demo.planId,
      revision,
    });

    const cut = await mediator.send('POST', `/api/v1/plans/${demo.planId}/versions`, { note: 'live' });
    expect(cut.status).toBe(201);
    const versionId = (await cut.json()).version.id as string;
    expect(await forMediator.next((e) => e.type === 'version.cut')).toEqual({
      type: 'version.cut',
      processId: demo.processId,
      planId: demo.planId,
      versionId,
    });

    await addNewcomer();
    const joined = { type: 'membership.changed', processId: demo.processId };
    expect(await forMediator.next((e) => e.type === 'membership.changed')).toEqual(joined);
    expect(await forDelegate.next()).toEqual(joined);
    // Events are delivered in order, so the delegate would have had the draft edit and the
    // version before this one: they never came.
    expect(forDelegate.messages.map((m) => JSON.parse(m.data).type)).toEqual(['membership.changed']);
  });

  it("sends a release to the parties it went to, and a party's private note to that party only", async () => {
    const overview = await (await mediator.get(`/api/v1/processes/${demo.processId}`)).json();
    const parties = overview.parties as { id: string; name: string }[];
    const veloria = parties.find((p) => p.name.includes('Veloria'))!.id;
    const guarantors = parties.find((p) => p.name.includes('Basin'))!.id;
    const forMediator = await openEventStream(eventsUrl(a.url), asCookie(mediator));
    const forVeloria = await openEventStream(eventsUrl(a.url), await bearer('legal@veloria.example'));
    const forKarst = await openEventStream(eventsUrl(a.url), await bearer('lead@karst.example'));

    // Veloria's lead writes a private note on a point of a version Veloria holds.
    const veloriaLead = await signInOverHttp(a.url, DELEGATE);
    const versions = (await (await veloriaLead.get(`/api/v1/plans/${demo.planId}/versions`)).json()).items;
    const held = await (
      await veloriaLead.get(`/api/v1/plans/${demo.planId}/versions/${versions[0].id}`)
    ).json();
    const note = await veloriaLead.send('POST', `/api/v1/plans/${demo.planId}/notes`, {
      pointId: held.content.points[0].id,
      body: 'Our fallback position.',
    });
    expect(note.status, await note.clone().text()).toBe(201);
    expect(await forVeloria.next()).toEqual({
      type: 'note.changed',
      processId: demo.processId,
      planId: demo.planId,
      partyId: veloria,
      sharedWithMediator: false,
    });

    await editDemoDraft();
    const cut = await (await mediator.send('POST', `/api/v1/plans/${demo.planId}/versions`, {})).json();
    const release = await mediator.send(
      'POST',
      `/api/v1/plans/${demo.planId}/versions/${cut.version.id}/releases`,
      // Two parties at once: neither may learn from its event that the other was given the text.
      { partyIds: [veloria, guarantors] },
    );
    expect(release.status, await release.clone().text()).toBe(201);
    const released = {
      type: 'release.created',
      processId: demo.processId,
      planId: demo.planId,
      versionId: cut.version.id,
      partyIds: [veloria],
    };
    expect(await forVeloria.next()).toEqual(released);
    expect(await forMediator.next((e) => e.type === 'release.created')).toEqual(released);
    expect(
      await forMediator.next(
        (e) => e.type === 'release.created' && (e.partyIds as string[])[0] === guarantors,
      ),
    ).toEqual({
      ...released,
      partyIds: [guarantors],
    });

    await addNewcomer();
    for (const stream of [forMediator, forVeloria, forKarst])
      await stream.next((e) => e.type === 'membership.changed');
    const types = (stream: typeof forKarst) => stream.messages.map((m) => JSON.parse(m.data).type);
    expect(types(forMediator)).toEqual([
      'draft.changed',
      'version.cut',
      'release.created',
      'release.created',
      'membership.changed',
    ]);
    expect(types(forVeloria)).toEqual(['note.changed', 'release.created', 'membership.changed']);
    expect(types(forKarst)).toEqual(['membership.changed']);
  });

  it("does not send one process's events to another process's streams", async () => {
    const other = await (
      await mediator.send('POST', '/api/v1/processes', { title: 'Live elsewhere' })
    ).json();
    const elsewhere = await openEventStream(eventsUrl(a.url, other.process.id), asCookie(mediator));
    const here = await openEventStream(eventsUrl(a.url), asCookie(mediator));
    await editDemoDraft();
    expect((await here.next()).processId).toBe(demo.processId);
    const created = await mediator.send('POST', `/api/v1/processes/${other.process.id}/plans/import`, {
      format: 'text',
      text: SAMPLE_PLAN_TEXT,
    });
    expect(created.status).toBe(201);
    await editDemoDraft((await created.json()).plan.id);
    expect((await elsewhere.next()).processId).toBe(other.process.id);
    expect(elsewhere.messages).toHaveLength(1);
  });

  it('refuses outsiders as if the process did not exist, and clients without credentials', async () => {
    await createUser(database, {
      email: `live-outsider-${dialect}@example.org`,
      name: 'Outsider',
      password: 'a long outsider password',
      isAdmin: false,
    });
    const outsider = await signInOverHttp(
      a.url,
      `live-outsider-${dialect}@example.org`,
      'a long outsider password',
    );
    for (const processId of [demo.processId, 'prc_doesnotexist']) {
      const refused = await openEventStream(eventsUrl(a.url, processId), asCookie(outsider));
      expect(refused.status).toBe(404);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(JSON.parse(refused.body).code).toBe('process.not_found');
    }
    const anonymous: Record<string, string>[] = [
      {},
      { cookie: 'entente_session=forged' },
      { authorization: 'Bearer ent_forged' },
    ];
    for (const headers of anonymous) {
      const refused = await openEventStream(eventsUrl(a.url), headers);
      expect(refused.status).toBe(401);
      expect(JSON.parse(refused.body).code).toBe('auth.required');
    }
  });

  it('ends the stream of a member removed from the process at the next membership change', async () => {
    const newcomer = await addNewcomer();
    const user = await signInOverHttp(a.url, newcomer.email, newcomer.password);
    const stream = await openEventStream(eventsUrl(a.url), asCookie(user));
    expect(stream.status).toBe(200);
    const account = await findUserByEmail(database.db, newcomer.email);
    // There is no API to remove a member yet; the row goes as a removal would take it.
    await database.db.deleteFrom('memberships').where('user_id', '=', account!.id).execute();
    await addNewcomer();
    await stream.ended();
    expect(stream.messages).toEqual([]);
    expect((await openEventStream(eventsUrl(a.url), asCookie(user))).status).toBe(404);
  });

  it('ends the stream of a session that was signed out, at the periodic re-check', async () => {
    const user = await signInOverHttp(a.url, DELEGATE);
    const stream = await openEventStream(eventsUrl(a.url), asCookie(user));
    expect(stream.status).toBe(200);
    expect((await user.send('POST', '/api/v1/auth/sign-out')).status).toBe(204);
    await stream.ended();
  });

  it('limits the streams one user holds open', async () => {
    const user = await signInOverHttp(a.url, 'observer@bcc.example');
    const streams = [];
    for (let i = 0; i < SETTINGS.perUser; i++)
      streams.push(await openEventStream(eventsUrl(a.url), asCookie(user)));
    expect(streams.map((s) => s.status)).toEqual(streams.map(() => 200));
    const over = await openEventStream(eventsUrl(a.url), asCookie(user));
    expect(over.status).toBe(429);
    expect(JSON.parse(over.body).code).toBe('too_many_requests');
    streams[0]?.close();
    // Once the server has noticed the closed connection there is room again.
    let status = 429;
    for (let attempt = 0; attempt < 100 && status === 429; attempt++) {
      await sleep(20);
      status = (await openEventStream(eventsUrl(a.url), asCookie(user))).status;
    }
    expect(status).toBe(200);
  });

  it('ends open streams when the app closes, without hanging', async () => {
    const extra = await startInstance(database, SETTINGS);
    const stream = await openEventStream(eventsUrl(extra.url), asCookie(mediator));
    expect(stream.status).toBe(200);
    const closing = extra.app.close();
    await stream.ended();
    await expect(Promise.race([closing.then(() => 'closed'), sleep(5000).then(() => 'hung')])).resolves.toBe(
      'closed',
    );
  });

  if (dialect === 'postgres') {
    it('carries an edit made through one instance to a client of another (LISTEN/NOTIFY)', async () => {
      const second = openDatabase({ kind: 'postgres', url: url!, poolSize: 2 });
      const b = await startInstance(second, SETTINGS);
      try {
        const onB = await openEventStream(eventsUrl(b.url), asCookie(mediator));
        const delegateOnB = await openEventStream(eventsUrl(b.url), await bearer(DELEGATE));
        const revision = await editDemoDraft(); // through instance A
        expect(await onB.next()).toEqual({
          type: 'draft.changed',
          processId: demo.processId,
          planId: demo.planId,
          revision,
        });
        await addNewcomer();
        expect((await delegateOnB.next()).type).toBe('membership.changed');
        expect(delegateOnB.messages).toHaveLength(1);
      } finally {
        await b.app.close();
        await second.close();
      }
    });

    it('listens again after its connection is killed, ending streams so that clients re-fetch', async () => {
      const before = await openEventStream(eventsUrl(a.url), asCookie(mediator));
      const killed = await sql<{ n: number }>`select count(pg_terminate_backend(pid))::int as n
        from pg_stat_activity where application_name = 'entente-live' and datname = current_database()`.execute(
        database.db,
      );
      expect(killed.rows[0]?.n).toBe(1);
      // Re-listening reports a gap: the stream ends and the client reconnects.
      await before.ended();
      const after = await openEventStream(eventsUrl(a.url), asCookie(mediator));
      const revision = await editDemoDraft();
      expect(await after.next()).toMatchObject({ type: 'draft.changed', revision });
    });
  }
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
