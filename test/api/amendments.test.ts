import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';
import {
  countRows,
  cutVersion,
  demoVersions,
  expectProblem,
  problemFields,
  readDraft,
} from '../support/factories.ts';
import { type Client, useTestApp } from '../support/test-app.ts';

interface Amendment {
  id: string;
  kind: string;
  state: string;
  party: { code: string };
  point: { id: string | null; number: string | null };
  text: string;
  reply: string;
  baseText: string;
  segments: { op: string; text: string }[];
  appliedText: string | null;
  appliedPointId: string | null;
  takenInVersion: { id: string; label: string } | null;
  sharedWithMediator: boolean;
  revision: number;
  actions: string[];
}
interface Listing {
  total: number;
  groups: { key: string; kind: string; number: string | null; amendments: Amendment[] }[];
}

const KARST = 'lead@karst.example';
const VELORIA = 'lead@veloria.example';

describeEachDatabase('amendments', (dialect) => {
  const ctx = useTestApp(dialect);
  const url = (rest = '') => `/api/v1/plans/${ctx().demo.planId}/amendments${rest}`;
  const listing = async (client: Client) => {
    const res = await client.get(url());
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Listing;
  };
  const all = (l: Listing) => l.groups.flatMap((g) => g.amendments);
  const countAmendments = async () =>
    Number(
      (
        await ctx()
          .database.db.selectFrom('amendments')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  /** Draft 2 (held by every party) and its points. */
  async function draftTwo(client: Client) {
    const versions = await demoVersions(client, ctx().demo.planId);
    const v = versions.find((x) => x.label === 'Draft 2')!;
    const res = await client.get(`/api/v1/plans/${ctx().demo.planId}/versions/${v.id}`);
    const points = res.json().content.points as { id: string; number: string; areaId: string | null }[];
    return { id: v.id, point: (n: string) => points.find((p) => p.number === n)! };
  }

  async function propose(client: Client, body: Record<string, unknown>) {
    const res = await client.post(url(), body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().amendment as Amendment;
  }

  it('shows each party its own amendments and the mediator only what was submitted, grouped by point', async () => {
    const karst = await ctx().signIn(KARST);
    const veloria = await ctx().signIn(VELORIA);
    const mediator = await ctx().signIn(ctx().demo.mediatorEmail);
    const k = await listing(karst);
    const v = await listing(veloria);
    const m = await listing(mediator);
    expect(new Set(all(k).map((a) => a.party.code))).toEqual(new Set(['KRF']));
    expect(all(k).some((a) => a.state === 'draft')).toBe(true);
    expect(new Set(all(v).map((a) => a.party.code))).toEqual(new Set(['VEL']));
    expect(all(m).some((a) => a.state === 'draft')).toBe(false);
    expect(new Set(all(m).map((a) => a.party.code))).toEqual(new Set(['VEL', 'KRF']));
    // Veloria's private draft reaches neither the mediator nor Karst.
    const velDraft = all(v).find((a) => a.state === 'draft')!;
    expect(JSON.stringify(m)).not.toContain(velDraft.text);
    expect(JSON.stringify(k)).not.toContain(velDraft.text);
    // Both parties asked for a different distance in point 3: side by side, each with its redline.
    const three = m.groups.find((g) => g.kind === 'point' && g.number === '3')!;
    expect(three.amendments.map((a) => a.party.code).sort()).toEqual(['KRF', 'VEL']);
    for (const a of three.amendments) {
      expect(a.segments.some((s) => s.op === 'insert')).toBe(true);
      expect(a.segments.some((s) => s.op === 'delete')).toBe(true);
    }
    // Karst holds no Draft 3: a Karst amendment taken in there does not name it.
    expect(JSON.stringify(k)).not.toContain('Draft 3');
    expect(all(k).every((a) => a.takenInVersion === null && a.appliedPointId === null)).toBe(true);
    expect(all(m).some((a) => a.party.code === 'KRF' && a.takenInVersion?.label === 'Draft 3')).toBe(true);
  });

  it('runs the workflow: draft, edit, submit, accept with edited text into the draft, taken in on the next cut', async () => {
    const karst = await ctx().signIn(KARST);
    const mediator = await ctx().signIn(ctx().demo.mediatorEmail);
    const base = await draftTwo(karst);
    const point = base.point('13'); // humanitarian corridors, unchanged since Draft 2
    const made = await propose(karst, {
      kind: 'replace',
      baseVersionId: base.id,
      pointId: point.id,
      text: 'Humanitarian corridors to the towns of Marrow, Sable Ford and Istrel shall open within 24 hours.',
      rationale: 'Winter.',
    });
    expect(made).toMatchObject({
      state: 'draft',
      sharedWithMediator: false,
      actions: ['edit', 'submit', 'withdraw'],
    });
    expect(all(await listing(mediator)).map((a) => a.id)).not.toContain(made.id);
    expectProblem(await mediator.get(url(`/${made.id}`)), 404, 'amendment.not_found');

    const edited = await karst.patch(url(`/${made.id}`), {
      text: 'Humanitarian corridors to the towns of Marrow, Sable Ford and Istrel shall open within 24 hours of the cessation of hostilities.',
      revision: made.revision,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    // A change made on a stale revision is refused, not merged.
    expectProblem(
      await karst.patch(url(`/${made.id}`), { rationale: 'x', revision: made.revision }),
      409,
      'conflict',
    );
    const submitted = await karst.post(url(`/${made.id}/submit`), {});
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().amendment).toMatchObject({ state: 'submitted', sharedWithMediator: true });
    expectProblem(
      await karst.patch(url(`/${made.id}`), { text: 'Too late.' }),
      409,
      'transition.not_allowed',
    );
    // Deciding is the mediator's.
    expectProblem(await karst.post(url(`/${made.id}/decision`), { decision: 'accept' }), 403);

    const before = await readDraft(mediator, ctx().demo.planId);
    const applied =
      'Humanitarian corridors to the towns of Marrow, Sable Ford and Istrel shall open within 36 hours of the cessation of hostilities.';
    const decided = await mediator.post(url(`/${made.id}/decision`), {
      decision: 'accept',
      text: applied,
      reply: 'Accepted with 36 hours, which the humanitarian organisations can meet.',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json().draftRevision).toBe(before.revision + 1);
    const after = await readDraft(mediator, ctx().demo.planId);
    expect(after.revision).toBe(before.revision + 1);
    expect(after.content.points.find((p) => p.id === point.id)?.text).toBe(applied);

    // The mediator changed the wording: that is draft text, which Karst reads only with a version.
    const seen = (await karst.get(url(`/${made.id}`))).json().amendment as Amendment;
    expect(seen).toMatchObject({
      state: 'accepted',
      appliedText: null,
      appliedSegments: null,
      appliedWordingWithheld: true,
      appliedPointId: null,
      takenInVersion: null,
    });
    expect(JSON.stringify(seen)).not.toContain('36 hours of the cessation');
    expect(seen.reply).toContain('36 hours');
    expect(seen.actions).toEqual([]);
    // The delegate still reads no draft.
    expectProblem(await karst.get(`/api/v1/plans/${ctx().demo.planId}/draft`), 404);

    const actions = await ctx()
      .database.db.selectFrom('audit_log')
      .select('action')
      .where('subject_id', '=', made.id)
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'amendment.create',
      'amendment.update',
      'amendment.submit',
      'amendment.decide',
    ]);
    const draftEdit = await ctx()
      .database.db.selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'draft.edit')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(String(draftEdit.detail)).toContain(made.id);

    const version = await cutVersion(mediator, ctx().demo.planId, { note: 'after the corridors' });
    const taken = (await mediator.get(url(`/${made.id}`))).json().amendment as Amendment;
    expect(taken.takenInVersion).toMatchObject({ id: version.id, label: version.label });
    // The demo's accepted Veloria amendment on the amnesty, pending since Draft 3, is taken in too.
    const amnesty = all(await listing(mediator)).find(
      (a) => a.party.code === 'VEL' && a.state === 'accepted' && a.point.number === '20',
    );
    expect(amnesty?.takenInVersion?.id).toBe(version.id);
    // Karst is not told of a version it was not given.
    expect(((await karst.get(url(`/${made.id}`))).json().amendment as Amendment).takenInVersion).toBeNull();
  });

  it('partly accepts with edited sub-items, rejects with a reply, adds a new point', async () => {
    const karst = await ctx().signIn('military@karst.example');
    const mediator = await ctx().signIn(ctx().demo.mediatorEmail);
    const base = await draftTwo(karst);
    const refrain = await propose(karst, {
      kind: 'replace',
      baseVersionId: base.id,
      pointId: base.point('2').id,
      text: 'The parties shall refrain from all offensive operations, including:\na) artillery fire;\nb) drone strikes;\nc) sniper fire.',
      submit: true,
    });
    expect(refrain.state).toBe('submitted');
    const res = await mediator.post(url(`/${refrain.id}/decision`), {
      decision: 'partly_accept',
      text: 'The parties shall refrain from all offensive operations, including:\na) artillery fire;\nb) drone strikes.',
      reply: 'Sniper fire is covered by the general rule.',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().amendment.state).toBe('partly_accepted');
    const draft = await readDraft(mediator, ctx().demo.planId);
    const point = draft.content.points.find((p) => p.id === base.point('2').id)!;
    expect(point.items).toEqual([
      { label: 'a', text: 'artillery fire;' },
      { label: 'b', text: 'drone strikes.' },
    ]);

    const troops = await propose(karst, {
      kind: 'replace',
      baseVersionId: base.id,
      pointId: base.point('8').id,
      text: 'Neither party shall station more than 60,000 troops in the border provinces listed in Annex B.',
      submit: true,
    });
    const before = await readDraft(mediator, ctx().demo.planId);
    const rejected = await mediator.post(url(`/${troops.id}/decision`), {
      decision: 'reject',
      reply: 'The ceiling stays at 40,000.',
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json()).toMatchObject({
      draftRevision: null,
      amendment: { state: 'rejected', appliedText: null },
    });
    expect((await readDraft(mediator, ctx().demo.planId)).revision).toBe(before.revision);

    const anchor = base.point('16');
    const added = await propose(karst, {
      kind: 'add',
      baseVersionId: base.id,
      afterPointId: anchor.id,
      text: 'The parties shall establish a joint commission on the Orlen river.',
      submit: true,
    });
    const accepted = await mediator.post(url(`/${added.id}/decision`), { decision: 'accept' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const newId = accepted.json().amendment.appliedPointId as string;
    const points = (await readDraft(mediator, ctx().demo.planId)).content.points;
    const at = points.findIndex((p) => p.id === anchor.id);
    expect(points[at + 1]).toMatchObject({ id: newId, areaId: anchor.areaId });
    expect(points[at + 1]?.text).toBe('The parties shall establish a joint commission on the Orlen river.');
    const grouped = await listing(mediator);
    expect(grouped.groups.some((g) => g.kind === 'new' && g.amendments.some((a) => a.id === added.id))).toBe(
      true,
    );
  });

  it('withdraws, and refuses to accept a withdrawn amendment without writing anything', async () => {
    const karst = await ctx().signIn(KARST);
    const mediator = await ctx().signIn(ctx().demo.mediatorEmail);
    const base = await draftTwo(karst);
    const made = await propose(karst, {
      kind: 'delete',
      baseVersionId: base.id,
      pointId: base.point('19').id,
      rationale: 'Reconstruction belongs in a separate conference.',
      submit: true,
    });
    const withdrawn = await karst.post(url(`/${made.id}/withdraw`), {});
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json().amendment.state).toBe('withdrawn');
    // Still on the mediator's record, as withdrawn.
    expect(all(await listing(mediator)).find((a) => a.id === made.id)?.state).toBe('withdrawn');

    const audit = await countRows(ctx(), 'audit_log');
    const draft = await readDraft(mediator, ctx().demo.planId);
    const refused = expectProblem(
      await mediator.post(url(`/${made.id}/decision`), { decision: 'accept' }),
      409,
      'transition.not_allowed',
    );
    expect(refused.detail).toContain('cannot accept an amendment that was withdrawn');
    expectProblem(await karst.post(url(`/${made.id}/withdraw`), {}), 409, 'transition.not_allowed');
    expect(await countRows(ctx(), 'audit_log')).toBe(audit);
    expect((await readDraft(mediator, ctx().demo.planId)).revision).toBe(draft.revision);
  });

  it('refuses bad input with a 4xx naming the problem, and writes nothing', async () => {
    const karst = await ctx().signIn(KARST);
    const observer = await ctx().signIn('observer@bcc.example');
    const base = await draftTwo(karst);
    const versions = await demoVersions(await ctx().signIn(ctx().demo.mediatorEmail), ctx().demo.planId);
    const draftThree = versions.find((v) => v.label === 'Draft 3')!;
    const amendments = await countAmendments();
    const audit = await countRows(ctx(), 'audit_log');
    const pointId = base.point('1').id;

    // A version Karst was never given is "not found", exactly like one that does not exist.
    const hidden = expectProblem(
      await karst.post(url(), { kind: 'replace', baseVersionId: draftThree.id, pointId, text: 'x' }),
      404,
      'version.not_found',
    );
    const missing = expectProblem(
      await karst.post(url(), { kind: 'replace', baseVersionId: 'ver_nonexistent', pointId, text: 'x' }),
      404,
      'version.not_found',
    );
    expect(hidden.detail.replace(draftThree.id, 'X')).toBe(missing.detail.replace('ver_nonexistent', 'X'));
    expect(
      problemFields(await karst.post(url(), { kind: 'replace', baseVersionId: base.id, pointId })),
    ).toEqual(['body.text']);
    expect(
      problemFields(
        await karst.post(url(), { kind: 'replace', baseVersionId: base.id, pointId, text: '   ' }),
      ),
    ).toEqual(['body.text']);
    expect(
      problemFields(
        await karst.post(url(), {
          kind: 'replace',
          baseVersionId: base.id,
          pointId: 'pt_unknown',
          text: 'x',
        }),
      ),
    ).toEqual(['body.pointId']);
    expect(
      problemFields(await karst.post(url(), { kind: 'replace', baseVersionId: base.id, text: 'x' })),
    ).toEqual(['body.pointId']);
    expect(
      problemFields(
        await karst.post(url(), { kind: 'replace', baseVersionId: base.id, pointId, text: 'x'.repeat(8001) }),
      ),
    ).toEqual(['body.text']);
    expect(
      problemFields(
        await karst.post(url(), {
          kind: 'add',
          baseVersionId: base.id,
          afterPointId: 'pt_unknown',
          text: 'x',
        }),
      ),
    ).toEqual(['body.afterPointId']);
    expect(
      problemFields(await karst.post(url(), { kind: 'move', baseVersionId: base.id, text: 'x' })),
    ).toEqual(['body.kind']);
    // Observers are briefed; they do not propose.
    expectProblem(
      await observer.post(url(), { kind: 'replace', baseVersionId: base.id, pointId, text: 'x' }),
      403,
    );
    expect(await countAmendments()).toBe(amendments);
    expect(await countRows(ctx(), 'audit_log')).toBe(audit);
  });

  it('says so when the amended point is no longer in the draft, and leaves the amendment submitted', async () => {
    const karst = await ctx().signIn(KARST);
    const mediator = await ctx().signIn(ctx().demo.mediatorEmail);
    const base = await draftTwo(karst);
    // Point 11 of Draft 2 (the return of civilians) was merged into point 10 in Draft 3.
    const made = await propose(karst, {
      kind: 'replace',
      baseVersionId: base.id,
      pointId: base.point('11').id,
      text: 'Civilians, including children, shall be returned to their families within 30 days.',
      submit: true,
    });
    const draft = await readDraft(mediator, ctx().demo.planId);
    const refused = expectProblem(
      await mediator.post(url(`/${made.id}/decision`), { decision: 'accept' }),
      409,
      'conflict',
    );
    expect(refused.detail).toContain('point 11 of Draft 2');
    expect(refused.detail).toContain('no longer in the working draft');
    expect((await readDraft(mediator, ctx().demo.planId)).revision).toBe(draft.revision);
    expect(((await karst.get(url(`/${made.id}`))).json().amendment as Amendment).state).toBe('submitted');
  });

  it("submits a set of the party's drafts at once: all, or none", async () => {
    const karst = await ctx().signIn(KARST);
    const mediator = await ctx().signIn(ctx().demo.mediatorEmail);
    const base = await draftTwo(karst);
    const draft = (n: string) =>
      propose(karst, {
        kind: 'replace',
        baseVersionId: base.id,
        pointId: base.point(n).id,
        text: `Karst text for ${n}.`,
      });
    const [a, b, c] = [await draft('5'), await draft('6'), await draft('9')];
    await karst.post(url(`/${c.id}/submit`), {});
    const veloriaDraft = all(await listing(await ctx().signIn(VELORIA))).find((x) => x.state === 'draft')!;

    expectProblem(
      await karst.post(url('/submit'), { ids: [a.id, b.id, c.id] }),
      409,
      'transition.not_allowed',
    );
    expectProblem(
      await karst.post(url('/submit'), { ids: [a.id, veloriaDraft.id] }),
      404,
      'amendment.not_found',
    );
    expect(problemFields(await karst.post(url('/submit'), { ids: [] }))).toEqual(['body.ids']);
    const mine = all(await listing(karst));
    expect(mine.find((x) => x.id === a.id)?.state).toBe('draft');

    const res = await karst.post(url('/submit'), { ids: [a.id, b.id] });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json().items as Amendment[]).map((x) => x.state)).toEqual(['submitted', 'submitted']);
    const seen = all(await listing(mediator)).map((x) => x.id);
    expect(seen).toEqual(expect.arrayContaining([a.id, b.id, c.id]));
  });
});
