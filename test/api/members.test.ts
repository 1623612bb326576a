import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';
import { buildProcess, expectProblem, problemFields } from '../support/factories.ts';
import { type Client, useTestApp } from '../support/test-app.ts';

/** A negotiating party in a fresh process (its first party is the mediator team). */
async function addStateParty(mediator: Client, processId: string): Promise<string> {
  const res = await mediator.post(`/api/v1/processes/${processId}/parties`, {
    name: 'Republic of Veloria',
    code: 'VEL',
    kind: 'state',
    colour: '#1d4ed8',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().party.id;
}

describeEachDatabase('members and the instance admin', (dialect) => {
  const ctx = useTestApp(dialect);

  it('lets a mediator add an existing account to a party, once', async () => {
    const mediator = await ctx().signIn('drafting@envoy.example');
    const newcomer = await ctx().outsider();
    const process = await buildProcess(mediator);
    const partyId = await addStateParty(mediator, process.id);

    const res = await mediator.post(`/api/v1/processes/${process.id}/members`, {
      email: newcomer.email,
      partyId,
      role: 'observer',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().member).toMatchObject({ email: newcomer.email, partyId, role: 'observer' });
    expect((await newcomer.get(`/api/v1/processes/${process.id}`)).statusCode).toBe(200);

    const again = await mediator.post(`/api/v1/processes/${process.id}/members`, {
      email: newcomer.email,
      partyId,
      role: 'delegate',
    });
    expectProblem(again, 409, 'conflict');
    expect(problemFields(again)).toContain('email');
  });

  it('names the field when the account or party does not exist, and refuses non-mediators', async () => {
    const mediator = await ctx().signIn('drafting@envoy.example');
    const process = await buildProcess(mediator);
    const partyId = await addStateParty(mediator, process.id);
    const nobody = await mediator.post(`/api/v1/processes/${process.id}/members`, {
      email: 'nobody@example.org',
      partyId,
      role: 'observer',
    });
    expectProblem(nobody, 404, 'not_found');
    expect(problemFields(nobody)).toContain('email');
    const outsider = await ctx().outsider();
    const wrongParty = await mediator.post(`/api/v1/processes/${process.id}/members`, {
      email: outsider.email,
      partyId: 'pty_nope',
      role: 'observer',
    });
    expect(problemFields(wrongParty)).toContain('partyId');
    const badRole = await mediator.post(`/api/v1/processes/${process.id}/members`, {
      email: outsider.email,
      partyId,
      role: 'king',
    });
    expectProblem(badRole, 400, 'validation.failed');
    expect(problemFields(badRole)).toContain('body.role');

    const delegate = await ctx().signIn('lead@veloria.example');
    const refused = await delegate.post(`/api/v1/processes/${ctx().demo.processId}/members`, {
      email: outsider.email,
      partyId,
      role: 'observer',
    });
    expect(refused.statusCode).toBe(403);
  });

  it('keeps the mediator role to the mediator team, and the team to one party', async () => {
    const mediator = await ctx().signIn('drafting@envoy.example');
    const process = await buildProcess(mediator);
    const stateParty = await addStateParty(mediator, process.id);
    const team = (await mediator.get(`/api/v1/processes/${process.id}`)).json().parties[0].id as string;
    const newcomer = await ctx().outsider();
    const url = `/api/v1/processes/${process.id}/members`;
    for (const body of [
      { email: newcomer.email, partyId: stateParty, role: 'mediator' },
      { email: newcomer.email, partyId: team, role: 'delegate' },
    ]) {
      const res = await mediator.post(url, body);
      expectProblem(res, 400, 'validation.failed');
      expect(problemFields(res)).toEqual(['role']);
    }
    const second = await mediator.post(`/api/v1/processes/${process.id}/parties`, {
      name: 'Second team',
      code: 'TWO',
      kind: 'mediator',
      colour: '#000000',
    });
    expectProblem(second, 409, 'conflict');
    expect(problemFields(second)).toEqual(['kind']);
  });

  it('gives the instance admin no view of processes they are not a member of', async () => {
    const creator = await ctx().outsider();
    const secret = await buildProcess(creator, 'Back channel');
    const admin = await ctx().signIn(ctx().demo.mediatorEmail);
    const list = (await admin.get('/api/v1/processes')).json().items as { id: string; title: string }[];
    expect(list.map((p) => p.id)).not.toContain(secret.id);
    expectProblem(await admin.get(`/api/v1/processes/${secret.id}`), 404, 'process.not_found');
  });

  it('counts for a delegate only the plans released to their party', async () => {
    const delegate = await ctx().signIn('lead@veloria.example');
    // The framework and the signed truce, both released to Veloria.
    const [item] = (await delegate.get('/api/v1/processes')).json().items;
    expect(item.planCount).toBe(2);
    const mediator = await ctx().signIn(ctx().demo.mediatorEmail);
    await mediator.post(`/api/v1/processes/${ctx().demo.processId}/plans`, { title: 'Unreleased annex' });
    expect((await mediator.get('/api/v1/processes')).json().items[0].planCount).toBe(3);
    expect((await delegate.get('/api/v1/processes')).json().items[0].planCount).toBe(2);
  });
});
