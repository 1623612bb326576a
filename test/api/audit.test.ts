import { expect, it } from 'vitest';
import { auditEntryHash } from '../../src/domain/audit/audit-chain.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { buildPlan, buildProcess, cutVersion, editDraft } from '../support/factories.ts';
import { useTestApp } from '../support/test-app.ts';

describeEachDatabase('audit log', (dialect) => {
  const ctx = useTestApp(dialect);

  const entries = () => ctx().database.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();

  it('records an edit, a version cut and an export, in one unbroken hash chain', async () => {
    const client = await ctx().signIn(ctx().demo.mediatorEmail);
    const process = await buildProcess(client);
    const { plan, content } = await buildPlan(client, process.id);
    const point = content.points[0]!;
    const edit = await editDraft(client, plan.id, 0, {
      type: 'updatePoint',
      pointId: point.id,
      text: 'Audited.',
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const version = await cutVersion(client, plan.id, { note: 'audited cut' });
    const exported = await client.get(`/api/v1/plans/${plan.id}/export?format=pdf&version=${version.id}`);
    expect(exported.statusCode).toBe(200);

    const rows = await entries();
    const mine = rows.filter((r) => r.process_id === process.id);
    const mediatorId = (await client.get('/api/v1/auth/me')).json().user.id;
    expect(mine.map((r) => r.action)).toEqual([
      'process.create',
      'plan.create',
      'draft.edit',
      'version.cut',
      'version.export',
    ]);
    for (const r of mine) expect(r.actor_id).toBe(mediatorId);
    const [, created, edited, cut, exportedEntry] = mine;
    expect(created).toMatchObject({ subject_type: 'plan', subject_id: plan.id });
    expect(JSON.parse(created!.detail)).toMatchObject({ source: 'text', points: 4 });
    expect(edited).toMatchObject({ subject_type: 'plan', subject_id: plan.id });
    expect(JSON.parse(edited!.detail)).toEqual({ op: 'updatePoint', points: [point.id], revision: 1 });
    expect(cut).toMatchObject({ subject_type: 'version', subject_id: version.id });
    expect(JSON.parse(cut!.detail)).toMatchObject({
      planId: plan.id,
      label: 'Draft 1',
      hash: version.contentHash,
    });
    expect(exportedEntry).toMatchObject({ subject_type: 'version', subject_id: version.id });
    // The log records what happened, not the confidential text itself.
    for (const r of mine) expect(r.detail).not.toContain('Audited.');

    // Every entry chains onto the one before it, and its hash is what the chain rule gives.
    expect(rows[0]!.prev_hash).toBe('0'.repeat(64));
    rows.forEach((row, i) => {
      if (i > 0) expect(row.prev_hash, `entry ${row.seq}`).toBe(rows[i - 1]!.hash);
      expect(Number(row.seq)).toBe(i + 1);
      const { prev_hash, hash, ...entry } = row;
      expect(auditEntryHash(prev_hash, { ...entry, seq: Number(entry.seq) }), `entry ${row.seq}`).toBe(hash);
    });
    const head = await ctx().database.db.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
    expect(head.hash).toBe(rows.at(-1)!.hash);
    expect(Number(head.seq)).toBe(rows.length);
  });

  it('writes no audit entry for a refused edit', async () => {
    const client = await ctx().signIn(ctx().demo.mediatorEmail);
    const process = await buildProcess(client);
    const { plan } = await buildPlan(client, process.id);
    const before = (await entries()).length;
    const res = await editDraft(client, plan.id, 0, { type: 'deletePoint', pointId: 'pt_ghost' });
    expect(res.statusCode).toBe(404);
    const stale = await client.post(`/api/v1/plans/${plan.id}/versions`, {});
    expect(stale.statusCode).toBe(201);
    const again = await client.post(`/api/v1/plans/${plan.id}/versions`, {});
    expect(again.statusCode).toBe(409);
    const after = await entries();
    expect(after.slice(before).map((r) => r.action)).toEqual(['version.cut']);
  });

  it('records reads of a version for redlines and views, and failed sign-ins', async () => {
    const client = await ctx().signIn(ctx().demo.mediatorEmail);
    const versions = (await client.get(`/api/v1/plans/${ctx().demo.planId}/versions`)).json().items;
    const before = (await entries()).length;
    await client.get(`/api/v1/plans/${ctx().demo.planId}/versions/${versions[0].id}`);
    await client.get(`/api/v1/plans/${ctx().demo.planId}/redline?from=${versions[1].id}`);
    await ctx().app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'nobody@example.org', password: 'whatever' },
    });
    const actions = (await entries()).slice(before).map((r) => r.action);
    expect(actions).toEqual(['version.view', 'version.compare', 'auth.sign_in_failed']);
  });
});
