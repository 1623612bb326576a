import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';
import { liveInstanceForTests, openProcessStream } from '../support/event-stream.ts';
import { demoVersions, expectProblem, problemFields } from '../support/factories.ts';
import { agreementOnVersion, writeCommitment } from '../support/monitoring-factories.ts';
import { type Client, useTestApp } from '../support/test-app.ts';

interface EventReport {
  id: string;
  occurredAt: string;
  timePrecision: string;
  placeName: string;
  latitude: number | null;
  longitude: number | null;
  eventType: string;
  description: string;
  status: string;
  nextStatuses: string[];
  attributedParty: { id: string; code: string } | null;
  reportedByParty: { id: string; code: string } | null;
  reportedBy: { id: string; name: string } | null;
  revision: number;
  history: { status: string; note: string; attributedParty: { code: string } | null }[];
  links: { commitmentId: string; commitmentTitle: string }[];
}

const KARST = 'lead@karst.example';
const VELORIA = 'lead@veloria.example';
const MONITOR = 'monitor@ccv.example';
const OBSERVER = 'observer@bcc.example';

describeEachDatabase('event reports: filing, lists, verification, links', (dialect) => {
  const ctx = useTestApp(dialect);
  let mediator: Client;
  let monitor: Client;
  let karst: Client;
  let veloria: Client;
  let observer: Client;
  let party: (code: string) => string;
  const url = (path = '') => `/api/v1/processes/${ctx().demo.processId}/event-reports${path}`;
  let seq = 0;

  beforeAll(async () => {
    mediator = await ctx().signIn(ctx().demo.mediatorEmail);
    monitor = await ctx().signIn(MONITOR);
    karst = await ctx().signIn(KARST);
    veloria = await ctx().signIn(VELORIA);
    observer = await ctx().signIn(OBSERVER);
    const overview = (await mediator.get(`/api/v1/processes/${ctx().demo.processId}`)).json();
    party = (code) => overview.parties.find((p: { code: string }) => p.code === code).id;
  });

  const file = async (client: Client, over: Record<string, unknown> = {}) => {
    const res = await client.post(url(), {
      occurredAt: '2031-04-02T06:40:00+03:00',
      placeName: `Sarn heights ${++seq}`,
      latitude: -49.2,
      longitude: 69.22,
      eventType: 'Ceasefire violation',
      subEventType: 'Shelling',
      actor1: 'Unknown',
      description: `Artillery fire heard for twenty minutes, report ${seq}.`,
      source: 'Local council',
      sourceReliability: 'C',
      infoCredibility: 3,
      ...over,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().eventReport as EventReport;
  };
  const setStatus = (client: Client, id: string, body: Record<string, unknown>) =>
    client.post(url(`/${id}/status`), body);
  const count = async (
    table: 'event_reports' | 'event_status_history' | 'audit_log' | 'commitment_progress',
  ) =>
    Number(
      (
        await ctx()
          .database.db.selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const listAll = async (client: Client, query = '') => {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await client.get(url(`?limit=7${query}${cursor ? `&cursor=${cursor}` : ''}`));
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json() as { items: EventReport[]; nextCursor: string | null };
      ids.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    return ids;
  };

  it("files a delegate's report for its party and the mission's for none, from its first status", async () => {
    const alleged = await file(veloria);
    expect(alleged).toMatchObject({
      status: 'received',
      occurredAt: '2031-04-02T03:40:00.000Z',
      reportedByParty: { code: 'VEL' },
      reportedBy: { name: 'Mirela Dragan' },
      attributedParty: null,
      revision: 1,
      // Delegates do not verify.
      nextStatuses: [],
    });
    expect(alleged.history.map((h) => h.status)).toEqual(['received']);
    const seen = await file(monitor, { timePrecision: 'day', occurredAt: '2031-04-03T15:20:00Z' });
    expect(seen.reportedByParty).toBeNull();
    // A report known only to the day starts at that day.
    expect(seen.occurredAt).toBe('2031-04-03T00:00:00.000Z');
    expect((await monitor.get(url(`/${seen.id}`))).json().eventReport.nextStatuses).toEqual([
      'under_investigation',
      'dismissed',
    ]);
    // Observers are briefed; they do not file.
    expectProblem(
      await observer.post(url(), { occurredAt: '2031-04-02', eventType: 'Release', description: 'x' }),
      403,
    );
    const audit = await ctx()
      .database.db.selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('subject_id', '=', alleged.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['event_report.create']);
    expect(audit[0]?.detail).not.toContain('Artillery');
  });

  it('refuses bad input with a clear 4xx naming the field, and writes nothing', async () => {
    const before = [await count('event_reports'), await count('audit_log')];
    const base = { occurredAt: '2031-04-02', eventType: 'Release', description: 'Two detainees released.' };
    const cases: [Record<string, unknown>, string[]][] = [
      [{ ...base, latitude: 48.5 }, ['body.longitude']],
      [{ ...base, latitude: 95, longitude: 37 }, ['body.latitude']],
      [{ ...base, latitude: 45, longitude: 200 }, ['body.longitude']],
      [{ ...base, occurredAt: '2031-02-30' }, ['body.occurredAt']],
      [{ ...base, occurredAt: '02/04/2031' }, ['body.occurredAt']],
      [{ ...base, description: '' }, ['body.description']],
      [{ ...base, eventType: undefined }, ['body.eventType']],
      [
        { ...base, sourceReliability: 'G', infoCredibility: 7 },
        ['body.sourceReliability', 'body.infoCredibility'],
      ],
      [{ ...base, status: 'verified' }, ['body.status']],
      // Every problem at once, the missing coordinate too.
      [{ ...base, description: '', latitude: 48.5 }, ['body.description', 'body.longitude']],
    ];
    for (const [body, fields] of cases) {
      const res = await monitor.post(url(), body);
      expectProblem(res, 400, 'validation.failed');
      expect(problemFields(res), JSON.stringify(body)).toEqual(fields);
    }
    expect(await monitor.get(url('?from=2031-05-01&to=2031-04-01'))).toMatchObject({ statusCode: 400 });
    expect(problemFields(await monitor.get(url('?cursor=garbage')))).toEqual(['query.cursor']);
    expect([await count('event_reports'), await count('audit_log')]).toEqual(before);
  });

  it('lists newest first with filters, a page at a time', async () => {
    const filed: EventReport[] = [];
    for (let day = 10; day < 25; day++)
      filed.push(
        await file(monitor, {
          occurredAt: `2032-01-${day}T12:00:00Z`,
          eventType: day % 3 === 0 ? 'Release' : 'Withdrawal',
          placeName: day === 12 ? 'Lindor bay_50%' : `Kessel ${day}`,
        }),
      );
    const window = '&from=2032-01-10&to=2032-01-31';
    const ids = await listAll(monitor, window);
    expect(ids).toEqual([...filed].reverse().map((e) => e.id));
    const releases = await listAll(monitor, `${window}&type=Release`);
    expect(releases).toEqual(
      filed
        .filter((e) => e.eventType === 'Release')
        .reverse()
        .map((e) => e.id),
    );
    // Text search is literal: % and _ are not wildcards.
    const found = (await monitor.get(url(`?q=${encodeURIComponent('bay_50%')}`))).json()
      .items as EventReport[];
    expect(found.map((e) => e.placeName)).toEqual(['Lindor bay_50%']);
    expect((await monitor.get(url(`?q=${encodeURIComponent('y_5')}${window}`))).json().items).toHaveLength(1);
    expect((await monitor.get(url(`?q=${encodeURIComponent('%')}${window}`))).json().items).toHaveLength(1);
    expect((await monitor.get(url(`?q=KESSEL 2${window}`))).json().items).toHaveLength(5);
    const late = await listAll(monitor, '&from=2032-01-20T00:00:00Z&to=2032-01-31');
    expect(late).toHaveLength(5);

    const target = filed[3]!;
    await setStatus(monitor, target.id, { status: 'under_investigation' });
    const verified = await setStatus(monitor, target.id, {
      status: 'verified',
      attributedPartyId: party('KRF'),
      note: 'Confirmed by two patrols.',
    });
    expect(verified.statusCode, verified.body).toBe(200);
    expect(await listAll(monitor, `&partyId=${party('KRF')}${window}`)).toEqual([target.id]);
    expect(await listAll(monitor, `&status=verified${window}`)).toEqual([target.id]);
  });

  it('runs the verification workflow, refusing moves it does not allow and stale revisions', async () => {
    const report = await file(veloria);
    const refused = await setStatus(monitor, report.id, { status: 'verified' });
    const problem = expectProblem(refused, 409, 'transition.not_allowed');
    expect(problem.detail).toContain('received');
    const early = await setStatus(monitor, report.id, {
      status: 'under_investigation',
      attributedPartyId: party('KRF'),
    });
    expect(problemFields(early)).toEqual(['body.attributedPartyId']);
    expectProblem(await setStatus(karst, report.id, { status: 'under_investigation' }), 404);
    expectProblem(await setStatus(veloria, report.id, { status: 'under_investigation' }), 403);

    expect(
      (await setStatus(monitor, report.id, { status: 'under_investigation', note: 'Team sent.' })).statusCode,
    ).toBe(200);
    const unverified = await setStatus(monitor, report.id, {
      status: 'unverified',
      attributedPartyId: party('KRF'),
      note: 'No crater found.',
    });
    expect(unverified.json().eventReport).toMatchObject({
      status: 'unverified',
      attributedParty: { code: 'KRF' },
    });
    expectProblem(
      await setStatus(monitor, report.id, { status: 'under_investigation', attributedPartyId: 'pty_none' }),
      400,
    );
    await setStatus(monitor, report.id, { status: 'under_investigation', note: 'New footage.' });
    const done = (
      await setStatus(mediator, report.id, {
        status: 'verified',
        attributedPartyId: party('KRF'),
        note: 'Footage checked.',
      })
    ).json().eventReport as EventReport;
    expect(done.history.map((h) => [h.status, h.attributedParty?.code ?? null])).toEqual([
      ['received', null],
      ['under_investigation', null],
      ['unverified', 'KRF'],
      ['under_investigation', null],
      ['verified', 'KRF'],
    ]);
    // The attribution stays through the reopening, and verified is final.
    expect(done.attributedParty?.code).toBe('KRF');
    expect(done.nextStatuses).toEqual([]);
    const final = expectProblem(
      await setStatus(monitor, report.id, { status: 'dismissed' }),
      409,
      'transition.not_allowed',
    );
    expect(final.detail).toContain('final');

    // Corrections go through PATCH on the revision read.
    const stale = await monitor.patch(url(`/${report.id}`), { revision: 1, placeName: 'Sarn ridge' });
    expect(expectProblem(stale, 409, 'conflict').currentRevision).toBe(done.revision);
    const fixed = await monitor.patch(url(`/${report.id}`), {
      revision: done.revision,
      placeName: 'Sarn ridge',
      latitude: null,
      longitude: null,
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json().eventReport).toMatchObject({
      placeName: 'Sarn ridge',
      latitude: null,
      revision: done.revision + 1,
    });
    expect(problemFields(await monitor.patch(url(`/${report.id}`), { revision: 9, latitude: 10 }))).toEqual([
      'body.longitude',
    ]);
    expectProblem(
      await veloria.patch(url(`/${report.id}`), { revision: done.revision + 1, placeName: 'x' }),
      403,
    );
    const audit = await ctx()
      .database.db.selectFrom('audit_log')
      .select('action')
      .where('subject_id', '=', report.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'event_report.create',
      ...Array(4).fill('event_report.status'),
      'event_report.update',
    ]);
  });

  it('links reports to commitments; only a verified one moves progress, once', async () => {
    const [, draft2] = await demoVersions(mediator, ctx().demo.planId);
    const createdBy = (
      await ctx()
        .database.db.selectFrom('users')
        .select('id')
        .where('email', '=', ctx().demo.mediatorEmail)
        .executeTakeFirstOrThrow()
    ).id;
    const agreementId = await agreementOnVersion(ctx().database, {
      processId: ctx().demo.processId,
      planId: ctx().demo.planId,
      versionId: draft2!.id,
      createdBy,
    });
    const commitmentId = await writeCommitment(ctx().database, {
      processId: ctx().demo.processId,
      agreementId,
      createdBy,
      title: 'Release of detainees',
    });
    const report = await file(monitor, { eventType: 'Release', description: 'Forty detainees released.' });
    const link = (client: Client, body: Record<string, unknown>) =>
      client.post(url(`/${report.id}/links`), body);
    const progressBefore = await count('commitment_progress');

    const early = await link(monitor, { commitmentId, progress: { kind: 'progress', quantity: 40 } });
    const problem = expectProblem(early, 409, 'transition.not_allowed');
    expect(problem.detail).toContain('verify it first');
    const linked = await link(monitor, { commitmentId });
    expect(linked.statusCode, linked.body).toBe(201);
    expect(linked.json().progress).toBeNull();
    expect((linked.json().eventReport as EventReport).links).toEqual([
      expect.objectContaining({ commitmentId, commitmentTitle: 'Release of detainees' }),
    ]);
    expect(await count('commitment_progress')).toBe(progressBefore);
    expectProblem(await link(monitor, { commitmentId: 'cmt_nosuch' }), 404, 'commitment.not_found');
    expectProblem(await link(karst, { commitmentId }), 404);

    await setStatus(monitor, report.id, { status: 'under_investigation' });
    await setStatus(monitor, report.id, { status: 'verified', attributedPartyId: party('VEL') });
    const moved = await link(monitor, {
      commitmentId,
      progress: { kind: 'progress', quantity: 40, note: 'First group.' },
    });
    expect(moved.statusCode, moved.body).toBe(201);
    expect(moved.json().progress).toMatchObject({ commitmentId, kind: 'progress', quantity: 40 });
    const rows = await ctx()
      .database.db.selectFrom('commitment_progress')
      .selectAll()
      .where('event_report_id', '=', report.id)
      .execute();
    expect(rows).toMatchObject([
      { commitment_id: commitmentId, quantity: 40, occurred_at: report.occurredAt },
    ]);
    expectProblem(await link(monitor, { commitmentId, progress: { kind: 'completed' } }), 409, 'conflict');
    // Karst holds Draft 2: once verified, it reads the report and its link.
    const forKarst = (await karst.get(url(`/${report.id}`))).json().eventReport as EventReport;
    expect(forKarst.links.map((l) => l.commitmentId)).toEqual([commitmentId]);

    const unlinked = await monitor.request({
      method: 'DELETE',
      url: url(`/${report.id}/links/${commitmentId}`),
    });
    expect(unlinked.statusCode, unlinked.body).toBe(204);
    expectProblem(
      await monitor.request({ method: 'DELETE', url: url(`/${report.id}/links/${commitmentId}`) }),
      404,
    );
    // The progress the report brought stays on record.
    expect(await count('commitment_progress')).toBe(progressBefore + 1);
    const actions = await ctx()
      .database.db.selectFrom('audit_log')
      .select('action')
      .where('subject_id', '=', report.id)
      .orderBy('seq')
      .execute();
    expect(actions.map((a) => a.action).filter((a) => a.includes('link'))).toEqual([
      'event_report.link',
      'event_report.link',
      'event_report.unlink',
    ]);
  });

  it('gives the map compact rows of the located events the reader may read', async () => {
    const located = await file(monitor, { occurredAt: '2033-06-01T10:00:00Z', eventType: 'Aid access' });
    await file(monitor, {
      occurredAt: '2033-06-02T10:00:00Z',
      latitude: null,
      longitude: null,
      placeName: 'Somewhere',
    });
    const res = await monitor.get(url('/map?from=2033-06-01&to=2033-06-30'));
    expect(res.statusCode, res.body).toBe(200);
    const map = res.json() as {
      types: string[];
      statuses: string[];
      events: [string, number, number, number, number, number][];
    };
    expect(map.events).toHaveLength(1);
    const [id, lon, lat, type, at, status] = map.events[0]!;
    expect([id, lon, lat, map.types[type], at, map.statuses[status]]).toEqual([
      located.id,
      69.22,
      -49.2,
      'Aid access',
      Date.parse('2033-06-01T10:00:00Z') / 1000,
      'received',
    ]);
    expect((await monitor.get(url('/map?type=Aid%20access&from=2033-06-01'))).json().events).toHaveLength(1);
    expect((await monitor.get(url('/map?status=verified&from=2033-06-01'))).json().events).toHaveLength(0);
  });

  it("keeps another party's unverified allegation from Karst everywhere until it is verified", async () => {
    const secret = 'Karst battery at the old mill fired on the school';
    const allegation = await file(veloria, {
      occurredAt: '2034-02-01T08:00:00Z',
      description: secret,
      placeName: 'Old mill',
    });
    const sees = async (client: Client) => {
      const list = await client.get(url('?from=2034-02-01&to=2034-02-28'));
      const map = await client.get(url('/map?from=2034-02-01&to=2034-02-28'));
      const detail = await client.get(url(`/${allegation.id}`));
      return {
        list: (list.json().items as EventReport[]).some((e) => e.id === allegation.id),
        map: (map.json().events as string[][]).some((e) => e[0] === allegation.id),
        detail: detail.statusCode,
        // A 404 names the id asked for; nothing else may mention the allegation.
        text: [list.body, map.body].some((b) => b.includes(allegation.id)) || detail.body.includes(secret),
        body: detail,
      };
    };
    const before = await sees(karst);
    expect(before).toMatchObject({ list: false, map: false, detail: 404, text: false });
    // The same answer as for a report that does not exist.
    const missing = await karst.get(url('/evt_doesnotexist'));
    expect(before.body.json().code).toBe(missing.json().code);
    expect(await sees(observer)).toMatchObject({ list: false, map: false, detail: 404, text: false });
    expect(await sees(veloria)).toMatchObject({ list: true, map: true, detail: 200 });
    expect(await sees(monitor)).toMatchObject({ list: true, map: true, detail: 200 });
    // The audit log is the mediator team's; its view never quotes the report.
    expect([403, 404]).toContain(
      (await karst.get(`/api/v1/processes/${ctx().demo.processId}/audit`)).statusCode,
    );
    const audit = await mediator.get(`/api/v1/processes/${ctx().demo.processId}/audit?action=event_report.`);
    expect(audit.statusCode, audit.body).toBe(200);
    expect(audit.body).not.toContain(secret);
    expect(audit.json().entries.map((e: { summary: string }) => e.summary)).toContain(
      'filed an event report for Republic of Veloria',
    );

    await setStatus(monitor, allegation.id, { status: 'under_investigation' });
    expect((await sees(karst)).detail).toBe(404);
    await setStatus(monitor, allegation.id, { status: 'verified', attributedPartyId: party('KRF') });
    const after = await sees(karst);
    expect(after).toMatchObject({ list: true, map: true, detail: 200 });
    const forKarst = after.body.json().eventReport as EventReport;
    expect(forKarst.description).toBe(secret);
    // Who on Veloria's team filed it is Veloria's business.
    expect(forKarst.reportedBy).toBeNull();
    expect(forKarst.reportedByParty?.code).toBe('VEL');
  });

  liveEventTests();

  function liveEventTests() {
    const instance = liveInstanceForTests(() => ctx().database);

    it('tells the mission and the filing party of an allegation, and everyone once it is verified', async () => {
      const events = (email: string) => openProcessStream(instance(), ctx().demo.processId, email);
      const [karstStream, veloriaStream, monitorStream] = await Promise.all([
        events(KARST),
        events(VELORIA),
        events(MONITOR),
      ]);
      const isEvent = (e: Record<string, unknown>) => e.type === 'event_report.changed';
      const allegation = await file(veloria, { description: 'Shots at the checkpoint.' });
      expect((await monitorStream.next(isEvent)).eventReportId).toBe(allegation.id);
      const heard = await veloriaStream.next(isEvent);
      expect(heard).toEqual({
        type: 'event_report.changed',
        processId: ctx().demo.processId,
        eventReportId: allegation.id,
        reportedByPartyId: party('VEL'),
        verified: false,
      });
      await setStatus(monitor, allegation.id, { status: 'under_investigation' });
      await monitorStream.next(isEvent);
      await setStatus(monitor, allegation.id, { status: 'verified' });
      // Karst's first report event is the verification: it never heard of the allegation before.
      const first = await karstStream.next(isEvent);
      expect(first).toMatchObject({ eventReportId: allegation.id, verified: true });
      expect(JSON.stringify(karstStream.messages)).not.toContain('Shots at the checkpoint');
    });
  }
});
