import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { demoPositions } from '../../src/demo/demo-positions.ts';
import { newId } from '../../src/domain/shared/ids.ts';
import type { AmendmentState } from '../../src/store/schema.ts';
import { describeEachDatabase } from '../support/databases.ts';
import {
  closeAllStreams,
  type Instance,
  openEventStream,
  signInOverHttp,
  startInstance,
} from '../support/event-stream.ts';
import { demoVersions, expectProblem, problemFields } from '../support/factories.ts';
import { type Client, useTestApp } from '../support/test-app.ts';

interface Cell {
  id: string;
  stance: string;
  priority: number;
  rationale: string | null;
  rationaleShared: boolean;
  version: { id: string; label: string };
  recordedAt: string;
}
interface MatrixPoint {
  id: string;
  number: string;
  excerpt: string;
  contested: boolean;
  inReference: boolean;
  recordable: boolean;
  areaId: string | null;
  tags: string[];
  cells: Record<string, Cell | null>;
}
interface Matrix {
  reference: { versionId: string | null; label: string };
  recordOn: { versionId: string; label: string } | null;
  parties: { id: string; code: string }[];
  points: MatrixPoint[];
  areas: { id: string }[];
  tags: { key: string; label: string }[];
}

const VEL = 'lead@veloria.example';
const KRF = 'lead@karst.example';

describeEachDatabase('positions', (dialect) => {
  const ctx = useTestApp(dialect);
  const base = () => `/api/v1/plans/${ctx().demo.planId}/positions`;
  const matrix = async (client: Client) => {
    const res = await client.get(base());
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Matrix;
  };
  const versionId = async (client: Client, label: string) =>
    (await demoVersions(client, ctx().demo.planId)).find((v) => v.label === label)!.id;
  const pointOf = async (client: Client, label: string, number: string) => {
    const res = await client.get(
      `/api/v1/plans/${ctx().demo.planId}/versions/${await versionId(client, label)}`,
    );
    return (res.json().content.points as { id: string; number: string }[]).find((p) => p.number === number)!
      .id;
  };
  const partyId = async (client: Client, code: string) => {
    const overview = (await client.get(`/api/v1/processes/${ctx().demo.processId}`)).json();
    return (overview.parties as { id: string; code: string }[]).find((p) => p.code === code)!.id;
  };
  const countPositions = async () =>
    Number(
      (
        await ctx()
          .database.db.selectFrom('positions')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const unsharedOf = (partyKey: string) =>
    demoPositions
      .filter((p) => p.partyKey === partyKey && !p.shared && p.rationale !== '')
      .map((p) => p.rationale);
  const allOf = (partyKey: string) =>
    demoPositions.filter((p) => p.partyKey === partyKey && p.rationale !== '').map((p) => p.rationale);

  it('shows the mediator every negotiating party, with rationales only where shared, contested points first', async () => {
    const mediator = await ctx().signIn(ctx().demo.mediatorEmail);
    const m = await matrix(mediator);
    expect(m.reference).toEqual({ versionId: null, label: 'Working draft' });
    expect(m.recordOn).toBeNull();
    expect(m.parties.map((p) => p.code)).toEqual(['KRF', 'VEL', 'BCC', 'CCV']);
    const vel = m.parties[1]!.id;
    const cells = m.points.flatMap((p) => Object.values(p.cells)).filter((c) => c !== null);
    expect(cells.length).toBeGreaterThan(30);
    expect(cells.some((c) => c.rationaleShared && c.rationale !== '')).toBe(true);
    for (const c of cells) if (!c.rationaleShared) expect(c.rationale).toBeNull();
    for (const secret of unsharedOf('veloria')) expect(JSON.stringify(m)).not.toContain(secret);
    // Contested rows on top, and nothing contested below an uncontested row.
    const flags = m.points.map((p) => p.contested);
    expect(flags[0]).toBe(true);
    expect(flags.indexOf(false)).toBeGreaterThan(0);
    expect(flags.slice(flags.indexOf(false)).every((f) => !f)).toBe(true);
    // Veloria's current stance on the heavy-weapons withdrawal is the one stated on Draft 3.
    const withdrawal = m.points.find((p) => p.excerpt.startsWith('Each party shall withdraw heavy weapons'))!;
    expect(withdrawal.cells[vel]).toMatchObject({ stance: 'reservations', version: { label: 'Draft 3' } });
    expect(withdrawal.contested).toBe(true);
    // A point that left the draft (Draft 1's hotline) still shows, after the draft's points.
    const hotline = m.points.find((p) => p.excerpt.includes('direct line of communication'))!;
    expect(hotline.inReference).toBe(false);
    expect(m.tags.map((t) => t.key)).toContain('ceasefire');
    expect(m.tags.find((t) => t.key === 'ceasefire')?.label).toBe('Ceasefire');
  });

  it("shows a party only its own column, on the newest version it holds: Karst never sees Veloria's stances", async () => {
    const karst = await ctx().signIn(KRF);
    const m = await matrix(karst);
    const body = JSON.stringify(m);
    expect(m.reference.label).toBe('Draft 2');
    expect(m.recordOn?.label).toBe('Draft 2');
    expect(m.parties.map((p) => p.code)).toEqual(['KRF']);
    for (const text of [...allOf('veloria'), ...allOf('bcc')]) expect(body).not.toContain(text);
    // Its own private rationales are its own to read.
    expect(body).toContain(unsharedOf('karst')[0]!);
    expect(m.points.every((p) => p.recordable)).toBe(true);
    const karstId = m.parties[0]!.id;
    const withdrawal = m.points.find((p) => p.excerpt.includes('15 kilometres'))!;
    expect(withdrawal.cells[karstId]).toMatchObject({ stance: 'oppose', priority: 5 });

    const observer = await ctx().signIn('observer@bcc.example');
    const o = await matrix(observer);
    expect(o.parties.map((p) => p.code)).toEqual(['BCC']);
    expect(o.recordOn).toBeNull();
    expect(o.points.some((p) => p.recordable)).toBe(false);
  });

  it('reads one cell as history per version, with the moves between them', async () => {
    const veloria = await ctx().signIn(VEL);
    const mediator = await ctx().signIn(ctx().demo.mediatorEmail);
    const pointId = await pointOf(veloria, 'Draft 2', '3');
    const vel = await partyId(mediator, 'VEL');
    const url = `${base()}/history?pointId=${pointId}&partyId=${vel}`;
    const own = await veloria.get(url);
    expect(own.statusCode, own.body).toBe(200);
    const steps = own.json().byVersion as { move: string; position: Cell }[];
    expect(steps.map((s) => [s.position.version.label, s.position.stance, s.move])).toEqual([
      ['Draft 1', 'oppose', 'first'],
      ['Draft 2', 'oppose', 'unchanged'],
      ['Draft 3', 'reservations', 'towards'],
    ]);
    // Veloria reads its private rationale on Draft 2; the mediator does not.
    expect(steps[1]!.position.rationale).toContain('Cabinet will not accept');
    const seen = await mediator.get(url);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().byVersion[1].position.rationale).toBeNull();
    expect(seen.body).not.toContain('Cabinet will not accept');
    expect(seen.json().byVersion[2].position.rationale).toContain('Twenty kilometres');

    const karst = await ctx().signIn(KRF);
    const refused = await karst.get(url);
    expectProblem(refused, 403, 'auth.forbidden');
    expect(refused.body).not.toContain('Cabinet');
    // A point Karst was never shown is refused by name, like any unknown id.
    const draftThreeOnly = await pointOf(veloria, 'Draft 3', '5');
    const probe = await karst.get(
      `${base()}/history?pointId=${draftThreeOnly}&partyId=${await partyId(karst, 'KRF')}`,
    );
    expectProblem(probe, 400, 'validation.failed');
    expect(problemFields(probe)).toEqual(['query.pointId']);
  });

  it('records a position for the delegate’s own party, keeps the old one as history, audits it without the rationale', async () => {
    const karst = await ctx().signIn(KRF);
    const mediator = await ctx().signIn(ctx().demo.mediatorEmail);
    const draftTwo = await versionId(karst, 'Draft 2');
    const pointId = await pointOf(karst, 'Draft 2', '9');
    const krf = await partyId(karst, 'KRF');
    const res = await karst.post(base(), {
      pointId,
      versionId: draftTwo,
      stance: 'reservations',
      priority: 4,
      rationale: 'We could accept the Council if one neutral state joins the guarantors.',
      rationaleShared: false,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().position).toMatchObject({
      pointId,
      partyId: krf,
      stance: 'reservations',
      priority: 4,
      rationaleShared: false,
      version: { id: draftTwo, label: 'Draft 2' },
    });
    const history = (await karst.get(`${base()}/history?pointId=${pointId}&partyId=${krf}`)).json();
    expect(history.entries.map((e: Cell) => e.stance)).toEqual(['oppose', 'reservations']);
    // The mediator sees the new stance, not the private rationale.
    const m = await matrix(mediator);
    const cell = m.points.find((p) => p.id === pointId)!.cells[krf]!;
    expect(cell).toMatchObject({ stance: 'reservations', priority: 4, rationale: null });
    expect(JSON.stringify(m)).not.toContain('one neutral state');

    const audit = await ctx()
      .database.db.selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('subject_id', '=', res.json().position.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['position.record']);
    expect(audit[0]!.detail).not.toContain('neutral state');
  });

  it('refuses bad input naming the field, unknown versions as not found, and writes nothing', async () => {
    const karst = await ctx().signIn(KRF);
    const veloria = await ctx().signIn(VEL);
    const draftTwo = await versionId(karst, 'Draft 2');
    const pointId = await pointOf(karst, 'Draft 2', '1');
    const good = {
      pointId,
      versionId: draftTwo,
      stance: 'support',
      priority: 3,
      rationale: '',
      rationaleShared: false,
    };
    const before = await countPositions();
    for (const [body, field] of [
      [{ ...good, priority: 7 }, 'body.priority'],
      [{ ...good, priority: 2.5 }, 'body.priority'],
      [{ ...good, stance: 'delighted' }, 'body.stance'],
      [{ ...good, rationale: 'x'.repeat(4001) }, 'body.rationale'],
      [{ ...good, rationaleShared: 'yes' }, 'body.rationaleShared'],
      [{ ...good, pointId: undefined }, 'body.pointId'],
      [{ ...good, partyId: 'pty_other' }, 'body.partyId'],
    ] as const) {
      const res = await karst.post(base(), body);
      expectProblem(res, 400, 'validation.failed');
      expect(problemFields(res)).toContain(field);
    }
    // Draft 3 was never given to Karst: as unknown as a version that does not exist.
    const draftThree = await versionId(veloria, 'Draft 3');
    const unreleased = await karst.post(base(), { ...good, versionId: draftThree });
    const missing = await karst.post(base(), { ...good, versionId: 'ver_nonexistent' });
    expectProblem(unreleased, 404, 'version.not_found');
    expectProblem(missing, 404, 'version.not_found');
    expect(unreleased.json().detail.replace(draftThree, 'X')).toBe(
      missing.json().detail.replace('ver_nonexistent', 'X'),
    );
    // A point of Draft 3 stated against Draft 2, which does not have it.
    const notInVersion = await veloria.post(base(), {
      ...good,
      versionId: await versionId(veloria, 'Draft 2'),
      pointId: await pointOf(veloria, 'Draft 3', '5'),
    });
    expectProblem(notInVersion, 400, 'validation.failed');
    expect(problemFields(notInVersion)).toEqual(['body.pointId']);
    // Observers are briefed; they do not state positions. Mediators do not state a party's for it.
    const observer = await ctx().signIn('observer@bcc.example');
    expectProblem(await observer.post(base(), good), 403, 'auth.forbidden');
    const mediator = await ctx().signIn(ctx().demo.mediatorEmail);
    expectProblem(await mediator.post(base(), good), 403, 'auth.forbidden');
    const outsider = await ctx().outsider();
    expectProblem(await outsider.post(base(), good), 404, 'plan.not_found');
    expect(await countPositions()).toBe(before);
  });

  it('summarises how far each side is heard: amendments by outcome and stance moves', async () => {
    const mediator = await ctx().signIn(ctx().demo.mediatorEmail);
    const karst = await ctx().signIn(KRF);
    const url = `${base()}/summary`;
    const read = async (client: Client) => {
      const res = await client.get(url);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().parties as {
        party: { code: string };
        amendments: Record<string, number>;
        moves: { towards: number; away: number; unchanged: number };
        stances: Record<string, number>;
      }[];
    };
    const before = await read(mediator);
    expect(before.map((r) => r.party.code)).toEqual(['KRF', 'VEL', 'BCC', 'CCV']);
    const vel = before[1]!;
    expect(vel.moves.towards).toBeGreaterThan(0);
    expect(vel.moves.away).toBeGreaterThan(0);
    expect(vel.stances.support).toBeGreaterThan(0);

    // Amendments of Karst's in every state: its draft counts for nobody, the rest by outcome.
    const krf = await partyId(karst, 'KRF');
    const author = await ctx()
      .database.db.selectFrom('users')
      .select('id')
      .where('email', '=', KRF)
      .executeTakeFirstOrThrow();
    const draftTwo = await versionId(karst, 'Draft 2');
    const states: AmendmentState[] = [
      'draft',
      'submitted',
      'accepted',
      'accepted',
      'partly_accepted',
      'rejected',
    ];
    const now = new Date().toISOString();
    for (const state of states) {
      await ctx()
        .database.db.insertInto('amendments')
        .values({
          id: newId('amd'),
          process_id: ctx().demo.processId,
          plan_id: ctx().demo.planId,
          party_id: krf,
          base_version_id: draftTwo,
          kind: 'replace',
          point_id: await pointOf(karst, 'Draft 2', '3'),
          text: 'Heavy weapons shall be withdrawn 10 kilometres.',
          rationale: '',
          state,
          reply: '',
          source: 'manual',
          revision: 1,
          author_id: author.id,
          created_at: now,
          updated_at: now,
          // Counted only once put to the mediator.
          submitted_at: state === 'draft' ? null : now,
        })
        .execute();
    }
    const after = await read(mediator);
    const delta = (key: string) => after[0]!.amendments[key]! - before[0]!.amendments[key]!;
    expect([delta('accepted'), delta('partlyAccepted'), delta('rejected'), delta('open')]).toEqual([
      2, 1, 1, 1,
    ]);

    const own = await read(karst);
    expect(own.map((r) => r.party.code)).toEqual(['KRF']);
    expect(own[0]!.amendments).toEqual(after[0]!.amendments);
  });

  // Live updates need a listening server: a second app on the same database.
  let instance: Instance;
  beforeAll(async () => {
    instance = await startInstance(ctx().database);
  });
  afterEach(() => closeAllStreams());
  afterAll(async () => {
    await instance?.app.close();
  });

  it("announces a new position to the party's members and the mediator, not to other parties", async () => {
    const events = `${instance.url}/api/v1/processes/${ctx().demo.processId}/events`;
    const users = await Promise.all(
      [ctx().demo.mediatorEmail, 'legal@veloria.example', KRF, VEL].map((e) =>
        signInOverHttp(instance.url, e),
      ),
    );
    const [mediator, colleague, karst, lead] = users as [
      (typeof users)[0],
      (typeof users)[0],
      (typeof users)[0],
      (typeof users)[0],
    ];
    const forMediator = await openEventStream(events, { cookie: mediator.cookie });
    const forColleague = await openEventStream(events, { cookie: colleague.cookie });
    const forKarst = await openEventStream(events, { cookie: karst.cookie });
    const client = await ctx().signIn(VEL);
    const res = await lead.send('POST', base(), {
      pointId: await pointOf(client, 'Draft 3', '16'),
      versionId: await versionId(client, 'Draft 3'),
      stance: 'reservations',
      priority: 5,
      rationale: 'Softening after the Envoy’s call.',
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const vel = await partyId(client, 'VEL');
    const expected = {
      type: 'position.changed',
      processId: ctx().demo.processId,
      planId: ctx().demo.planId,
      partyId: vel,
    };
    expect(await forColleague.next((e) => e.type === 'position.changed')).toEqual(expected);
    expect(await forMediator.next((e) => e.type === 'position.changed')).toEqual(expected);
    // Karst's own position reaches Karst; Veloria's never did.
    const karstClient = await ctx().signIn(KRF);
    const own = await karst.send('POST', base(), {
      pointId: await pointOf(karstClient, 'Draft 2', '16'),
      versionId: await versionId(karstClient, 'Draft 2'),
      stance: 'support',
      priority: 5,
    });
    expect(own.status).toBe(201);
    const first = await forKarst.next((e) => e.type === 'position.changed');
    expect(first.partyId).toBe(await partyId(karstClient, 'KRF'));
    expect(forKarst.messages.map((m) => JSON.parse(m.data).partyId)).not.toContain(vel);
  });
});
