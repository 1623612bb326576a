import { beforeAll, expect, it } from 'vitest';
import type {
  AnalysisRun,
  AnalysisSetup,
  PartyPreferences,
  PutPreferencesBody,
} from '../../src/web/analytics/api-types.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { expectProblem, problemFields, readDraft, tokenClient } from '../support/factories.ts';
import { type Client, useTestApp } from '../support/test-app.ts';

describeEachDatabase('negotiation analytics: setup, sealed preferences, run, apply', (dialect) => {
  const ctx = useTestApp(dialect);
  let mediator: Client;
  let karst: Client;
  let veloria: Client;
  let bcc: Client;
  let planId: string;
  let party: Record<'VEL' | 'KRF' | 'BCC' | 'CCV', string>;
  const url = (path: string) => `/api/v1/plans/${planId}${path}`;
  const put = (client: Client, path: string, payload: unknown) =>
    client.request({ method: 'PUT', url: url(path), payload: payload as object });
  const setupOf = async (client: Client) => {
    const res = await client.get(url('/analysis/setup'));
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as AnalysisSetup;
  };
  const preferencesOf = async (client: Client, partyId: string) => {
    const res = await client.get(url(`/preferences/${partyId}`));
    expect(res.statusCode, res.body).toBe(200);
    return res.json().preferences as PartyPreferences | null;
  };

  beforeAll(async () => {
    planId = ctx().demo.planId;
    mediator = await ctx().signIn(ctx().demo.mediatorEmail);
    karst = await ctx().signIn('lead@karst.example');
    veloria = await ctx().signIn('lead@veloria.example');
    bcc = await ctx().signIn('observer@bcc.example');
    const setup = await setupOf(mediator);
    const byCode = (code: string) => setup.parties.find((p) => p.code === code)!.id;
    party = { VEL: byCode('VEL'), KRF: byCode('KRF'), BCC: byCode('BCC'), CCV: byCode('CCV') };
  });

  /** Karst's stored preferences as a body to send back (they are valid for the setup as it stands). */
  async function karstBody(): Promise<PutPreferencesBody> {
    const p = (await preferencesOf(karst, party.KRF))!;
    return {
      weights: p.weights,
      scores: p.scores,
      redLines: p.redLines,
      reservation: p.reservation,
      sharedWithMediator: p.sharedWithMediator,
      baseRevision: p.revision,
    };
  }

  it('shows the mediator the whole setup and a party only what it holds, never a preference number', async () => {
    const setup = await setupOf(mediator);
    // Numbered as the working draft has them (Draft 2's 6 and 7 are 7 and 8 there).
    expect(setup.points.map((p) => p.number)).toEqual(['1', '3', '7', '8', '18']);
    expect(setup.points.find((p) => p.number === '8')).toMatchObject({ good: true, options: [] });
    expect(setup.points.filter((p) => !p.good).every((p) => p.options.length === 3)).toBe(true);
    expect(setup.constraints).toHaveLength(1);
    expect(setup.parties.map((p) => [p.code, p.hasPreferences, p.sharedWithMediator])).toEqual([
      ['KRF', true, true],
      ['VEL', true, true],
      ['BCC', true, false],
      ['CCV', false, false],
    ]);
    const own = await setupOf(karst);
    expect(own.parties.map((p) => p.code)).toEqual(['KRF']);
    expect(own.points.map((p) => p.pointId)).toEqual(setup.points.map((p) => p.pointId));
    for (const body of [JSON.stringify(setup), JSON.stringify(own)]) {
      expect(body).not.toContain('weights');
      expect(body).not.toContain('reservation');
    }
  });

  it('defines a point with its options, keeps option ids on redefinition, removes it again', async () => {
    const draft = await readDraft(mediator, planId);
    const newest = draft.content.points.at(-1)!; // in the working draft only: no party holds it
    const options = [
      { label: 'Monthly', text: 'The Implementation Committee shall meet every month.' },
      { label: 'Quarterly', text: 'The Implementation Committee shall meet every three months.' },
    ];
    const created = await put(mediator, `/analysis/points/${newest.id}`, { good: false, options });
    expect(created.statusCode, created.body).toBe(200);
    const point = created.json();
    expect(point).toMatchObject({ pointId: newest.id, number: newest.number, good: false });
    expect(point.options.map((o: { label: string }) => o.label)).toEqual(['Monthly', 'Quarterly']);
    // Karst was never given the point: it does not see it, nor its options.
    expect((await setupOf(karst)).points.map((p) => p.pointId)).not.toContain(newest.id);

    const kept = point.options[1];
    const again = await put(mediator, `/analysis/points/${newest.id}`, {
      good: false,
      options: [
        kept,
        { label: 'Twice a year', text: 'The Implementation Committee shall meet twice a year.' },
      ],
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().options[0].id).toBe(kept.id);
    expect(again.json().options).toHaveLength(2);

    const before = JSON.stringify(await setupOf(mediator));
    expectProblem(
      await put(mediator, `/analysis/points/${newest.id}`, { good: true, options }),
      400,
      'validation.failed',
    );
    const single = await put(mediator, `/analysis/points/${newest.id}`, {
      good: false,
      options: [options[0]],
    });
    expect(problemFields(single)).toEqual(['body.options']);
    const unknown = await put(mediator, `/analysis/points/${newest.id}`, {
      good: false,
      options: [{ ...options[0], id: 'opt_nope' }, options[1]],
    });
    expect(problemFields(unknown)).toEqual(['body.options.0.id']);
    expectProblem(
      await put(mediator, '/analysis/points/pnt_nope', { good: false, options }),
      404,
      'point.not_found',
    );
    expectProblem(await put(karst, `/analysis/points/${newest.id}`, { good: false, options }), 403);
    expect(JSON.stringify(await setupOf(mediator))).toBe(before);

    const removed = await mediator.request({ method: 'DELETE', url: url(`/analysis/points/${newest.id}`) });
    expect(removed.statusCode, removed.body).toBe(204);
    expect((await setupOf(mediator)).points.map((p) => p.pointId)).not.toContain(newest.id);
    expectProblem(
      await mediator.request({ method: 'DELETE', url: url(`/analysis/points/${newest.id}`) }),
      404,
      'point.not_found',
    );
  });

  it('replaces the constraints, refusing one that names an unknown option', async () => {
    const setup = await setupOf(mediator);
    const [p1, p3] = [setup.points[0]!, setup.points[1]!];
    const constraint = {
      kind: 'excludes',
      option: { pointId: p1.pointId, optionId: p1.options[0]!.id },
      other: { pointId: p3.pointId, optionId: p3.options[2]!.id },
    };
    const bad = await put(mediator, '/analysis/constraints', {
      constraints: [{ ...constraint, other: { pointId: p3.pointId, optionId: 'opt_nope' } }],
    });
    expect(problemFields(bad)).toEqual(['body.constraints.0.other.optionId']);
    const original = setup.constraints.map(({ kind, option, other }) => ({ kind, option, other }));
    const done = await put(mediator, '/analysis/constraints', { constraints: [...original, constraint] });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().constraints).toHaveLength(2);
    expect((await put(mediator, '/analysis/constraints', { constraints: original })).statusCode).toBe(200);
    expect((await setupOf(mediator)).constraints).toHaveLength(1);
  });

  it("keeps preferences sealed: a party never reads another's, the mediator only what is shared", async () => {
    expect((await preferencesOf(karst, party.KRF))?.sharedWithMediator).toBe(true);
    expect(await preferencesOf(bcc, party.BCC)).toMatchObject({
      sharedWithMediator: false,
      partyId: party.BCC,
    });
    // Another party's preferences, shared with the mediator or not, are "not found" to a party.
    for (const [client, other] of [
      [karst, party.VEL],
      [karst, party.BCC],
      [veloria, party.KRF],
      [bcc, party.KRF],
    ] as const)
      expectProblem(await client.get(url(`/preferences/${other}`)), 404, 'not_found');
    // The mediator reads what is shared, and gets the same 404 for a sealed party as for a missing one.
    expect((await preferencesOf(mediator, party.VEL))?.weights).toBeDefined();
    const sealed = expectProblem(await mediator.get(url(`/preferences/${party.BCC}`)), 404);
    const none = expectProblem(await mediator.get(url('/preferences/pty_nope')), 404);
    expect(sealed.code).toBe(none.code);
    // The monitors have stated none: for the mediator that is the same answer as sealed.
    expectProblem(await mediator.get(url(`/preferences/${party.CCV}`)), 404);
  });

  it('validates preferences field by field and writes nothing on a mistake', async () => {
    const body = await karstBody();
    const setup = await setupOf(karst);
    const contested = setup.points.find((p) => !p.good)!;
    const good = setup.points.find((p) => p.good)!;
    const target = url(`/preferences/${party.KRF}`);
    const send = (payload: unknown) =>
      karst.request({ method: 'PUT', url: target, payload: payload as object });

    const [first, second] = Object.keys(body.weights) as [string, string];
    const off = await send({ ...body, weights: { ...body.weights, [first]: body.weights[first]! + 5 } });
    const offProblem = expectProblem(off, 400, 'validation.failed');
    expect(problemFields(off)).toEqual(['body.weights']);
    expect(JSON.stringify(offProblem.errors)).toContain('must sum to 100, not 105');

    const unknownOption = await send({
      ...body,
      scores: { ...body.scores, [contested.pointId]: { ...body.scores[contested.pointId], opt_nope: 50 } },
    });
    expect(problemFields(unknownOption)).toEqual([`body.scores.${contested.pointId}.opt_nope`]);

    const unscored = { ...body.scores, [contested.pointId]: { ...body.scores[contested.pointId] } };
    delete unscored[contested.pointId]![contested.options[0]!.id];
    expect(problemFields(await send({ ...body, scores: unscored }))).toEqual([
      `body.scores.${contested.pointId}.${contested.options[0]!.id}`,
    ]);
    const goodScored = await send({
      ...body,
      scores: { ...body.scores, [good.pointId]: { [party.KRF]: 100 } },
    });
    expect(problemFields(goodScored)).toEqual([`body.scores.${good.pointId}`]);

    const allRuledOut = await send({
      ...body,
      redLines: contested.options.map((o) => ({ pointId: contested.pointId, optionId: o.id })),
    });
    expect(problemFields(allRuledOut)).toEqual([`body.redLines.${contested.pointId}`]);
    expect(JSON.stringify(allRuledOut.json().errors)).toContain(`point ${contested.number}`);
    const badRedLine = await send({
      ...body,
      redLines: [{ pointId: contested.pointId, optionId: 'opt_nope' }],
    });
    expect(problemFields(badRedLine)).toEqual(['body.redLines.0.optionId']);

    // A point Karst was never given (Draft 3's new point 5) is not one it can weigh, existing or not.
    const draftThreeOnly = (await readDraft(mediator, planId)).content.points.find((p) => p.number === '5')!;
    await put(mediator, `/analysis/points/${draftThreeOnly.id}`, {
      good: false,
      options: [
        { label: 'Weekly', text: 'The Commission shall meet every week.' },
        { label: 'Monthly', text: 'The Commission shall meet every month.' },
      ],
    });
    const unheld = await send({
      ...body,
      weights: { ...body.weights, [second]: body.weights[second]! - 5, [draftThreeOnly.id]: 5 },
    });
    expect(problemFields(unheld)).toContain(`body.weights.${draftThreeOnly.id}`);
    expect(JSON.stringify(unheld.json())).not.toContain('The Commission shall meet every');
    await mediator.request({ method: 'DELETE', url: url(`/analysis/points/${draftThreeOnly.id}`) });

    expectProblem(await send({ ...body, reservation: 120 }), 400);
    expect(problemFields(await send({ ...body, reservation: 120 }))).toEqual(['body.reservation']);
    // Nothing was written by any of these.
    expect((await preferencesOf(karst, party.KRF))?.revision).toBe(body.baseRevision);
  });

  it('lets a delegate save its party’s preferences, refuses others, a read-only token and a stale form', async () => {
    const body = await karstBody();
    const target = url(`/preferences/${party.KRF}`);
    const saved = await karst.request({ method: 'PUT', url: target, payload: { ...body, reservation: 36 } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().preferences).toMatchObject({ reservation: 36, revision: body.baseRevision! + 1 });
    expect(saved.json().preferences.updatedBy.name).toBe('Aurel Vashti');
    // The form was loaded before that save: refused, not overwritten.
    expectProblem(await karst.request({ method: 'PUT', url: target, payload: body }), 409, 'conflict');
    // A save that does not say which revision it replaces cannot overwrite stored preferences either.
    const { baseRevision: _, ...blind } = body;
    expectProblem(await karst.request({ method: 'PUT', url: target, payload: blind }), 409, 'conflict');

    const readOnly = await tokenClient(ctx(), 'lead@karst.example', 'read');
    const refused = expectProblem(await readOnly.request({ method: 'PUT', url: target, payload: body }), 403);
    expect(refused.detail).toContain('read-only');
    expectProblem(
      await bcc.request({ method: 'PUT', url: url(`/preferences/${party.BCC}`), payload: body }),
      403,
    );
    expect([403, 404]).toContain(
      (await veloria.request({ method: 'PUT', url: target, payload: body })).statusCode,
    );
    expect([403, 404]).toContain(
      (await mediator.request({ method: 'PUT', url: target, payload: body })).statusCode,
    );
    expect((await preferencesOf(karst, party.KRF))?.reservation).toBe(36);

    // The audit log says that they changed, never what they are.
    const audit = await ctx()
      .database.db.selectFrom('audit_log')
      .select(['action', 'subject_type', 'detail'])
      .where('action', '=', 'preferences.update')
      .execute();
    expect(audit.length).toBeGreaterThan(0);
    expect(audit.every((a) => a.subject_type === 'party_preferences')).toBe(true);
    expect(audit.map((a) => a.detail).join()).not.toMatch(/weights|scores|reservation/);
  });

  it('runs the analysis for the mediator quickly, with sealed parties sealed in every part of the answer', async () => {
    const started = performance.now();
    const res = await mediator.post(url('/analysis/run'), {});
    const took = performance.now() - started;
    expect(res.statusCode, res.body).toBe(200);
    expect(took).toBeLessThan(1500);
    const run = res.json() as AnalysisRun;
    expect(run.exact).toBe(true);
    expect(run.missing).toEqual([party.CCV]);
    expect(run.parties.map((p) => [p.code, p.shared])).toEqual([
      ['KRF', true],
      ['VEL', true],
      ['BCC', false],
    ]);
    expect(run.frontierSize).toBeGreaterThan(0);
    for (const concept of ['nash', 'kalaiSmorodinsky', 'leximin', 'utilitarian'] as const) {
      const s = run.solutions[concept]!;
      expect(s, concept).not.toBeNull();
      expect(s.utility[party.VEL]).toBeTypeOf('number');
      expect(s.utility[party.BCC]).toBeNull();
      expect(s.properties.length).toBeGreaterThan(0);
      const e = run.explanations[concept]!;
      expect(e.ledger).toHaveLength(run.points.length);
      expect(e.ledger.every((l) => l.entries.every((x) => x.partyId !== party.BCC))).toBe(true);
      expect(e.trades.join(' ')).not.toContain('Basin');
      expect(e.stability!.share).toBeGreaterThanOrEqual(0);
    }
    expect(run.frontier.every((p) => p.utility[party.BCC] === null)).toBe(true);

    // BCC's numbers: no utility keyed by it, no ledger line, not its weights nor its Nash utility.
    const body = res.body;
    expect(body).not.toMatch(new RegExp(`"${party.BCC}":[-0-9]`));
    expect(body).not.toContain(`"partyId":"${party.BCC}"`);
    const sealed = (await preferencesOf(bcc, party.BCC))!;
    expect(body).not.toContain(JSON.stringify(sealed.weights));
    const nash = run.solutions.nash!.choice;
    const utility = run.points.reduce((sum, p) => {
      const w = sealed.weights[p.pointId] ?? 0;
      const score = p.good
        ? nash[p.pointId] === party.BCC
          ? 100
          : 0
        : (sealed.scores[p.pointId]?.[nash[p.pointId]!] ?? 0);
      return sum + (w * score) / 100;
    }, 0);
    if (!Number.isInteger(utility)) expect(body).not.toContain(String(Math.round(utility * 1e4) / 1e4));

    // Only the mediator runs it; a read-only token may (it changes nothing).
    expectProblem(await karst.post(url('/analysis/run'), {}), 403);
    expectProblem(await bcc.post(url('/analysis/run'), {}), 403);
    const token = await tokenClient(ctx(), ctx().demo.mediatorEmail, 'read');
    expect((await token.post(url('/analysis/run'), {})).statusCode).toBe(200);
  });

  it('shows a party’s numbers to the mediator once it shares them', async () => {
    const p = (await preferencesOf(bcc, party.BCC))!;
    expect(p.sharedWithMediator).toBe(false);
    // BCC has no delegate: its observer may read its preferences but not change them.
    expectProblem(
      await bcc.request({
        method: 'PUT',
        url: url(`/preferences/${party.BCC}`),
        payload: {
          weights: p.weights,
          scores: p.scores,
          redLines: p.redLines,
          reservation: p.reservation,
          sharedWithMediator: true,
        },
      }),
      403,
    );
    const body = await karstBody();
    await karst.request({
      method: 'PUT',
      url: url(`/preferences/${party.KRF}`),
      payload: { ...body, sharedWithMediator: false },
    });
    const run = (await mediator.post(url('/analysis/run'), {})).json() as AnalysisRun;
    expect(run.parties.find((x) => x.id === party.KRF)?.shared).toBe(false);
    expect(run.solutions.nash!.utility[party.KRF]).toBeNull();
    expectProblem(await mediator.get(url(`/preferences/${party.KRF}`)), 404);
    const again = await karstBody();
    await karst.request({
      method: 'PUT',
      url: url(`/preferences/${party.KRF}`),
      payload: { ...again, sharedWithMediator: true },
    });
    const shared = (await mediator.post(url('/analysis/run'), {})).json() as AnalysisRun;
    expect(shared.solutions.nash!.utility[party.KRF]).toBeTypeOf('number');
  });

  it('applies a package to the working draft in one revision, and refuses a stale one', async () => {
    const setup = await setupOf(mediator);
    const run = (await mediator.post(url('/analysis/run'), {})).json() as AnalysisRun;
    const choice = run.solutions.nash!.choice;
    const before = await readDraft(mediator, planId);

    expectProblem(await karst.post(url('/analysis/apply'), { choice, baseRevision: before.revision }), 403);
    const token = await tokenClient(ctx(), ctx().demo.mediatorEmail, 'read');
    expectProblem(await token.post(url('/analysis/apply'), { choice, baseRevision: before.revision }), 403);

    const applied = await mediator.post(url('/analysis/apply'), { choice, baseRevision: before.revision });
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json()).toEqual({ revision: before.revision + 1 });
    const after = await readDraft(mediator, planId);
    expect(after.revision).toBe(before.revision + 1);
    for (const point of setup.points.filter((p) => !p.good)) {
      const option = point.options.find((o) => o.id === choice[point.pointId])!;
      expect(after.content.points.find((p) => p.id === point.pointId)?.text).toBe(option.text);
    }
    // The other points are untouched.
    const analysed = new Set(setup.points.map((p) => p.pointId));
    for (const p of before.content.points.filter((x) => !analysed.has(x.id)))
      expect(after.content.points.find((x) => x.id === p.id)?.text).toBe(p.text);
    const audit = await ctx()
      .database.db.selectFrom('audit_log')
      .select('action')
      .where('action', 'in', ['analysis.apply', 'draft.edit'])
      .orderBy('seq', 'desc')
      .limit(2)
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['analysis.apply', 'draft.edit']);

    const stale = await mediator.post(url('/analysis/apply'), { choice, baseRevision: before.revision });
    expectProblem(stale, 409, 'draft.conflict');
    expect((await readDraft(mediator, planId)).revision).toBe(after.revision);
    const wrong = await mediator.post(url('/analysis/apply'), {
      choice: { [setup.points[0]!.pointId]: 'opt_nope' },
      baseRevision: after.revision,
    });
    expect(problemFields(wrong)).toEqual([`body.choice.${setup.points[0]!.pointId}`]);
  });
});
