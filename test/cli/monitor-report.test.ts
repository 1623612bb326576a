import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { MonitoringSnapshot } from '../../src/domain/monitoring/monitoring-snapshot.ts';
import type { PlanContent } from '../../src/domain/plans/plan.ts';
import { loadDemoIfEmpty } from '../../src/services/demo/load-demo.ts';
import { type Database, openDatabase } from '../../src/store/database.ts';
import { migrateToLatest } from '../../src/store/migrate.ts';
import { listVersions } from '../../src/store/plans/plans.repository.ts';
import { createTestDatabase, describeEachDatabase } from '../support/databases.ts';
import { REPORT_TEXT, seedReportAgreement, userId } from '../support/monitoring-report-rows.ts';
import { runCli } from './run-cli.ts';

describeEachDatabase('entente monitor report', (dialect) => {
  const dir = mkdtempSync(join(tmpdir(), 'entente-monitor-'));
  const env: Record<string, string> = { ENTENTE_DATA_DIR: dir };
  let drop: (() => Promise<void>) | undefined;
  let processId = '';
  let seeded: Awaited<ReturnType<typeof seedReportAgreement>>;
  const report = (...args: string[]) => runCli(['monitor', 'report', '--process', processId, ...args], env);

  beforeAll(async () => {
    let database: Database;
    if (dialect === 'postgres') {
      const created = await createTestDatabase('postgres');
      database = created.database;
      env.DATABASE_URL = created.url ?? '';
      drop = async () => {
        await created.drop().catch(() => undefined);
      };
    } else {
      database = openDatabase({ kind: 'sqlite', file: join(dir, 'entente.sqlite') });
      await migrateToLatest(database);
    }
    try {
      const demo = await loadDemoIfEmpty(database);
      if (!demo) throw new Error('demo did not load');
      processId = demo.processId;
      const draftTwo = (await listVersions(database.db, demo.planId)).find((v) => v.label === 'Draft 2')!;
      const parties = await database.db
        .selectFrom('parties')
        .select(['id', 'code'])
        .where('process_id', '=', processId)
        .execute();
      const party = (code: string) => parties.find((p) => p.code === code)!.id;
      const full = await database.db
        .selectFrom('versions')
        .select('content')
        .where('id', '=', draftTwo.id)
        .executeTakeFirstOrThrow();
      seeded = await seedReportAgreement(
        database,
        {
          processId,
          planId: demo.planId,
          versionId: draftTwo.id,
          mediatorId: await userId(database, demo.mediatorEmail),
          pointIds: (JSON.parse(full.content) as PlanContent).points.map((p) => p.id),
        },
        { vel: party('VEL'), krf: party('KRF') },
      );
    } finally {
      await database.close().catch(() => undefined);
    }
  }, 120_000);
  afterAll(async () => {
    await drop?.();
  });

  it('prints each commitment with its status, deadline, progress and score, then the aggregates', {
    timeout: 60_000,
  }, async () => {
    const r = await report('--agreement', seeded.agreementId);
    expect(r.code, r.stderr).toBe(0);
    const out = r.stdout;
    expect(out).toContain(`${REPORT_TEXT.title} (${seeded.agreementId}) — as of `);
    expect(out).toContain('Implementation: 33.3 % (4 of 12 score points; 2 of 4 commitments scored)');
    expect(out).toContain('Statuses: 1 in progress, 1 completed, 1 overdue, 1 breached');
    const line = (title: string) => out.split('\n').find((l) => l.includes(title)) ?? '';
    expect(line(REPORT_TEXT.hostages)).toMatch(
      /^#1\s+Release all living hostages\s+Completed\s+.*20 \/ 20 living hostages \(100 %\).*3 — full$/,
    );
    expect(line(REPORT_TEXT.weapons)).toMatch(
      /Overdue\s+\d+ \w{3} \d{4}, \d{2}:\d{2} UTC\s+—\s+1 — minimal$/,
    );
    expect(line(REPORT_TEXT.remains)).toMatch(/In progress .*10 \/ 28 remains \(35\.7 %\)\s+Not scored$/);
    expect(line(REPORT_TEXT.crossings)).toMatch(/Breached\s+No deadline\s+—\s+Not scored$/);
    for (const heading of ['By area', 'By party', 'By phase', 'Totals'])
      expect(out).toMatch(new RegExp(`^${heading}$`, 'm'));
    expect(line('Karst Federation')).toMatch(/Karst Federation\s+2\s+1\s+50 %\s+1 in progress, 1 completed/);
    expect(line('Phase two')).toMatch(/Phase two\s+1\s+0\s+0 %\s+1 in progress/);
    expect(out).not.toContain('Confidential description');
  });

  it('prints the snapshot as JSON, as of an earlier moment', { timeout: 60_000 }, async () => {
    const r = await report('--json', '--as-of', seeded.day(2.5));
    expect(r.code, r.stderr).toBe(0);
    // The demo may hold agreements of its own: pick ours.
    const parsed = JSON.parse(r.stdout) as MonitoringSnapshot | MonitoringSnapshot[];
    const snapshot = (Array.isArray(parsed) ? parsed : [parsed]).find(
      (s) => s.agreement.id === seeded.agreementId,
    )!;
    expect(snapshot.asOf).toBe(seeded.day(2.5));
    expect(snapshot.commitments.map((c) => c.status)).toEqual([
      'completed',
      'not_started',
      'not_started',
      'not_started',
    ]);
    expect(snapshot.totals).toMatchObject({ commitments: 4, scored: 0, percent: 0 });
    expect(snapshot.byParty.map((p) => p.label).sort()).toEqual(['Karst Federation', 'Republic of Veloria']);
    // A date stands for its end, UTC.
    const dated = await report('--json', '--agreement', seeded.agreementId, '--as-of', '2020-01-01');
    expect(dated.code, dated.stderr).toBe(0);
    expect(JSON.parse(dated.stdout).asOf).toBe('2020-01-01T23:59:59.999Z');
  });

  it('refuses a bad moment, an unknown process or agreement with a clear error and exit 1', {
    timeout: 60_000,
  }, async () => {
    const bad = await report('--as-of', 'next tuesday');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(
      /^error: --as-of must be an ISO-8601 date or date-time with offset.*not "next tuesday"/,
    );
    const impossible = await report('--as-of', '2027-02-30');
    expect(impossible.code).toBe(1);
    expect(impossible.stderr).toMatch(/--as-of must be/);
    const process = await runCli(['monitor', 'report', '--process', 'prc_nope'], env);
    expect(process.code).toBe(1);
    expect(process.stderr).toMatch(/^error: process prc_nope does not exist/);
    const agreement = await report('--agreement', 'agr_nope');
    expect(agreement.code).toBe(1);
    expect(agreement.stderr).toMatch(/^error: agreement agr_nope does not exist in process/);
    const missing = await runCli(['monitor', 'report'], env);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/required option '--process <id>' not specified/);
  });
});
