import { expect, it } from 'vitest';
import type { PlanContent } from '../../src/domain/plans/plan.ts';
import { findUserByEmail } from '../../src/store/access/users.repository.ts';
import { appendAudit } from '../../src/store/audit/audit.repository.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { demoVersions, expectProblem, problemFields } from '../support/factories.ts';
import type { Client, TestApp } from '../support/test-app.ts';
import { useTestApp } from '../support/test-app.ts';

interface Entry {
  seq: number;
  at: string;
  actor: { id: string; name: string; email: string; party: { id: string; code: string } | null } | null;
  action: string;
  summary: string;
  subject: { type: string; id: string | null; label: string | null };
  detail: Record<string, unknown>;
  hash: string;
}
interface Page {
  entries: Entry[];
  nextBefore: number | null;
  actions?: string[];
}

/** Every point text, sub-item and note of the demo plan's draft and versions, long enough to be telling. */
async function demoPlanTexts(ctx: TestApp): Promise<string[]> {
  const db = ctx.database.db;
  const plan = await db
    .selectFrom('plans')
    .select('draft_content')
    .where('id', '=', ctx.demo.planId)
    .execute();
  const versions = await db
    .selectFrom('versions')
    .select('content')
    .where('plan_id', '=', ctx.demo.planId)
    .execute();
  const texts = new Set<string>();
  for (const json of [...plan.map((p) => p.draft_content), ...versions.map((v) => v.content)]) {
    const content = JSON.parse(json) as PlanContent;
    for (const p of content.points) {
      texts.add(p.text);
      for (const item of p.items) texts.add(item.text);
    }
    for (const n of content.notes) texts.add(n.text);
  }
  const notes = await db.selectFrom('party_notes').select('body').execute();
  for (const n of notes) texts.add(n.body);
  return [...texts].map((t) => t.trim()).filter((t) => t.length >= 20);
}

async function userId(ctx: TestApp, email: string): Promise<string> {
  const user = await findUserByEmail(ctx.database.db, email);
  if (!user) throw new Error(`no user ${email}`);
  return user.id;
}

async function partyId(ctx: TestApp, code: string): Promise<string> {
  const row = await ctx.database.db
    .selectFrom('parties')
    .select('id')
    .where('process_id', '=', ctx.demo.processId)
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
  return row.id;
}

describeEachDatabase('audit log view', (dialect) => {
  const ctx = useTestApp(dialect);
  const url = (query = '') =>
    `/api/v1/processes/${ctx().demo.processId}/audit${query === '' ? '' : `?${query}`}`;
  const page = async (client: Client, query = ''): Promise<Page> => {
    const res = await client.get(url(query));
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Page;
  };

  let secretText = '';
  let mediator: Client;

  it('shows a mediator the process’s entries, newest first, each with its summary and short hash', async () => {
    mediator = await ctx().signIn(ctx().demo.mediatorEmail);
    const versions = await demoVersions(mediator, ctx().demo.planId);
    const draftTwo = versions.find((v) => v.label === 'Draft 2')!;
    expect(
      (await mediator.get(`/api/v1/plans/${ctx().demo.planId}/versions/${draftTwo.id}`)).statusCode,
    ).toBe(200);
    const exported = await mediator.get(
      `/api/v1/plans/${ctx().demo.planId}/export?format=pdf&version=${draftTwo.id}`,
    );
    expect(exported.statusCode).toBe(200);

    // A Karst delegate's entry, written straight to the log, from a writer careless enough to put
    // point text in its detail: the view must still show only what is safe.
    const texts = await demoPlanTexts(ctx());
    secretText = texts[0]!;
    const karstDelegate = await userId(ctx(), 'lead@karst.example');
    await ctx()
      .database.db.transaction()
      .execute((tx) =>
        appendAudit(
          tx,
          {
            processId: ctx().demo.processId,
            actorId: karstDelegate,
            action: 'version.view',
            subjectType: 'version',
            subjectId: draftTwo.id,
            detail: { planId: ctx().demo.planId, label: 'Draft 2', text: secretText, body: secretText },
          },
          new Date('2020-01-15T12:00:00.000Z'),
        ),
      );

    const { entries, actions, nextBefore } = await page(mediator);
    expect(nextBefore).toBeNull();
    expect(entries.map((e) => e.seq)).toEqual([...entries.map((e) => e.seq)].sort((a, b) => b - a));
    expect(actions).toEqual(
      expect.arrayContaining(['process.create', 'version.cut', 'version.export', 'version.view']),
    );
    expect(entries.at(-1)).toMatchObject({ action: 'process.create', subject: { type: 'process' } });
    const [smuggled, exportEntry, viewEntry] = entries;
    expect(smuggled).toMatchObject({
      action: 'version.view',
      summary: 'read Draft 2',
      actor: { name: 'Aurel Vashti', email: 'lead@karst.example', party: { code: 'KRF' } },
      subject: { type: 'version', id: draftTwo.id, label: 'Draft 2' },
      detail: { planId: ctx().demo.planId, label: 'Draft 2' },
    });
    expect(Object.keys(smuggled!.detail).sort()).toEqual(['label', 'planId']);
    expect(exportEntry).toMatchObject({
      action: 'version.export',
      actor: { email: ctx().demo.mediatorEmail },
    });
    expect(exportEntry!.summary).toMatch(/^exported Draft 2/);
    expect(viewEntry).toMatchObject({ action: 'version.view', summary: 'read Draft 2' });
    expect(entries.some((e) => e.action === 'version.cut' && e.summary === 'cut Draft 3')).toBe(true);

    // The short hash is the start of the stored one, which `entente audit verify` checks.
    const stored = await ctx()
      .database.db.selectFrom('audit_log')
      .select(['seq', 'hash'])
      .where('process_id', '=', ctx().demo.processId)
      .execute();
    const byseq = new Map(stored.map((r) => [Number(r.seq), r.hash]));
    for (const e of entries) {
      expect(e.hash).toMatch(/^[0-9a-f]{12}$/);
      expect(byseq.get(e.seq)?.startsWith(e.hash)).toBe(true);
    }
    // Only entries of this process: sign-ins are not process-scoped.
    expect(entries.some((e) => e.action.startsWith('auth.'))).toBe(false);
    expect(entries.length).toBe(stored.length);
  });

  it('filters by user, by party, by action or action family, and by time', async () => {
    const drafting = await userId(ctx(), 'drafting@envoy.example');
    const byDrafting = (await page(mediator, `actor=${drafting}`)).entries;
    expect(byDrafting.length).toBeGreaterThan(0);
    for (const e of byDrafting) expect(e.actor?.id).toBe(drafting);
    expect(byDrafting.map((e) => e.summary)).toEqual(expect.arrayContaining(['cut Draft 2', 'cut Draft 3']));

    const karst = await partyId(ctx(), 'KRF');
    const byKarst = (await page(mediator, `party=${karst}`)).entries;
    expect(byKarst.length).toBeGreaterThan(0);
    for (const e of byKarst) expect(e.actor?.party?.id).toBe(karst);
    const envoy = await partyId(ctx(), 'OSE');
    const byEnvoy = (await page(mediator, `party=${envoy}`)).entries;
    expect(byEnvoy.length).toBeGreaterThan(0);
    for (const e of byEnvoy) expect(e.actor?.party?.code).toBe('OSE');

    const cuts = (await page(mediator, 'action=version.cut')).entries;
    // The framework's three drafts and the truce's signed text.
    expect(cuts.map((e) => e.summary).sort()).toEqual([
      'cut Draft 1',
      'cut Draft 2',
      'cut Draft 3',
      'cut Signed text',
    ]);
    const family = (await page(mediator, 'action=version.')).entries;
    expect(new Set(family.map((e) => e.action))).toEqual(
      new Set(
        [...(await page(mediator)).entries.map((e) => e.action)].filter((a) => a.startsWith('version.')),
      ),
    );
    expect(family.length).toBeGreaterThan(cuts.length);
    expect((await page(mediator, 'action=version_')).entries).toEqual([]);
    // The family is a prefix of the action, dot included: "version." is not "versions.".
    expect((await page(mediator, 'action=versio.')).entries).toEqual([]);

    const day = (await page(mediator, 'from=2020-01-15&to=2020-01-15')).entries;
    expect(day.map((e) => e.at)).toEqual(['2020-01-15T12:00:00.000Z']);
    const instant = (await page(mediator, 'from=2020-01-15T13:00:00%2B01:00&to=2020-01-15T12:00:00Z'))
      .entries;
    expect(instant).toHaveLength(1);
    expect((await page(mediator, 'from=2020-01-15T12:00:01Z&to=2020-01-16')).entries).toEqual([]);
    const recent = (await page(mediator, `from=${new Date(Date.now() - 86_400_000).toISOString()}`)).entries;
    expect(recent.length).toBeGreaterThan(0);
    expect(recent.some((e) => e.at.startsWith('2020'))).toBe(false);

    const combined = (await page(mediator, `party=${karst}&action=version.&to=2020-12-31`)).entries;
    expect(combined).toHaveLength(1);
  });

  it('pages backwards with the before cursor, without gaps or repeats', async () => {
    const all = (await page(mediator, 'limit=200')).entries;
    const seen: number[] = [];
    let before: number | null = null;
    for (let i = 0; i < 50; i++) {
      const next: Page = await page(mediator, `limit=2${before === null ? '' : `&before=${before}`}`);
      expect(next.entries.length).toBeLessThanOrEqual(2);
      if (before !== null) expect(next.actions).toBeUndefined();
      seen.push(...next.entries.map((e) => e.seq));
      before = next.nextBefore;
      if (before === null) break;
    }
    expect(seen).toEqual(all.map((e) => e.seq));
  });

  it('is for mediators: other members are refused, outsiders are told the process does not exist', async () => {
    for (const email of [
      'lead@veloria.example',
      'lead@karst.example',
      'observer@bcc.example',
      'monitor@ccv.example',
    ]) {
      const member = await ctx().signIn(email);
      const problem = expectProblem(await member.get(url()), 403, 'auth.forbidden');
      expect(problem.detail).toContain('audit log');
    }
    const outsider = await ctx().outsider();
    const problem = expectProblem(await outsider.get(url()), 404, 'process.not_found');
    expect(problem.detail).not.toContain('Veloria');
    expectProblem(await mediator.get('/api/v1/processes/prc_nothing/audit'), 404, 'process.not_found');
    expectProblem(await ctx().app.inject({ method: 'GET', url: url() }), 401, 'auth.required');
  });

  it('refuses bad filters with a 400 naming the field', async () => {
    const cases: [string, string][] = [
      ['limit=0', 'query.limit'],
      ['limit=201', 'query.limit'],
      ['limit=ten', 'query.limit'],
      ['before=-3', 'query.before'],
      ['before=1.5', 'query.before'],
      ['from=yesterday', 'query.from'],
      ['to=2025-02-30', 'query.to'],
      ['from=2025-03-01T14:00:00', 'query.from'],
      ['action=Version.Cut', 'query.action'],
      ['action=version%25', 'query.action'],
      ['actor=', 'query.actor'],
      ['colour=red', 'query.colour'],
      ['from=2025-03-02&to=2025-03-01', 'query.from'],
      ['party=pty_nowhere', 'query.party'],
      ['actor=a&actor=b', 'query.actor'],
    ];
    for (const [query, field] of cases) {
      const res = await mediator.get(url(query));
      const problem = expectProblem(res, 400, 'validation.failed');
      expect(problemFields(res), query).toContain(field);
      expect(problem.detail, query).toContain(field);
    }
  });

  it('never carries point text, notes or other confidential text in any entry', async () => {
    const res = await mediator.get(url('limit=200'));
    expect(res.statusCode).toBe(200);
    const texts = await demoPlanTexts(ctx());
    expect(texts.length).toBeGreaterThan(10);
    expect(secretText).not.toBe('');
    for (const text of texts) {
      expect(res.body).not.toContain(text);
      expect(res.body).not.toContain(JSON.stringify(text).slice(1, -1));
    }
  });
});
