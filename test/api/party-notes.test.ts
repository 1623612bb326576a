import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';
import { demoVersions, expectProblem, problemFields } from '../support/factories.ts';
import { type Client, useTestApp } from '../support/test-app.ts';

interface Note {
  id: string;
  pointId: string;
  body: string;
  sharedWithMediator: boolean;
  party: { code: string };
}

describeEachDatabase('party-private notes', (dialect) => {
  const ctx = useTestApp(dialect);
  const notesUrl = () => `/api/v1/plans/${ctx().demo.planId}/notes`;
  const list = async (client: Client) => (await client.get(notesUrl())).json().items as Note[];

  async function pointOf(client: Client, label: string, index = 0): Promise<string> {
    const versions = await demoVersions(client, ctx().demo.planId);
    const v = versions.find((x) => x.label === label)!;
    const res = await client.get(`/api/v1/plans/${ctx().demo.planId}/versions/${v.id}`);
    return res.json().content.points[index].id;
  }

  it("lets a party's members read its notes, and nobody else unless shared with the mediator", async () => {
    const veloria = await ctx().signIn('legal@veloria.example');
    const karst = await ctx().signIn('lead@karst.example');
    const mediator = await ctx().signIn(ctx().demo.mediatorEmail);
    const own = await list(veloria);
    expect(own.length).toBeGreaterThanOrEqual(2);
    expect(new Set(own.map((n) => n.party.code))).toEqual(new Set(['VEL']));
    expect((await list(karst)).every((n) => n.party.code === 'KRF')).toBe(true);
    // The mediator reads only what Veloria chose to share.
    const seen = await list(mediator);
    const fromVeloria = seen.filter((n) => n.party.code === 'VEL');
    expect(fromVeloria.length).toBeGreaterThan(0);
    expect(fromVeloria.every((n) => n.sharedWithMediator)).toBe(true);
    const secret = own.find((n) => !n.sharedWithMediator)!;
    expect(JSON.stringify(seen)).not.toContain(secret.body);
    expect(JSON.stringify(await list(karst))).not.toContain(secret.body);
  });

  it('adds, shares, edits and deletes a note; the audit log never holds its text', async () => {
    const delegate = await ctx().signIn('lead@karst.example');
    const mediator = await ctx().signIn(ctx().demo.mediatorEmail);
    const pointId = await pointOf(delegate, 'Draft 2', 2);
    const created = await delegate.post(notesUrl(), { pointId, body: 'Our red line: no buffer zone here.' });
    expect(created.statusCode, created.body).toBe(201);
    const note = created.json().note as Note;
    expect(note).toMatchObject({ pointId, sharedWithMediator: false, party: { code: 'KRF' } });
    expect((await list(mediator)).map((n) => n.id)).not.toContain(note.id);

    const shared = await delegate.patch(`${notesUrl()}/${note.id}`, { sharedWithMediator: true });
    expect(shared.statusCode, shared.body).toBe(200);
    expect((await list(mediator)).map((n) => n.id)).toContain(note.id);
    // Shared to read, not to change.
    expectProblem(await mediator.patch(`${notesUrl()}/${note.id}`, { body: 'Edited by the mediator' }), 403);

    const edited = await delegate.patch(`${notesUrl()}/${note.id}`, {
      body: 'Softer: a 5 km buffer at most.',
    });
    expect(edited.json().note.body).toBe('Softer: a 5 km buffer at most.');
    const colleague = await ctx().signIn('military@karst.example');
    expect((await list(colleague)).map((n) => n.body)).toContain('Softer: a 5 km buffer at most.');

    const removed = await delegate.request({ method: 'DELETE', url: `${notesUrl()}/${note.id}` });
    expect(removed.statusCode).toBe(204);
    expect((await list(delegate)).map((n) => n.id)).not.toContain(note.id);
    const audit = await ctx()
      .database.db.selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('subject_id', '=', note.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['note.create', 'note.update', 'note.update', 'note.delete']);
    expect(JSON.stringify(audit)).not.toMatch(/red line|buffer/);
    // What a party does in its private space is not the mediator's to watch in the audit view.
    const view = await mediator.get(`/api/v1/processes/${ctx().demo.processId}/audit?limit=200`);
    expect(view.statusCode).toBe(200);
    expect(view.body).not.toContain(note.id);
  });

  it("refuses a note on a point the party was never shown, and another party's note as not found", async () => {
    const karst = await ctx().signIn('lead@karst.example');
    const veloria = await ctx().signIn('lead@veloria.example');
    const mediator = await ctx().signIn(ctx().demo.mediatorEmail);
    // A point that only the working draft has: the last one added.
    const draft = (await mediator.get(`/api/v1/plans/${ctx().demo.planId}`)).json().content;
    const heldIds = new Set<string>();
    for (const v of await demoVersions(karst, ctx().demo.planId)) {
      const c = (await karst.get(`/api/v1/plans/${ctx().demo.planId}/versions/${v.id}`)).json().content;
      for (const p of c.points) heldIds.add(p.id);
    }
    const unseen = draft.points.find((p: { id: string }) => !heldIds.has(p.id));
    expect(unseen).toBeDefined();
    const res = await karst.post(notesUrl(), { pointId: unseen.id, body: 'Probe' });
    expectProblem(res, 400, 'validation.failed');
    expect(problemFields(res)).toEqual(['body.pointId']);

    const velNote = (await list(veloria))[0]!;
    for (const r of [
      await karst.patch(`${notesUrl()}/${velNote.id}`, { body: 'Overwritten' }),
      await karst.request({ method: 'DELETE', url: `${notesUrl()}/${velNote.id}` }),
    ]) {
      expectProblem(r, 404, 'not_found');
      expect(r.body).not.toContain(velNote.body);
    }
    expect((await list(veloria)).find((n) => n.id === velNote.id)?.body).toBe(velNote.body);
  });

  it('lets observers read their party notes but not write them', async () => {
    const observer = await ctx().signIn('observer@bcc.example');
    const pointId = await pointOf(observer, 'Draft 2');
    expectProblem(
      await observer.post(notesUrl(), { pointId, body: 'An observer note' }),
      403,
      'auth.forbidden',
    );
  });

  it('names the field for bad note input', async () => {
    const delegate = await ctx().signIn('lead@veloria.example');
    const pointId = await pointOf(delegate, 'Draft 3');
    for (const [body, field] of [
      [{ pointId, body: '   ' }, 'body.body'],
      [{ pointId, body: 'x'.repeat(10_001) }, 'body.body'],
      [{ body: 'No point' }, 'body.pointId'],
      [{ pointId, body: 'ok', sharedWithMediator: 'yes' }, 'body.sharedWithMediator'],
    ] as const) {
      const res = await delegate.post(notesUrl(), body);
      expectProblem(res, 400, 'validation.failed');
      expect(problemFields(res)).toContain(field);
    }
    const note = (await list(delegate))[0]!;
    expectProblem(await delegate.patch(`${notesUrl()}/${note.id}`, {}), 400, 'validation.failed');
  });
});
