import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';
import { demoVersions, expectProblem, problemFields } from '../support/factories.ts';
import { type Client, useTestApp } from '../support/test-app.ts';

interface Comment {
  id: string;
  threadId: string;
  body: string;
  author: { name: string; partyCode: string | null };
}
interface Thread {
  id: string;
  pointId: string;
  visibility: 'mediator' | 'party';
  party: { id: string; code: string };
  comments: Comment[];
  replyCount: number;
}

describeEachDatabase('comment threads on points', (dialect) => {
  const ctx = useTestApp(dialect);
  const url = () => `/api/v1/plans/${ctx().demo.planId}/comments`;
  const threads = async (client: Client) => {
    const res = await client.get(url());
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as Thread[];
  };
  const ids = async (client: Client) => (await threads(client)).map((t) => t.id);
  const open = async (client: Client, payload: Record<string, unknown>) => {
    const res = await client.post(url(), payload);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().comment as Comment;
  };
  const remove = (client: Client, id: string) => client.request({ method: 'DELETE', url: `${url()}/${id}` });
  const commentCount = async () =>
    Number(
      (
        await ctx()
          .database.db.selectFrom('comments')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  async function pointOf(client: Client, label: string, index = 0): Promise<string> {
    const v = (await demoVersions(client, ctx().demo.planId)).find((x) => x.label === label)!;
    const res = await client.get(`/api/v1/plans/${ctx().demo.planId}/versions/${v.id}`);
    return res.json().content.points[index].id;
  }
  /** A point of Draft 3 that Draft 2 does not have: Veloria holds it, Karst does not. */
  async function draftThreeOnlyPoint(veloria: Client, karst: Client): Promise<string> {
    const draftTwo = new Set<string>();
    for (const v of await demoVersions(karst, ctx().demo.planId)) {
      const c = (await karst.get(`/api/v1/plans/${ctx().demo.planId}/versions/${v.id}`)).json().content;
      for (const p of c.points) draftTwo.add(p.id);
    }
    const v3 = (await demoVersions(veloria, ctx().demo.planId)).find((x) => x.label === 'Draft 3')!;
    const c3 = (await veloria.get(`/api/v1/plans/${ctx().demo.planId}/versions/${v3.id}`)).json().content;
    const only = c3.points.find((p: { id: string }) => !draftTwo.has(p.id));
    expect(only).toBeDefined();
    return only.id;
  }

  it("gives each of the demo's threads only to its readers", async () => {
    const codes = async (email: string) =>
      (await threads(await ctx().signIn(email))).map((t) => `${t.party.code}:${t.visibility}`).sort();
    expect(await codes(ctx().demo.mediatorEmail)).toEqual(['KRF:mediator', 'OSE:party', 'VEL:mediator']);
    expect(await codes('legal@veloria.example')).toEqual(['VEL:mediator']);
    expect(await codes('military@karst.example')).toEqual(['KRF:mediator', 'KRF:party']);
    expect(await codes('observer@bcc.example')).toEqual([]);
  });

  it('shows a thread open to the mediator to the party and the mediator, a party-only one to the party alone', async () => {
    const lead = await ctx().signIn('lead@veloria.example');
    const legal = await ctx().signIn('legal@veloria.example');
    const mediator = await ctx().signIn(ctx().demo.mediatorEmail);
    const karst = await ctx().signIn('lead@karst.example');
    const observer = await ctx().signIn('observer@bcc.example');
    const pointId = await pointOf(lead, 'Draft 3', 0);
    const shared = await open(lead, {
      pointId,
      body: 'Can the 72 hours run from verification rather than signature?',
      visibility: 'mediator',
    });
    const internal = await open(lead, {
      pointId,
      body: 'Internal: we could accept 96 hours as a fallback.',
      visibility: 'party',
    });

    expect(await ids(legal)).toEqual(expect.arrayContaining([shared.threadId, internal.threadId]));
    const seenByMediator = await mediator.get(url());
    expect(seenByMediator.json().items.map((t: Thread) => t.id)).toContain(shared.threadId);
    expect(seenByMediator.json().items.map((t: Thread) => t.id)).not.toContain(internal.threadId);
    expect(seenByMediator.body).not.toContain('96 hours');
    for (const other of [karst, observer]) {
      const res = await other.get(url());
      expect(res.json().items.map((t: Thread) => t.id)).not.toContain(shared.threadId);
      expect(res.body).not.toContain('72 hours run from verification');
      expect(res.body).not.toContain('96 hours');
      expect(res.json().items.every((t: Thread) => t.party.code !== 'VEL')).toBe(true);
    }

    // The mediator answers in the shared thread; the party reads the answer with who gave it.
    const reply = await open(mediator, {
      threadId: shared.threadId,
      body: 'Yes, if the Commission certifies.',
    });
    expect(reply.threadId).toBe(shared.threadId);
    expect(reply.author.partyCode).toBe('OSE');
    const thread = (await threads(legal)).find((t) => t.id === shared.threadId)!;
    expect(thread).toMatchObject({ visibility: 'mediator', replyCount: 1, party: { code: 'VEL' } });
    expect(thread.comments.map((c) => c.body)).toEqual([shared.body, reply.body]);
    // Replying in the party-only thread, or through a reply's id, stays "not found" for the mediator.
    expectProblem(
      await mediator.post(url(), { threadId: internal.id, body: 'Let me in' }),
      404,
      'comment.not_found',
    );
    // Any comment of a thread names it.
    const viaReply = await open(legal, { threadId: reply.id, body: 'Noted, thank you.' });
    expect(viaReply.threadId).toBe(shared.threadId);
    // Observers read their party's threads but do not write.
    const bccPoint = await pointOf(observer, 'Draft 2', 1);
    expectProblem(await observer.post(url(), { pointId: bccPoint, body: 'A remark' }), 403, 'auth.forbidden');
    // The counts per point add up.
    const counts = (await mediator.get(url())).json().counts as {
      pointId: string;
      threads: number;
      comments: number;
    }[];
    const here = (await threads(mediator)).filter((t) => t.pointId === pointId);
    expect(counts.find((c) => c.pointId === pointId)).toEqual({
      pointId,
      threads: here.length,
      comments: here.reduce((n, t) => n + t.comments.length, 0),
    });
  });

  it("keeps the mediator team's internal threads to itself, and addresses a thread to one party", async () => {
    const envoy = await ctx().signIn(ctx().demo.mediatorEmail);
    const drafting = await ctx().signIn('drafting@envoy.example');
    const veloria = await ctx().signIn('lead@veloria.example');
    const karst = await ctx().signIn('lead@karst.example');
    const pointId = await pointOf(envoy, 'Draft 2', 2);
    const internal = await open(envoy, {
      pointId,
      body: 'Drafting: tighten the verb here.',
      visibility: 'party',
    });
    expect(await ids(drafting)).toContain(internal.threadId);
    expect(await ids(veloria)).not.toContain(internal.threadId);
    expect(await ids(karst)).not.toContain(internal.threadId);

    const karstId = await partyId(envoy, 'KRF');
    const toKarst = await open(envoy, {
      pointId,
      partyId: karstId,
      visibility: 'mediator',
      body: 'Would Karst accept a 10 km line with a corridor at Velin?',
    });
    const seen = (await threads(karst)).find((t) => t.id === toKarst.threadId);
    expect(seen).toMatchObject({ visibility: 'mediator', party: { code: 'KRF' } });
    expect(await ids(veloria)).not.toContain(toKarst.threadId);
    const answer = await open(karst, { threadId: toKarst.threadId, body: 'With a corridor, yes.' });
    expect((await threads(envoy)).find((t) => t.id === toKarst.threadId)?.comments.at(-1)?.body).toBe(
      answer.body,
    );

    // Never on a point that party was not given, never hidden from the mediator who opens it.
    const before = await commentCount();
    const unseen = await draftThreeOnlyPoint(veloria, karst);
    const notHeld = await envoy.post(url(), {
      pointId: unseen,
      partyId: karstId,
      visibility: 'mediator',
      body: 'x',
    });
    expectProblem(notHeld, 400, 'validation.failed');
    expect(problemFields(notHeld)).toEqual(['body.pointId']);
    const hidden = await envoy.post(url(), { pointId, partyId: karstId, visibility: 'party', body: 'x' });
    expectProblem(hidden, 400, 'validation.failed');
    expect(problemFields(hidden)).toEqual(['body.visibility']);
    const unknown = await envoy.post(url(), {
      pointId,
      partyId: 'pty_nope',
      visibility: 'mediator',
      body: 'x',
    });
    expect(problemFields(unknown)).toEqual(['body.partyId']);
    // A delegate cannot address another party.
    const veloriaId = await partyId(envoy, 'VEL');
    expectProblem(
      await karst.post(url(), { pointId, partyId: veloriaId, visibility: 'mediator', body: 'x' }),
      403,
    );
    expect(await commentCount()).toBe(before);
  });

  it('lets only the author edit or delete a comment; the audit log never holds the text', async () => {
    const lead = await ctx().signIn('lead@veloria.example');
    const legal = await ctx().signIn('legal@veloria.example');
    const mediator = await ctx().signIn(ctx().demo.mediatorEmail);
    const pointId = await pointOf(lead, 'Draft 2', 4);
    const first = await open(lead, { pointId, body: 'Who chairs the hotline?', visibility: 'mediator' });
    const reply = await open(mediator, { threadId: first.id, body: 'The Commission secretary.' });

    for (const res of [
      await legal.patch(`${url()}/${first.id}`, { body: 'Rewritten by a colleague' }),
      await remove(legal, first.id),
      await lead.patch(`${url()}/${reply.id}`, { body: 'Rewritten by the party' }),
    ])
      expectProblem(res, 403, 'auth.forbidden');
    const edited = await lead.patch(`${url()}/${first.id}`, { body: 'Who chairs the military hotline?' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().comment.body).toBe('Who chairs the military hotline?');
    // The opening comment stays while it has replies.
    expectProblem(await remove(lead, first.id), 409, 'conflict');
    expect((await remove(mediator, reply.id)).statusCode).toBe(204);
    expect((await remove(lead, first.id)).statusCode).toBe(204);
    expect(await ids(legal)).not.toContain(first.id);

    const audit = await ctx()
      .database.db.selectFrom('audit_log')
      .select(['action', 'detail', 'subject_type'])
      .where('subject_id', 'in', [first.id, reply.id])
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'comment.create',
      'comment.create',
      'comment.update',
      'comment.delete',
      'comment.delete',
    ]);
    expect(new Set(audit.map((a) => a.subject_type))).toEqual(new Set(['comment']));
    expect(JSON.stringify(audit)).not.toMatch(/hotline|secretary/);

    // Another party's party-only comment is "not found" to everyone outside it.
    const secret = await open(lead, { pointId, body: 'Our own doubts.', visibility: 'party' });
    const karst = await ctx().signIn('lead@karst.example');
    for (const client of [mediator, karst])
      for (const res of [
        await client.patch(`${url()}/${secret.id}`, { body: 'Overwritten' }),
        await remove(client, secret.id),
      ]) {
        expectProblem(res, 404, 'comment.not_found');
        expect(res.body).not.toContain('Our own doubts');
      }
    const party = await ctx()
      .database.db.selectFrom('audit_log')
      .select('subject_type')
      .where('subject_id', '=', secret.id)
      .executeTakeFirstOrThrow();
    expect(party.subject_type).toBe('party_comment');
  });

  it('names the field for bad input and writes nothing', async () => {
    const karst = await ctx().signIn('lead@karst.example');
    const veloria = await ctx().signIn('lead@veloria.example');
    const pointId = await pointOf(karst, 'Draft 2');
    const unseen = await draftThreeOnlyPoint(veloria, karst);
    const before = await commentCount();
    for (const [body, field] of [
      [{ pointId, body: '   ' }, 'body.body'],
      [{ pointId, body: 'x'.repeat(10_001) }, 'body.body'],
      [{ body: 'No point' }, 'body.pointId'],
      [{ pointId: 'pnt_unknown', body: 'Unknown point' }, 'body.pointId'],
      [{ pointId: unseen, body: 'A point Karst was never shown' }, 'body.pointId'],
      [{ pointId, body: 'ok', visibility: 'everyone' }, 'body.visibility'],
      [{ threadId: 'cmt_x', pointId, body: 'A reply with a point' }, 'body.pointId'],
      [{ pointId, body: 'ok', extra: 1 }, 'body'],
    ] as const) {
      const res = await karst.post(url(), body);
      expectProblem(res, 400, 'validation.failed');
      expect(
        problemFields(res).some((f) => f.startsWith(field)),
        `${JSON.stringify(body)}: ${res.body}`,
      ).toBe(true);
    }
    expectProblem(
      await karst.post(url(), { threadId: 'cmt_unknown', body: 'Hello' }),
      404,
      'comment.not_found',
    );
    const own = await open(karst, { pointId, body: 'A fine comment' });
    expectProblem(await karst.patch(`${url()}/${own.id}`, { body: '' }), 400, 'validation.failed');
    expect(await commentCount()).toBe(before + 1);
  });

  async function partyId(client: Client, code: string): Promise<string> {
    const overview = (await client.get(`/api/v1/processes/${ctx().demo.processId}`)).json();
    return overview.parties.find((p: { code: string }) => p.code === code).id;
  }
});
