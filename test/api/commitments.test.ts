import { beforeAll, expect, it } from 'vitest';
import type { PlanContent } from '../../src/domain/plans/plan.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { demoVersions, expectProblem, problemFields } from '../support/factories.ts';
import {
  adoptThroughApi,
  type CommitmentView,
  commitThroughApi,
  writeEventReport,
} from '../support/monitoring-factories.ts';
import { type Client, useTestApp } from '../support/test-app.ts';

const KARST = 'lead@karst.example';
const VELORIA = 'lead@veloria.example';
const OBSERVER = 'observer@bcc.example';
const MONITOR = 'monitor@ccv.example';

describeEachDatabase('commitments: terms, derivation, progress, scores and who may do what', (dialect) => {
  const ctx = useTestApp(dialect);
  let mediator: Client;
  let karst: Client;
  let veloria: Client;
  let observer: Client;
  let monitor: Client;
  let party: (code: string) => string;
  let versions: { id: string; label: string }[];
  let text: PlanContent;
  let agreement: Awaited<ReturnType<typeof adoptThroughApi>>;
  const processUrl = (path: string) => `/api/v1/processes/${ctx().demo.processId}${path}`;
  const agreementUrl = (path = '', id = agreement.id) => processUrl(`/agreements/${id}${path}`);
  const commitmentUrl = (id: string, path = '') => processUrl(`/commitments/${id}${path}`);
  const commit = (body: Record<string, unknown>, id = agreement.id) =>
    commitThroughApi(mediator, ctx().demo.processId, id, body);
  const read = async (client: Client, id: string) => {
    const res = await client.get(commitmentUrl(id));
    expect(res.statusCode, res.body).toBe(200);
    return res.json().commitment as CommitmentView;
  };
  const counts = async () => {
    const db = ctx().database.db;
    const n = async (table: 'commitments' | 'commitment_progress' | 'commitment_scores' | 'audit_log') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return Promise.all([n('commitments'), n('commitment_progress'), n('commitment_scores'), n('audit_log')]);
  };
  const pointWithItems = () => text.points.find((p) => p.items.length >= 2)!;

  beforeAll(async () => {
    mediator = await ctx().signIn(ctx().demo.mediatorEmail);
    karst = await ctx().signIn(KARST);
    veloria = await ctx().signIn(VELORIA);
    observer = await ctx().signIn(OBSERVER);
    monitor = await ctx().signIn(MONITOR);
    const overview = (await mediator.get(processUrl(''))).json();
    party = (code) => overview.parties.find((p: { code: string }) => p.code === code).id;
    versions = await demoVersions(mediator, ctx().demo.planId);
    text = (await mediator.get(`/api/v1/plans/${ctx().demo.planId}/versions/${versions[1]!.id}`)).json()
      .content;
    agreement = await adoptThroughApi(mediator, ctx().demo.processId, {
      versionId: versions[1]!.id,
      entryIntoForce: { local: '2025-03-20T12:00', zone: 'Europe/Zurich' },
      phases: [{ name: 'Phase one' }, { name: 'Phase two' }],
    });
  });

  it('adds commitments tied to points of the adopted text, with deadlines of each kind', async () => {
    const first = text.points[0]!;
    const ceasefire = await commit({
      title: 'Cessation of hostilities takes effect',
      description: 'Along the entire line of contact.',
      pointId: first.id,
      phaseId: agreement.phases[0]!.id,
      partyIds: [party('VEL'), party('KRF')],
      deadline: { kind: 'after_entry_into_force', amount: 72, unit: 'hours' },
      verificationMethod: 'CCV patrol reports',
    });
    expect(ceasefire).toMatchObject({
      agreementId: agreement.id,
      position: 1,
      pointNumber: first.number,
      subItem: null,
      area: text.areas.find((a) => a.id === first.areaId)?.title,
      tags: first.tags,
      // Noon in Zurich (UTC+1) plus 72 elapsed hours.
      deadlineAt: '2025-03-23T11:00:00.000Z',
      waitingFor: null,
      // Nothing recorded, and the deadline long past.
      status: 'overdue',
      score: null,
      verificationMethod: 'CCV patrol reports',
      revision: 1,
      progress: [],
      scores: [],
      events: [],
    });
    expect(ceasefire.partyIds.sort()).toEqual([party('VEL'), party('KRF')].sort());
    // Calendar days keep the wall time across the clock change of 30 March: noon CEST is 10:00 UTC.
    const month = await commit({
      title: 'Release of detainees',
      deadline: { kind: 'after_entry_into_force', amount: 30, unit: 'days' },
      targetQuantity: 20,
      targetUnit: 'persons',
    });
    expect(month).toMatchObject({
      deadlineAt: '2025-04-19T10:00:00.000Z',
      targetQuantity: 20,
      quantityDone: 0,
    });
    const after = await commit({
      title: 'Heavy weapons withdrawn',
      deadline: { kind: 'after_commitment', amount: 14, unit: 'days', commitmentId: ceasefire.id },
    });
    expect(after).toMatchObject({ deadlineAt: null, waitingFor: 'commitment', status: 'not_started' });
    const item = pointWithItems();
    const sub = await commit({
      title: 'No air strikes',
      pointId: item.id,
      subItem: 1,
      deadline: { kind: 'absolute', local: '2025-06-01T00:00', zone: 'Europe/Zurich' },
    });
    expect(sub).toMatchObject({
      pointNumber: `${item.number} ${item.items[1]!.label}`,
      subItem: 1,
      deadlineAt: '2025-05-31T22:00:00.000Z',
      deadline: { kind: 'absolute', local: '2025-06-01T00:00', zone: 'Europe/Zurich' },
    });
    const list = await mediator.get(agreementUrl('/commitments?asOf=2025-03-21T00:00:00Z'));
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().asOf).toBe('2025-03-21T00:00:00.000Z');
    expect(list.json().items.map((c: CommitmentView) => [c.title, c.status])).toEqual([
      ['Cessation of hostilities takes effect', 'not_started'],
      ['Release of detainees', 'not_started'],
      ['Heavy weapons withdrawn', 'not_started'],
      ['No air strikes', 'not_started'],
    ]);
    expect(list.json().items[0].description).toBe('Along the entire line of contact.');
    expect((await mediator.get(agreementUrl())).json().agreement.commitmentCount).toBe(4);
  });

  it('changes terms at a revision, and refuses to remove a commitment another one waits for', async () => {
    const [ceasefire, , after] = (await mediator.get(agreementUrl('/commitments'))).json()
      .items as CommitmentView[];
    const renamed = await mediator.patch(commitmentUrl(after!.id), {
      revision: 1,
      title: 'Heavy weapons withdrawn to 15 km',
      partyIds: [party('KRF')],
      pointId: text.points[2]!.id,
      phaseId: agreement.phases[0]!.id,
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json().commitment).toMatchObject({
      title: 'Heavy weapons withdrawn to 15 km',
      partyIds: [party('KRF')],
      revision: 2,
      deadline: { kind: 'after_commitment', amount: 14, unit: 'days', commitmentId: ceasefire!.id },
    });
    const stale = await mediator.patch(commitmentUrl(after!.id), { revision: 1, title: 'Lost' });
    expect(expectProblem(stale, 409, 'conflict').currentRevision).toBe(2);
    const anchor = await mediator.request({ method: 'DELETE', url: commitmentUrl(ceasefire!.id) });
    expectProblem(anchor, 409, 'conflict');
    const spare = await commit({ title: 'To be removed' });
    const removed = await mediator.request({ method: 'DELETE', url: commitmentUrl(spare.id) });
    expect(removed.statusCode, removed.body).toBe(204);
    expectProblem(await mediator.get(commitmentUrl(spare.id)), 404, 'commitment.not_found');
  });

  it('names each bad field and writes nothing', async () => {
    const [ceasefire, , after] = (await mediator.get(agreementUrl('/commitments'))).json()
      .items as CommitmentView[];
    const before = await counts();
    const post = (body: Record<string, unknown>) =>
      mediator.post(agreementUrl('/commitments'), { title: 'Bad', ...body });
    const fields = async (res: Awaited<ReturnType<typeof post>>) => {
      expectProblem(res, 400, 'validation.failed');
      return problemFields(res).sort();
    };
    expect(await fields(await post({ pointId: 'pt_nope' }))).toEqual(['body.pointId']);
    expect(await fields(await post({ pointId: pointWithItems().id, subItem: 40 }))).toEqual(['body.subItem']);
    expect(await fields(await post({ subItem: 0 }))).toEqual(['body.subItem']);
    expect(await fields(await post({ phaseId: 'phs_nope', partyIds: ['pty_nope'] }))).toEqual([
      'body.partyIds.0',
      'body.phaseId',
    ]);
    expect(await fields(await post({ partyIds: [party('VEL'), party('VEL')] }))).toEqual(['body.partyIds']);
    expect(
      await fields(
        await post({ deadline: { kind: 'absolute', local: '2025-03-30T02:30', zone: 'Europe/Zurich' } }),
      ),
    ).toEqual(['body.deadline.local']);
    expect(
      await fields(
        await post({ deadline: { kind: 'absolute', local: '2025-03-30T12:00', zone: 'Europe/Atlantis' } }),
      ),
    ).toEqual(['body.deadline.zone']);
    expect(
      await fields(await post({ deadline: { kind: 'after_entry_into_force', amount: -3, unit: 'days' } })),
    ).toEqual(['body.deadline.amount']);
    expect(
      await fields(
        await post({ deadline: { kind: 'after_entry_into_force', amount: 3, unit: 'fortnights' } }),
      ),
    ).toEqual(['body.deadline.unit']);
    expect(
      await fields(
        await post({
          deadline: { kind: 'after_commitment', amount: 3, unit: 'days', commitmentId: 'cmt_x' },
        }),
      ),
    ).toEqual(['body.deadline.commitmentId']);
    expect(await fields(await post({ deadline: { kind: 'soon' } }))).toEqual(['body.deadline.kind']);
    expect(await fields(await post({ targetQuantity: -5 }))).toEqual(['body.targetQuantity']);
    expect(await fields(await post({ targetQuantity: 0 }))).toEqual(['body.targetQuantity']);
    // A cycle: the ceasefire waiting for the withdrawal, which waits for the ceasefire.
    const cycle = await mediator.patch(commitmentUrl(ceasefire!.id), {
      revision: ceasefire!.revision,
      deadline: { kind: 'after_commitment', amount: 1, unit: 'days', commitmentId: after!.id },
    });
    expect(await fields(cycle)).toEqual(['body.deadline.commitmentId']);
    expect(expectProblem(cycle, 400).detail).toContain('circle');
    const self = await mediator.patch(commitmentUrl(ceasefire!.id), {
      revision: ceasefire!.revision,
      deadline: { kind: 'after_commitment', amount: 1, unit: 'days', commitmentId: ceasefire!.id },
    });
    expect(await fields(self)).toEqual(['body.deadline.commitmentId']);

    const progress = (body: Record<string, unknown>) =>
      monitor.post(commitmentUrl(ceasefire!.id, '/progress'), {
        occurredAt: '2025-03-22T08:00:00Z',
        kind: 'progress',
        ...body,
      });
    expect(await fields(await progress({ quantity: -1 }))).toEqual(['body.quantity']);
    expect(await fields(await progress({ quantity: 2.5 }))).toEqual(['body.quantity']);
    expect(await fields(await progress({ kind: 'finished' }))).toEqual(['body.kind']);
    expect(await fields(await progress({ occurredAt: 'yesterday' }))).toEqual(['body.occurredAt']);
    expect(await fields(await progress({ occurredAt: '2099-01-01T00:00:00Z' }))).toEqual(['body.occurredAt']);
    expect(await fields(await progress({ eventReportId: 'evt_nope' }))).toEqual(['body.eventReportId']);
    const score = (body: Record<string, unknown>) =>
      monitor.post(commitmentUrl(ceasefire!.id, '/scores'), {
        score: 2,
        justification: 'Half done.',
        ...body,
      });
    expect(await fields(await score({ score: 4 }))).toEqual(['body.score']);
    expect(await fields(await score({ score: -1 }))).toEqual(['body.score']);
    expect(await fields(await score({ score: 1.5 }))).toEqual(['body.score']);
    expect(await fields(await score({ justification: '   ' }))).toEqual(['body.justification']);
    expect(await fields(await score({ justification: undefined }))).toEqual(['body.justification']);
    expect(await fields(await score({ eventReportIds: ['evt_nope'] }))).toEqual(['body.eventReportIds.0']);
    expect(await fields(await score({ evidence: [{ label: 'Log', url: 'javascript:alert(1)' }] }))).toEqual([
      'body.evidence.0.url',
    ]);
    expect(await fields(await score({ effectiveAt: '2099-01-01T00:00:00Z' }))).toEqual(['body.effectiveAt']);
    expect(await counts()).toEqual(before);
  });

  it('lets monitors record progress and scores with evidence, keeping the history', async () => {
    const [ceasefire] = (await mediator.get(agreementUrl('/commitments'))).json().items as CommitmentView[];
    const done = await monitor.post(commitmentUrl(ceasefire!.id, '/progress'), {
      occurredAt: '2025-03-22T09:00:00+01:00',
      kind: 'completed',
      note: 'No firing reported along the line since 06:00.',
    });
    expect(done.statusCode, done.body).toBe(201);
    expect(done.json().commitment).toMatchObject({
      status: 'completed',
      completedAt: '2025-03-22T08:00:00.000Z',
      progress: [{ kind: 'completed', occurredAt: '2025-03-22T08:00:00.000Z' }],
    });
    const first = await monitor.post(commitmentUrl(ceasefire!.id, '/scores'), {
      score: 2,
      justification: 'Holding, with local violations.',
      evidence: [{ label: 'CCV daily report 3', url: 'https://ccv.example/reports/3' }],
      effectiveAt: '2025-03-23T00:00:00Z',
    });
    expect(first.statusCode, first.body).toBe(201);
    const second = await mediator.post(commitmentUrl(ceasefire!.id, '/scores'), {
      score: 3,
      justification: 'Holding everywhere.',
    });
    expect(second.statusCode, second.body).toBe(201);
    const view = second.json().commitment as CommitmentView;
    expect(view.score).toBe(3);
    expect(view.scores.map((s) => [s.score, s.justification])).toEqual([
      [2, 'Holding, with local violations.'],
      [3, 'Holding everywhere.'],
    ]);
    expect(view.scores[0]!.evidence).toEqual([
      { label: 'CCV daily report 3', url: 'https://ccv.example/reports/3' },
    ]);
    // The withdrawal's clock started when the ceasefire was completed: 14 calendar days in Zurich.
    const after = (await mediator.get(agreementUrl('/commitments'))).json().items[2] as CommitmentView;
    expect(after).toMatchObject({ deadlineAt: '2025-04-05T07:00:00.000Z', waitingFor: null });
    const audit = await mediator.get(processUrl('/audit?action=commitment.'));
    const summaries = audit.json().entries.map((e: { summary: string }) => e.summary);
    expect(summaries).toEqual(
      expect.arrayContaining([
        'scored a commitment 3 (full)',
        'scored a commitment 2 (intermediate)',
        'recorded a commitment as completed',
        'added a commitment (due after entry into force)',
        'removed a commitment',
      ]),
    );
  });

  it('moves progress only on verified event reports, and shows each reader the reports they may read', async () => {
    const [, detainees] = (await mediator.get(agreementUrl('/commitments'))).json().items as CommitmentView[];
    const userId = async (email: string) =>
      (
        await ctx()
          .database.db.selectFrom('users')
          .select('id')
          .where('email', '=', email)
          .executeTakeFirstOrThrow()
      ).id;
    const monitorId = await userId(MONITOR);
    const verified = await writeEventReport(ctx().database, {
      processId: ctx().demo.processId,
      reportedBy: monitorId,
      status: 'verified',
    });
    const allegation = await writeEventReport(ctx().database, {
      processId: ctx().demo.processId,
      reportedBy: await userId(VELORIA),
      reportedByPartyId: party('VEL'),
      status: 'received',
    });
    const refused = await monitor.post(commitmentUrl(detainees!.id, '/progress'), {
      occurredAt: '2025-04-01T10:00:00Z',
      kind: 'progress',
      quantity: 8,
      eventReportId: allegation,
    });
    expect(problemFields(refused)).toEqual(['body.eventReportId']);
    expect(expectProblem(refused, 400).detail).toContain('only verified');
    const moved = await monitor.post(commitmentUrl(detainees!.id, '/progress'), {
      occurredAt: '2025-04-01T10:00:00Z',
      kind: 'progress',
      quantity: 8,
      eventReportId: verified,
    });
    expect(moved.statusCode, moved.body).toBe(201);
    expect(moved.json().commitment).toMatchObject({
      quantityDone: 8,
      events: [{ id: verified, status: 'verified' }],
    });
    // A score may cite the allegation; only those who may read it see the citation.
    await monitor.post(commitmentUrl(detainees!.id, '/scores'), {
      score: 1,
      justification: 'Eight of twenty released.',
      eventReportIds: [verified, allegation],
      effectiveAt: '2025-04-02T00:00:00Z',
    });
    await ctx()
      .database.db.insertInto('event_commitment_links')
      .values({
        event_report_id: allegation,
        commitment_id: detainees!.id,
        created_by: monitorId,
        created_at: new Date().toISOString(),
      })
      .execute();
    const seen = async (client: Client) => {
      const c = await read(client, detainees!.id);
      return { events: c.events.map((e) => e.id).sort(), cited: c.scores[0]!.eventReportIds.sort() };
    };
    const both = [verified, allegation].sort();
    expect(await seen(monitor)).toEqual({ events: both, cited: both });
    expect(await seen(mediator)).toEqual({ events: both, cited: both });
    expect(await seen(veloria)).toEqual({ events: both, cited: both });
    expect(await seen(karst)).toEqual({ events: [verified], cited: [verified] });
    expect(await seen(observer)).toEqual({ events: [verified], cited: [verified] });
  });

  it('is read by observers and delegates, recorded by monitors; delegates and observers may not score', async () => {
    const [ceasefire] = (await mediator.get(agreementUrl('/commitments'))).json().items as CommitmentView[];
    const url = commitmentUrl(ceasefire!.id);
    for (const client of [karst, observer, veloria]) {
      expect((await client.get(url)).statusCode).toBe(200);
      expect((await client.get(agreementUrl('/commitments'))).statusCode).toBe(200);
      expect((await client.get(agreementUrl('/status'))).statusCode).toBe(200);
      expectProblem(
        await client.post(`${url}/scores`, { score: 3, justification: 'Holding.' }),
        403,
        'auth.forbidden',
      );
      expectProblem(
        await client.post(`${url}/progress`, { occurredAt: '2025-03-22T08:00:00Z', kind: 'progress' }),
        403,
        'auth.forbidden',
      );
      expectProblem(await client.patch(url, { revision: 1, title: 'X' }), 403, 'auth.forbidden');
      expectProblem(await client.post(agreementUrl('/commitments'), { title: 'X' }), 403, 'auth.forbidden');
      expectProblem(await client.post(agreementUrl('/commitments/derive'), {}), 403, 'auth.forbidden');
    }
    // Monitors record, but do not set up commitments.
    expectProblem(await monitor.patch(url, { revision: 1, title: 'X' }), 403, 'auth.forbidden');
    expectProblem(await monitor.post(agreementUrl('/commitments'), { title: 'X' }), 403, 'auth.forbidden');
  });

  it('hides everything about an agreement on a version a party does not hold', async () => {
    const three = await adoptThroughApi(mediator, ctx().demo.processId, { versionId: versions[2]!.id });
    const secret = await commit({ title: 'Veloria-only commitment', pointId: text.points[0]!.id }, three.id);
    const routes: [string, string, Record<string, unknown>?][] = [
      ['GET', agreementUrl('', three.id)],
      ['PATCH', agreementUrl('', three.id), { revision: 1, title: 'X' }],
      ['GET', agreementUrl('/commitments', three.id)],
      ['POST', agreementUrl('/commitments', three.id), { title: 'X' }],
      ['POST', agreementUrl('/commitments/derive', three.id), {}],
      ['GET', agreementUrl('/status', three.id)],
      ['GET', commitmentUrl(secret.id)],
      ['PATCH', commitmentUrl(secret.id), { revision: 1, title: 'X' }],
      ['DELETE', commitmentUrl(secret.id)],
      [
        'POST',
        commitmentUrl(secret.id, '/progress'),
        { occurredAt: '2025-03-22T08:00:00Z', kind: 'progress' },
      ],
      ['POST', commitmentUrl(secret.id, '/scores'), { score: 1, justification: 'Started.' }],
    ];
    for (const client of [karst, observer, monitor]) {
      for (const [method, url, payload] of routes) {
        const res = await client.request({ method: method as 'GET', url, payload });
        expect(res.statusCode, `${client.email} ${method} ${url}`).toBe(404);
        expect(res.body).not.toContain('Veloria-only');
      }
      const listed = (await client.get(processUrl('/agreements')))
        .json()
        .items.map((a: { id: string }) => a.id);
      expect(listed).not.toContain(three.id);
    }
    expect((await veloria.get(commitmentUrl(secret.id))).json().commitment.title).toBe(
      'Veloria-only commitment',
    );
  });
});
