import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';
import { liveInstanceForTests, openProcessStream } from '../support/event-stream.ts';
import {
  buildPlan,
  buildProcess,
  cutVersion,
  demoVersions,
  expectProblem,
  problemFields,
} from '../support/factories.ts';
import { type Client, useTestApp } from '../support/test-app.ts';

interface Agreement {
  id: string;
  title: string;
  planId: string;
  versionId: string;
  versionLabel: string;
  adoptedOn: string;
  entryIntoForce: { local: string; zone: string; at: string } | null;
  signatures: { partyId: string; partyName: string; kind: string; signedOn: string }[];
  phases: { id: string; position: number; name: string; description: string }[];
  commitmentCount: number;
  revision: number;
}

const KARST = 'lead@karst.example';
const VELORIA = 'lead@veloria.example';
const OBSERVER = 'observer@bcc.example';
const MONITOR = 'monitor@ccv.example';

describeEachDatabase('agreements: adopting a version, signatures, entry into force, phases', (dialect) => {
  const ctx = useTestApp(dialect);
  let mediator: Client;
  let karst: Client;
  let veloria: Client;
  let observer: Client;
  let monitor: Client;
  let party: (code: string) => string;
  let draft: { one: string; two: string; three: string };
  const url = (path = '') => `/api/v1/processes/${ctx().demo.processId}/agreements${path}`;
  const countAgreements = async () =>
    Number(
      (
        await ctx()
          .database.db.selectFrom('agreements')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    mediator = await ctx().signIn(ctx().demo.mediatorEmail);
    karst = await ctx().signIn(KARST);
    veloria = await ctx().signIn(VELORIA);
    observer = await ctx().signIn(OBSERVER);
    monitor = await ctx().signIn(MONITOR);
    const overview = (await mediator.get(`/api/v1/processes/${ctx().demo.processId}`)).json();
    party = (code) => overview.parties.find((p: { code: string }) => p.code === code).id;
    const [one, two, three] = await demoVersions(mediator, ctx().demo.planId);
    draft = { one: one!.id, two: two!.id, three: three!.id };
  });

  let adopted: Agreement;

  it('adopts a version with signatures, entry into force in local time and phases', async () => {
    const res = await mediator.post(url(), {
      versionId: draft.two,
      title: 'Orlen Framework',
      adoptedOn: '2031-03-28',
      entryIntoForce: { local: '2031-03-31T12:00', zone: 'europe/zurich' },
      signatures: [
        { partyId: party('VEL'), kind: 'signature', signedOn: '2031-03-28' },
        { partyId: party('KRF'), signedOn: '2031-03-28' },
        { partyId: party('BCC'), kind: 'endorsement', signedOn: '2031-03-29' },
      ],
      phases: [{ name: 'Phase one', description: 'Ceasefire and first releases' }, { name: 'Phase two' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    adopted = res.json().agreement;
    expect(adopted).toMatchObject({
      title: 'Orlen Framework',
      planId: ctx().demo.planId,
      versionId: draft.two,
      versionLabel: 'Draft 2',
      adoptedOn: '2031-03-28',
      // Summer time from 30 March: noon in Zurich is 10:00 UTC; the zone is stored as IANA spells it.
      entryIntoForce: { local: '2031-03-31T12:00', zone: 'Europe/Zurich', at: '2031-03-31T10:00:00.000Z' },
      commitmentCount: 0,
      revision: 1,
    });
    expect(adopted.signatures.map((s) => [s.partyName, s.kind, s.signedOn])).toEqual([
      ['Karst Federation', 'signature', '2031-03-28'],
      ['Republic of Veloria', 'signature', '2031-03-28'],
      ['Basin Cooperation Council', 'endorsement', '2031-03-29'],
    ]);
    expect(adopted.phases.map((p) => [p.position, p.name, p.description])).toEqual([
      [1, 'Phase one', 'Ceasefire and first releases'],
      [2, 'Phase two', ''],
    ]);
    expect((await mediator.get(url(`/${adopted.id}`))).json().agreement).toEqual(adopted);
    const audit = await mediator.get(
      `/api/v1/processes/${ctx().demo.processId}/audit?action=agreement.create`,
    );
    const entry = audit.json().entries.find((e: { subject: { id: string } }) => e.subject.id === adopted.id);
    expect(entry.summary).toBe(
      'adopted Draft 2 as an agreement, signed or endorsed by Republic of Veloria, Karst Federation and Basin Cooperation Council',
    );
  });

  it('refuses to adopt a version twice, or one that is not of this process', async () => {
    const before = await countAgreements();
    const twice = await mediator.post(url(), {
      versionId: draft.two,
      title: 'Again',
      adoptedOn: '2031-04-01',
    });
    expect(expectProblem(twice, 409, 'conflict').detail).toContain('Draft 2 is already adopted');
    const elsewhere = await buildProcess(mediator);
    const plan = await buildPlan(mediator, elsewhere.id);
    const foreign = await cutVersion(mediator, plan.plan.id);
    const notOurs = await mediator.post(url(), {
      versionId: foreign.id,
      title: 'X',
      adoptedOn: '2031-04-01',
    });
    expectProblem(notOurs, 400, 'validation.failed');
    expect(problemFields(notOurs)).toEqual(['body.versionId']);
    const unknown = await mediator.post(url(), {
      versionId: 'ver_nope',
      title: 'X',
      adoptedOn: '2031-04-01',
    });
    expect(problemFields(unknown)).toEqual(['body.versionId']);
    expect(await countAgreements()).toBe(before);
  });

  it('names each bad field: DST gaps, unknown zones, impossible dates, unknown or repeated parties', async () => {
    const before = await countAgreements();
    const gap = await mediator.post(url(), {
      versionId: draft.one,
      title: 'Gap',
      adoptedOn: '2031-03-28',
      // 02:30 on 30 March 2031 does not exist in Zurich: the clocks jump from 02:00 to 03:00.
      entryIntoForce: { local: '2031-03-30T02:30', zone: 'Europe/Zurich' },
    });
    expectProblem(gap, 400, 'validation.failed');
    expect(problemFields(gap)).toEqual(['body.entryIntoForce.local']);
    const zone = await mediator.post(url(), {
      versionId: draft.one,
      title: 'Zone',
      adoptedOn: '2031-03-28',
      entryIntoForce: { local: '2031-03-30T12:00', zone: 'Mars/Olympus' },
      signatures: [{ partyId: 'pty_nope', signedOn: '2031-03-28' }],
    });
    expect(problemFields(zone).sort()).toEqual(['body.entryIntoForce.zone', 'body.signatures.0.partyId']);
    const date = await mediator.post(url(), { versionId: draft.one, title: 'Date', adoptedOn: '2031-02-29' });
    expect(problemFields(date)).toEqual(['body.adoptedOn']);
    const twice = await mediator.post(url(), {
      versionId: draft.one,
      title: 'Twice',
      adoptedOn: '2031-03-28',
      signatures: [
        { partyId: party('VEL'), signedOn: '2031-03-28' },
        { partyId: party('VEL'), signedOn: '2031-03-29' },
      ],
    });
    expect(problemFields(twice)).toEqual(['body.signatures']);
    const empty = await mediator.post(url(), { versionId: draft.one, title: '  ', adoptedOn: '2031-03-28' });
    expect(problemFields(empty)).toEqual(['body.title']);
    const kind = await mediator.post(url(), {
      versionId: draft.one,
      title: 'Kind',
      adoptedOn: '2031-03-28',
      signatures: [{ partyId: party('VEL'), kind: 'initials', signedOn: '2031-03-28' }],
    });
    expect(problemFields(kind)).toEqual(['body.signatures.0.kind']);
    expect(await countAgreements()).toBe(before);
  });

  it('changes an agreement at its revision; a stale revision is a conflict naming the current one', async () => {
    const phaseOne = adopted.phases[0]!;
    const res = await mediator.patch(url(`/${adopted.id}`), {
      revision: 1,
      title: 'Orlen Framework Agreement',
      entryIntoForce: { local: '2031-04-01T00:00', zone: 'Europe/Zurich' },
      signatures: [{ partyId: party('VEL'), signedOn: '2031-03-28' }],
      phases: [{ id: phaseOne.id, name: 'First phase', description: '' }, { name: 'Third phase' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const changed: Agreement = res.json().agreement;
    expect(changed).toMatchObject({
      title: 'Orlen Framework Agreement',
      revision: 2,
      entryIntoForce: { local: '2031-04-01T00:00', zone: 'Europe/Zurich', at: '2031-03-31T22:00:00.000Z' },
    });
    expect(changed.signatures.map((s) => s.partyId)).toEqual([party('VEL')]);
    expect(changed.phases.map((p) => [p.position, p.name])).toEqual([
      [1, 'First phase'],
      [2, 'Third phase'],
    ]);
    expect(changed.phases[0]!.id).toBe(phaseOne.id);
    const stale = await mediator.patch(url(`/${adopted.id}`), { revision: 1, title: 'Lost update' });
    expect(expectProblem(stale, 409, 'conflict').currentRevision).toBe(2);
    const foreignPhase = await mediator.patch(url(`/${adopted.id}`), {
      revision: 2,
      phases: [{ id: 'phs_nope', name: 'X' }],
    });
    expect(problemFields(foreignPhase)).toEqual(['body.phases.0.id']);
    const nothing = await mediator.patch(url(`/${adopted.id}`), { revision: 2 });
    expectProblem(nothing, 400, 'validation.failed');
    const cleared = await mediator.patch(url(`/${adopted.id}`), { revision: 2, entryIntoForce: null });
    expect(cleared.json().agreement).toMatchObject({ entryIntoForce: null, revision: 3 });
    adopted = cleared.json().agreement;
  });

  it('is read by the parties holding the adopted version, and by nobody else', async () => {
    const onThree = await mediator.post(url(), {
      versionId: draft.three,
      title: 'Veloria text',
      adoptedOn: '2031-04-02',
    });
    expect(onThree.statusCode, onThree.body).toBe(201);
    const three: Agreement = onThree.json().agreement;
    const ids = async (client: Client) =>
      ((await client.get(url())).json().items as Agreement[]).map((a) => a.id);
    expect(await ids(mediator)).toEqual(expect.arrayContaining([adopted.id, three.id]));
    expect(await ids(veloria)).toEqual(expect.arrayContaining([adopted.id, three.id]));
    for (const client of [karst, observer, monitor]) {
      expect(await ids(client)).toContain(adopted.id);
      expect(await ids(client)).not.toContain(three.id);
      expect((await client.get(url(`/${adopted.id}`))).statusCode).toBe(200);
      const hidden = await client.get(url(`/${three.id}`));
      expect(expectProblem(hidden, 404, 'agreement.not_found').detail).not.toContain('Veloria text');
      // Even a write is "not found", not "forbidden": the agreement's existence is not disclosed.
      expectProblem(
        await client.patch(url(`/${three.id}`), { revision: 1, title: 'X' }),
        404,
        'agreement.not_found',
      );
    }
    expect((await veloria.get(url(`/${three.id}`))).json().agreement.title).toBe('Veloria text');
    // Readers who hold the version may not change it, nor adopt one.
    for (const client of [karst, observer, monitor, veloria]) {
      expectProblem(
        await client.patch(url(`/${adopted.id}`), { revision: 3, title: 'X' }),
        403,
        'auth.forbidden',
      );
      expectProblem(
        await client.post(url(), { versionId: draft.one, title: 'X', adoptedOn: '2031-04-01' }),
        403,
        'auth.forbidden',
      );
    }
    const outsider = await ctx().outsider();
    expectProblem(await outsider.get(url(`/${adopted.id}`)), 404, 'process.not_found');
  });

  liveEventTests();

  function liveEventTests() {
    const instance = liveInstanceForTests(() => ctx().database);

    it('tells the parties holding the version, and the mediator team, and nobody else', async () => {
      const events = (email: string) => openProcessStream(instance(), ctx().demo.processId, email);
      const [karstStream, veloriaStream, mediatorStream] = await Promise.all([
        events(KARST),
        events(VELORIA),
        events(ctx().demo.mediatorEmail),
      ]);
      const isCommitment = (e: Record<string, unknown>) => e.type === 'commitment.changed';
      const veloriaOnly = (await mediator.get(url()))
        .json()
        .items.find((a: Agreement) => a.versionId === draft.three);
      await mediator.patch(url(`/${veloriaOnly.id}`), { revision: veloriaOnly.revision, title: 'Renamed' });
      expect((await mediatorStream.next(isCommitment)).agreementId).toBe(veloriaOnly.id);
      const heard = await veloriaStream.next(isCommitment);
      expect(heard).toMatchObject({
        agreementId: veloriaOnly.id,
        commitmentId: null,
        partyIds: [party('VEL')],
      });
      await mediator.patch(url(`/${adopted.id}`), { revision: adopted.revision, title: 'Marker' });
      // Karst's first commitment event is about the agreement it holds: it never heard of the other.
      expect((await karstStream.next(isCommitment)).agreementId).toBe(adopted.id);
    });
  }
});
