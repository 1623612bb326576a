import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';
import { buildPlan, buildProcess, expectProblem, problemFields } from '../support/factories.ts';
import { useTestApp } from '../support/test-app.ts';

describeEachDatabase('processes', (dialect) => {
  const ctx = useTestApp(dialect);

  it('lists the processes the user is a member of, with membership and plan count', async () => {
    const client = await ctx().signIn('drafting@envoy.example');
    const res = await client.get('/api/v1/processes');
    expect(res.statusCode).toBe(200);
    const [item, ...rest] = res.json().items;
    expect(rest).toHaveLength(0);
    expect(item).toMatchObject({
      id: ctx().demo.processId,
      membership: { role: 'mediator', partyName: 'Office of the Special Envoy' },
      planCount: 2,
    });
  });

  it('lists nothing for a user without memberships', async () => {
    const outsider = await ctx().outsider();
    const res = await outsider.get('/api/v1/processes');
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([]);
  });

  it('creates a process whose creator becomes its mediator', async () => {
    const outsider = await ctx().outsider();
    const res = await outsider.post('/api/v1/processes', { title: '  Orlen talks  ' });
    expect(res.statusCode).toBe(201);
    const { process } = res.json();
    expect(process).toMatchObject({ title: 'Orlen talks', description: '' });
    expect(process.id).toEqual(expect.any(String));

    const list = (await outsider.get('/api/v1/processes')).json().items;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: process.id, membership: { role: 'mediator' }, planCount: 0 });

    const overview = await outsider.get(`/api/v1/processes/${process.id}`);
    expect(overview.statusCode).toBe(200);
    expect(overview.json().viewer).toMatchObject({ role: 'mediator' });
    expect(overview.json().members).toEqual([
      expect.objectContaining({ email: outsider.email, role: 'mediator' }),
    ]);
    expect(overview.json().parties).toEqual([
      expect.objectContaining({ code: 'MED', kind: 'mediator', memberCount: 1 }),
    ]);

    // The new mediator can work in it at once.
    const plan = await buildPlan(outsider, process.id);
    expect(plan.content.points).toHaveLength(4);
  });

  it('refuses a process without a title, naming the field', async () => {
    const client = await ctx().signIn(ctx().demo.mediatorEmail);
    const res = await client.post('/api/v1/processes', { title: '   ' });
    expectProblem(res, 400, 'validation.failed');
    expect(problemFields(res)).toContain('body.title');
  });

  it('shows the overview of the demo process: parties, members, plans', async () => {
    const client = await ctx().signIn(ctx().demo.mediatorEmail);
    const res = await client.get(`/api/v1/processes/${ctx().demo.processId}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.process.id).toBe(ctx().demo.processId);
    expect(body.parties.map((p: { code: string }) => p.code)).toEqual(
      expect.arrayContaining(['OSE', 'VEL', 'KRF', 'BCC', 'CCV']),
    );
    expect(body.members.length).toBeGreaterThanOrEqual(5);
    // The framework under negotiation, and the truce the parties signed before it.
    expect(body.plans).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: ctx().demo.planId,
          versionCount: 3,
          latestVersion: expect.objectContaining({ label: 'Draft 3' }),
        }),
        expect.objectContaining({
          versionCount: 1,
          latestVersion: expect.objectContaining({ label: 'Signed text' }),
        }),
      ]),
    );
    expect(body.plans).toHaveLength(2);
  });

  it("shows a delegate only the plans and versions released to their party, and only their party's members", async () => {
    const delegate = await ctx().signIn('lead@karst.example');
    const res = await delegate.get(`/api/v1/processes/${ctx().demo.processId}`);
    expect(res.statusCode).toBe(200);
    const overview = res.json();
    expect(overview.viewer).toMatchObject({ role: 'delegate' });
    // Karst holds Draft 2 only: no draft revision, no word of Draft 3.
    expect(overview.plans).toHaveLength(2);
    const framework = overview.plans.find((p: { id: string }) => p.id === ctx().demo.planId);
    expect(framework).toMatchObject({ revision: null, updatedAt: null, versionCount: 1 });
    expect(framework.latestVersion.label).toBe('Draft 2');
    const parties = new Set(overview.members.map((m: { partyId: string }) => m.partyId));
    expect(parties).toEqual(new Set([overview.viewer.partyId]));
  });

  it('adds a party; the code is upper-cased and the colour lower-cased', async () => {
    const client = await ctx().signIn(ctx().demo.mediatorEmail);
    const process = await buildProcess(client);
    const res = await client.post(`/api/v1/processes/${process.id}/parties`, {
      name: 'Republic of Veloria',
      code: 'vel',
      kind: 'state',
      colour: '#1D4ED8',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().party).toMatchObject({ code: 'VEL', colour: '#1d4ed8', kind: 'state', memberCount: 0 });
    const overview = (await client.get(`/api/v1/processes/${process.id}`)).json();
    expect(overview.parties.map((p: { code: string }) => p.code)).toEqual(['MED', 'VEL']);
  });

  it('refuses a duplicate party code with 409 naming the code', async () => {
    const client = await ctx().signIn(ctx().demo.mediatorEmail);
    const res = await client.post(`/api/v1/processes/${ctx().demo.processId}/parties`, {
      name: 'Another Veloria',
      code: 'Vel',
      kind: 'state',
      colour: '#000000',
    });
    const problem = expectProblem(res, 409, 'conflict');
    expect(problemFields(res).some((f) => f === 'code' || f === 'body.code')).toBe(true);
    expect(problem.detail).toContain('VEL');
  });

  it('refuses a bad colour, kind or code with 400 naming each field', async () => {
    const client = await ctx().signIn(ctx().demo.mediatorEmail);
    const res = await client.post(`/api/v1/processes/${ctx().demo.processId}/parties`, {
      name: 'Bad',
      code: 'no spaces',
      kind: 'empire',
      colour: 'red',
    });
    expectProblem(res, 400, 'validation.failed');
    expect(problemFields(res)).toEqual(expect.arrayContaining(['body.colour', 'body.kind', 'body.code']));
    const colour = res.json().errors.find((e: { field: string }) => e.field === 'body.colour');
    expect(colour.reason).toContain('#1f3a5f');
  });

  it('lets only mediators add parties', async () => {
    const delegate = await ctx().signIn('lead@karst.example');
    const res = await delegate.post(`/api/v1/processes/${ctx().demo.processId}/parties`, {
      name: 'Sneaky',
      code: 'SNK',
      kind: 'state',
      colour: '#000000',
    });
    expectProblem(res, 403, 'auth.forbidden');
  });

  it('answers 404 for a process that does not exist', async () => {
    const client = await ctx().signIn(ctx().demo.mediatorEmail);
    expectProblem(await client.get('/api/v1/processes/prc_nope'), 404, 'process.not_found');
  });
});
