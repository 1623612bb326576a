import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';
import {
  countRows,
  cutVersion,
  demoVersions,
  editDraft,
  expectProblem,
  problemFields,
  readDraft,
} from '../support/factories.ts';
import { type Client, useTestApp } from '../support/test-app.ts';

describeEachDatabase('releases and the consultation log', (dialect) => {
  const ctx = useTestApp(dialect);

  async function setup() {
    const mediator = await ctx().signIn(ctx().demo.mediatorEmail);
    const [d1, d2, d3] = await demoVersions(mediator, ctx().demo.planId);
    const overview = (await mediator.get(`/api/v1/processes/${ctx().demo.processId}`)).json();
    const party = (code: string) =>
      overview.parties.find((p: { code: string }) => p.code === code).id as string;
    return { mediator, d1: d1!, d2: d2!, d3: d3!, party };
  }
  const release = (client: Client, versionId: string, body: unknown) =>
    client.post(`/api/v1/plans/${ctx().demo.planId}/versions/${versionId}/releases`, body);
  const labels = async (client: Client) =>
    (
      (await client.get(`/api/v1/plans/${ctx().demo.planId}/versions`)).json().items as { label: string }[]
    ).map((v) => v.label);

  it('shows each party only the versions released to it, with how it got them', async () => {
    const delegate = await ctx().signIn('lead@karst.example');
    const res = await delegate.get(`/api/v1/plans/${ctx().demo.planId}/versions`);
    expect(res.statusCode).toBe(200);
    const [only] = res.json().items;
    expect(res.json().items).toHaveLength(1);
    expect(only).toMatchObject({
      label: 'Draft 2',
      note: '',
      release: { channel: 'Proximity talks, Vienna' },
    });
    expect(await labels(await ctx().signIn('lead@veloria.example'))).toEqual([
      'Draft 3',
      'Draft 2',
      'Draft 1',
    ]);
    expect(await labels(await ctx().signIn('observer@bcc.example'))).toEqual(['Draft 2', 'Draft 1']);
  });

  it('releases a version to parties: they read it from then on, and the log and audit say so', async () => {
    const { mediator, d3, party } = await setup();
    const delegate = await ctx().signIn('military@karst.example');
    const url = `/api/v1/plans/${ctx().demo.planId}/versions/${d3.id}`;
    expectProblem(await delegate.get(url), 404, 'version.not_found');
    const auditBefore = await countRows(ctx(), 'audit_log');
    const res = await release(mediator, d3.id, {
      partyIds: [party('KRF'), party('BCC')],
      channel: 'Third round, Geneva',
      note: 'Handed over in the plenary.',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().releases).toHaveLength(2);
    expect(await countRows(ctx(), 'audit_log')).toBe(auditBefore + 2);
    const read = await delegate.get(url);
    expect(read.statusCode).toBe(200);
    expect(read.json().version.note).toBe('');
    const log = (await mediator.get(`/api/v1/processes/${ctx().demo.processId}/releases`)).json();
    expect(log.scope).toBe('all-parties');
    const karstHolds = log.releases.filter((r: { partyId: string }) => r.partyId === party('KRF'));
    expect(karstHolds.map((r: { channel: string }) => r.channel)).toContain('Third round, Geneva');
    // The mediator team is not a column: it holds every version.
    expect(log.parties.map((p: { code: string }) => p.code)).not.toContain('OSE');
  });

  it("gives a party's members only their own row of the consultation log", async () => {
    const { party } = await setup();
    const observer = await ctx().signIn('observer@bcc.example');
    const log = (await observer.get(`/api/v1/processes/${ctx().demo.processId}/releases`)).json();
    expect(log.scope).toBe('own-party');
    expect(log.parties.map((p: { code: string }) => p.code)).toEqual(['BCC']);
    expect(new Set(log.releases.map((r: { partyId: string }) => r.partyId))).toEqual(new Set([party('BCC')]));
    const versionIds = log.plans.flatMap((p: { versions: { id: string }[] }) => p.versions.map((v) => v.id));
    expect(log.releases.every((r: { versionId: string }) => versionIds.includes(r.versionId))).toBe(true);
    expect(JSON.stringify(log)).not.toContain('Proximity talks');
  });

  it('refuses a bad release whole, naming each wrong party', async () => {
    const { mediator, d1, d2, party } = await setup();
    const before = await countRows(ctx(), 'audit_log');
    const res = await release(mediator, d2.id, { partyIds: [party('VEL'), 'pty_nobody', party('OSE')] });
    const problem = expectProblem(res, 400, 'validation.failed');
    expect(problemFields(res)).toEqual(['body.partyIds.0', 'body.partyIds.1', 'body.partyIds.2']);
    expect(problem.detail).toContain('already holds Draft 2');
    for (const [body, field] of [
      [{ partyIds: [] }, 'body.partyIds'],
      [{ partyIds: [party('CCV'), party('CCV')] }, 'body.partyIds'],
      [{ partyIds: [party('CCV')], channel: 'x'.repeat(301) }, 'body.channel'],
      [{ partyIds: [party('CCV')], releasedAt: 'yesterday' }, 'body.releasedAt'],
      [{ partyIds: [party('CCV')], releasedAt: '2999-01-01T00:00:00Z' }, 'body.releasedAt'],
      [{ partyIds: [party('CCV')], releasedAt: '2001-01-01T00:00:00Z' }, 'body.releasedAt'],
      [{ partyIds: [party('CCV')], surprise: true }, 'body.surprise'],
    ] as const) {
      const bad = await release(mediator, d1.id, body);
      expectProblem(bad, 400, 'validation.failed');
      expect(problemFields(bad), JSON.stringify(body)).toContain(field);
    }
    expectProblem(
      await release(mediator, 'ver_unknown', { partyIds: [party('CCV')] }),
      404,
      'version.not_found',
    );
    expect(await countRows(ctx(), 'audit_log')).toBe(before);
  });

  it('records a release dated earlier, when it was handed over at a meeting', async () => {
    const { mediator, d3, party } = await setup();
    const at = new Date(Date.now() - 3600_000).toISOString();
    const res = await release(mediator, d3.id, { partyIds: [party('CCV')], releasedAt: at });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().releases[0].releasedAt).toBe(at);
  });

  it('answers a delegate alike for an unreleased version and one that does not exist', async () => {
    const { mediator } = await setup();
    // A version nobody outside the mediator team has been given.
    const draft = await readDraft(mediator, ctx().demo.planId);
    await editDraft(mediator, ctx().demo.planId, draft.revision, {
      type: 'updatePoint',
      pointId: draft.content.points[0]!.id,
      text: 'A text for the mediator team alone.',
    });
    const d3 = await cutVersion(mediator, ctx().demo.planId);
    const delegate = await ctx().signIn('lead@karst.example');
    const base = `/api/v1/plans/${ctx().demo.planId}`;
    for (const path of ['versions/ID', 'export?format=md&version=ID', 'redline?from=ID&to=ID']) {
      const hidden = await delegate.get(`${base}/${path.replaceAll('ID', d3.id)}`);
      const missing = await delegate.get(`${base}/${path.replaceAll('ID', 'ver_doesnotexist')}`);
      expect(hidden.statusCode, path).toBe(404);
      expect(hidden.body.replaceAll(d3.id, 'X'), path).toBe(missing.body.replaceAll('ver_doesnotexist', 'X'));
      expect(Object.keys(hidden.headers).sort()).toEqual(Object.keys(missing.headers).sort());
    }
  });

  it('lets only the mediator team release', async () => {
    const { d1, party } = await setup();
    const delegate = await ctx().signIn('lead@veloria.example');
    expectProblem(await release(delegate, d1.id, { partyIds: [party('KRF')] }), 403, 'auth.forbidden');
  });
});
