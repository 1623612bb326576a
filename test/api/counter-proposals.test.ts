import { Document, Packer, Paragraph } from 'docx';
import { expect, it } from 'vitest';
import type { PlanContent } from '../../src/domain/plans/plan.ts';
import type { Actor } from '../../src/services/access/sessions.ts';
import { getPlanAmendments } from '../../src/services/amendments/list-amendments.ts';
import { findUserByEmail, toUser } from '../../src/store/access/users.repository.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { demoVersions, expectProblem, problemFields } from '../support/factories.ts';
import { type Client, useTestApp } from '../support/test-app.ts';

interface Change {
  kind: 'replaced' | 'deleted' | 'added';
  key: string;
  pointId?: string;
  number?: string;
  text?: string;
  baseText?: string;
  afterPointId?: string | null;
  segments?: { op: string; text: string }[];
}

const SEVEN_DAYS =
  'A comprehensive cessation of hostilities shall take effect along the entire line of contact within seven days of the signature of this Framework.';
const SANCTIONS =
  'The member states of the Basin Cooperation Council shall lift all sanctions adopted against the Karst Federation upon the signature of this Framework.';
const DAM_BOARD =
  'A joint technical board of engineers from both countries shall oversee the safe operation of the Vell hydroelectric dam.';

describeEachDatabase('counter-proposal import', (dialect) => {
  const ctx = useTestApp(dialect);
  const previewUrl = () => `/api/v1/plans/${ctx().demo.planId}/counter-proposals/preview`;
  const createUrl = () => `/api/v1/plans/${ctx().demo.planId}/counter-proposals`;

  async function version(client: Client, label: string) {
    const versions = await demoVersions(client, ctx().demo.planId);
    return versions.find((v) => v.label === label)!;
  }

  /** Draft 2 as Karst holds it (its own marked copy), point by point. */
  async function draftTwoOf(client: Client) {
    const v = await version(client, 'Draft 2');
    const res = await client.get(`/api/v1/plans/${ctx().demo.planId}/versions/${v.id}`);
    return { id: v.id, content: res.json().content as PlanContent };
  }

  /**
   * Karst's answer to Draft 2, typed up on its own copy: numbered "(1)", "(2)", … straight through,
   * point 5 (the demilitarised zone) left out, a new point after 7, points 1 and 18 reworded.
   */
  function karstCounterText(content: PlanContent): string {
    const blocks: string[] = ['Counter-proposal of the Karst Federation'];
    let n = 0;
    for (const p of content.points) {
      if (p.number === '5') continue;
      const text = p.number === '1' ? SEVEN_DAYS : p.number === '18' ? SANCTIONS : p.text;
      blocks.push(
        [`(${++n}) ${text}`, ...p.items.map((item) => `    (${item.label}) ${item.text}`)].join('\n'),
      );
      if (p.number === '7') blocks.push(`(${++n}) ${DAM_BOARD}`);
    }
    return blocks.join('\n\n');
  }

  async function amendmentRows() {
    return ctx()
      .database.db.selectFrom('amendments')
      .selectAll()
      .where('plan_id', '=', ctx().demo.planId)
      .where('source', '=', 'import')
      .orderBy('created_at')
      .execute();
  }

  async function writes() {
    const db = ctx().database.db;
    const amendments = await db
      .selectFrom('amendments')
      .select(db.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const audit = await db
      .selectFrom('audit_log')
      .select(db.fn.countAll().as('n'))
      .where('action', '=', 'amendment.import')
      .executeTakeFirstOrThrow();
    return { amendments: Number(amendments.n), audit: Number(audit.n) };
  }

  it('previews exactly the changed points of a renumbered counter-text, writing nothing', async () => {
    const karst = await ctx().signIn('lead@karst.example');
    const base = await draftTwoOf(karst);
    const before = await writes();
    const res = await karst.post(previewUrl(), {
      baseVersionId: base.id,
      format: 'text',
      text: karstCounterText(base.content),
    });
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json() as {
      changes: Change[];
      counts: unknown;
      unchanged: number;
      baseVersion: unknown;
    };
    const idOf = (number: string) => base.content.points.find((p) => p.number === number)!.id;
    expect(preview.baseVersion).toEqual({ id: base.id, label: 'Draft 2' });
    expect(preview.counts).toEqual({ replaced: 2, added: 1, deleted: 1 });
    expect(preview.unchanged).toBe(base.content.points.length - 3);
    expect(preview.changes.map((c) => [c.kind, c.pointId ?? c.afterPointId])).toEqual([
      ['replaced', idOf('1')],
      ['deleted', idOf('5')],
      ['added', idOf('7')],
      ['replaced', idOf('18')],
    ]);
    const [first, , added, last] = preview.changes;
    expect(first).toMatchObject({ text: SEVEN_DAYS, number: '1' });
    expect(first!.baseText).toContain('within 72 hours');
    expect(first!.segments!.some((s) => s.op === 'insert' && s.text.includes('seven'))).toBe(true);
    expect(added).toMatchObject({ text: DAM_BOARD });
    expect(last).toMatchObject({ text: SANCTIONS });
    expect(await writes()).toEqual(before);
  });

  it('writes the changes as Karst drafts in one batch, seen by Karst and not by the mediator', async () => {
    const karst = await ctx().signIn('lead@karst.example');
    const base = await draftTwoOf(karst);
    const res = await karst.post(createUrl(), {
      baseVersionId: base.id,
      format: 'text',
      text: karstCounterText(base.content),
    });
    expect(res.statusCode, res.body).toBe(201);
    const made = res.json() as { importBatchId: string; counts: unknown; amendments: { id: string }[] };
    expect(made.counts).toEqual({ replaced: 2, added: 1, deleted: 1 });

    const rows = (await amendmentRows()).filter((r) => r.import_batch_id === made.importBatchId);
    expect(rows.map((r) => r.id).sort()).toEqual(made.amendments.map((a) => a.id).sort());
    expect(rows.map((r) => r.kind)).toEqual(['replace', 'delete', 'add', 'replace']);
    const karstParty = await ctx()
      .database.db.selectFrom('parties')
      .select('id')
      .where('code', '=', 'KRF')
      .executeTakeFirstOrThrow();
    for (const r of rows) {
      expect(r).toMatchObject({
        state: 'draft',
        source: 'import',
        party_id: karstParty.id,
        base_version_id: base.id,
        reply: '',
        revision: 1,
        submitted_at: null,
      });
    }
    expect(rows[1]).toMatchObject({ text: '', after_point_id: null, area_id: null });
    const seven = base.content.points.find((p) => p.number === '7')!;
    expect(rows[2]).toMatchObject({
      point_id: null,
      after_point_id: seven.id,
      area_id: seven.areaId,
      text: DAM_BOARD,
    });
    expect(rows[3]!.text).toBe(SANCTIONS);

    const audit = await ctx()
      .database.db.selectFrom('audit_log')
      .select(['detail', 'subject_id'])
      .where('action', '=', 'amendment.import')
      .where('subject_id', '=', made.importBatchId)
      .executeTakeFirstOrThrow();
    const detail = typeof audit.detail === 'string' ? JSON.parse(audit.detail) : audit.detail;
    expect(detail).toMatchObject({ replaced: 2, added: 1, deleted: 1, pointCount: 4, versionId: base.id });
    expect(JSON.stringify(detail)).not.toContain('seven days');

    // The amendments list (another route's) read through its service, as each reader would.
    const seenBy = async (email: string) => {
      const row = await findUserByEmail(ctx().database.db, email);
      const actor: Actor = { user: toUser(row!), via: 'session', canWrite: true };
      return JSON.stringify(await getPlanAmendments(ctx().database, actor, ctx().demo.planId));
    };
    const ids = made.amendments.map((a) => a.id);
    const colleague = await seenBy('military@karst.example');
    for (const id of ids) expect(colleague).toContain(id);
    const mediator = await seenBy(ctx().demo.mediatorEmail);
    const veloria = await seenBy('lead@veloria.example');
    for (const id of ids) {
      expect(mediator).not.toContain(id);
      expect(veloria).not.toContain(id);
    }
    expect(mediator).not.toContain(DAM_BOARD);
  });

  it('writes only the changes chosen in the review', async () => {
    const karst = await ctx().signIn('military@karst.example');
    const base = await draftTwoOf(karst);
    const text = karstCounterText(base.content);
    const preview = (await karst.post(previewUrl(), { baseVersionId: base.id, format: 'text', text })).json()
      .changes as Change[];
    const kept = preview.filter((c) => c.kind !== 'deleted').map((c) => c.key);
    const res = await karst.post(createUrl(), {
      baseVersionId: base.id,
      format: 'text',
      text,
      changes: kept,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().counts).toEqual({ replaced: 2, added: 1, deleted: 0 });
    expect(res.json().amendments.map((a: { key: string }) => a.key)).toEqual(kept);
  });

  it('reads a counter-proposal sent as a Word file', async () => {
    const karst = await ctx().signIn('lead@karst.example');
    const base = await draftTwoOf(karst);
    const paragraphs = karstCounterText(base.content)
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => new Paragraph({ text: line.trim() }));
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] }));
    const res = await karst.post(previewUrl(), {
      baseVersionId: base.id,
      format: 'docx',
      dataBase64: docx.toString('base64'),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().counts).toEqual({ replaced: 2, added: 1, deleted: 1 });
  });

  it('refuses bad input with a clear 4xx, writing nothing', async () => {
    const karst = await ctx().signIn('lead@karst.example');
    const base = await draftTwoOf(karst);
    const text = karstCounterText(base.content);
    const before = await writes();
    for (const url of [previewUrl(), createUrl()]) {
      const empty = expectProblem(
        await karst.post(url, { baseVersionId: base.id, format: 'text', text: '  \n ' }),
        400,
        'validation.failed',
      );
      expect(empty.errors?.map((e) => e.field)).toEqual(['body.text']);

      // Draft 3 was never given to Karst: the same answer as for a version that does not exist.
      const draftThree = (await version(await ctx().signIn(ctx().demo.mediatorEmail), 'Draft 3')).id;
      const unreleased = expectProblem(
        await karst.post(url, { baseVersionId: draftThree, format: 'text', text }),
        404,
        'version.not_found',
      );
      const missing = expectProblem(
        await karst.post(url, { baseVersionId: 'ver_nosuchversion', format: 'text', text }),
        404,
        'version.not_found',
      );
      expect(unreleased.detail.replace(draftThree, 'X')).toBe(
        missing.detail.replace('ver_nosuchversion', 'X'),
      );

      const corrupt = await karst.post(url, {
        baseVersionId: base.id,
        format: 'docx',
        dataBase64: Buffer.from('PK\u0003\u0004 this is no Word file at all').toString('base64'),
      });
      expectProblem(corrupt, 400, 'validation.failed');
      expect(problemFields(corrupt)).toEqual(['body.dataBase64']);
      expect(corrupt.json().detail).toMatch(/Word|\.docx/);

      const notZip = await karst.post(url, {
        baseVersionId: base.id,
        format: 'docx',
        dataBase64: Buffer.from('hello').toString('base64'),
      });
      expectProblem(notZip, 400, 'validation.failed');
      expect(problemFields(notZip)).toEqual(['body.dataBase64']);

      const unnumbered = expectProblem(
        await karst.post(url, { baseVersionId: base.id, format: 'text', text: 'We reject this framework.' }),
        422,
        'import.failed',
      );
      expect(unnumbered.detail).toMatch(/no numbered points/);

      const mixed = await karst.post(url, { baseVersionId: base.id, format: 'text', dataBase64: 'AAAA' });
      expectProblem(mixed, 400, 'validation.failed');
    }
    const unknownKey = await karst.post(createUrl(), {
      baseVersionId: base.id,
      format: 'text',
      text,
      changes: ['replace:pt_nosuchpoint'],
    });
    expectProblem(unknownKey, 400, 'validation.failed');
    expect(problemFields(unknownKey)).toEqual(['body.changes.0']);
    const unchanged = await karst.post(createUrl(), {
      baseVersionId: base.id,
      format: 'text',
      text: base.content.points
        .map((p, k) => `${k + 1}) ${[p.text, ...p.items.map((i) => i.text)].join(' ')}`)
        .join('\n\n'),
    });
    expectProblem(unchanged, 400, 'validation.failed');
    expect(unchanged.json().detail).toMatch(/nothing to propose/);
    expect(await writes()).toEqual(before);
  });

  it('lets only delegates import, for their own party', async () => {
    const mediator = await ctx().signIn(ctx().demo.mediatorEmail);
    const observer = await ctx().signIn('observer@bcc.example');
    const base = await version(mediator, 'Draft 2');
    const body = { baseVersionId: base.id, format: 'text', text: `1. ${SEVEN_DAYS}` };
    const before = await writes();
    expectProblem(await mediator.post(createUrl(), body), 403, 'auth.forbidden');
    expectProblem(await observer.post(createUrl(), body), 403, 'auth.forbidden');
    expectProblem(await (await ctx().outsider()).post(createUrl(), body), 404);
    expect(await writes()).toEqual(before);
  });
});
