import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { rewrap } from '../../src/domain/leak-trace/test-support.ts';
import type { Actor } from '../../src/services/access/sessions.ts';
import { loadDemoIfEmpty } from '../../src/services/demo/load-demo.ts';
import { type ExportFormat, exportPlan } from '../../src/services/plans/export-plan.ts';
import { findUserByEmail, toUser } from '../../src/store/access/users.repository.ts';
import { type Database, openDatabase } from '../../src/store/database.ts';
import { migrateToLatest } from '../../src/store/migrate.ts';
import { listVersions } from '../../src/store/plans/plans.repository.ts';
import { createTestDatabase, describeEachDatabase } from '../support/databases.ts';
import { runCli } from './run-cli.ts';

/** Three recipients in three parties that the demo released Draft 2 to. */
const RECIPIENTS = ['lead@veloria.example', 'lead@karst.example', 'observer@bcc.example'];

describeEachDatabase('entente trace', (dialect) => {
  const dir = mkdtempSync(join(tmpdir(), 'entente-trace-'));
  const env: Record<string, string> = { ENTENTE_DATA_DIR: dir };
  const file = (name: string, content: string | Uint8Array) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  let drop: (() => Promise<void>) | undefined;
  let processId = '';
  const copies: { md: string; docx: Uint8Array }[] = [];

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
      for (const email of RECIPIENTS) {
        const row = await findUserByEmail(database.db, email);
        const actor: Actor = { user: toUser(row!), via: 'session', canWrite: true };
        const as = async (format: ExportFormat) =>
          (await exportPlan(database, actor, demo.planId, draftTwo.id, format)).body;
        copies.push({ md: String(await as('md')), docx: (await as('docx')) as Uint8Array });
      }
    } finally {
      if (dialect === 'sqlite') await database.close();
      else await database.close().catch(() => undefined);
    }
  }, 120_000);
  afterAll(async () => {
    await drop?.();
  });

  it('names the recipient of a pasted, re-wrapped copy and of a Word file, exiting 0', {
    timeout: 60_000,
  }, async () => {
    const pasted = await runCli(['trace', file('leak.txt', rewrap(copies[1]!.md, 60))], env);
    expect(pasted.code, pasted.stderr).toBe(0);
    expect(pasted.stdout).toMatch(
      /^Most likely source: Aurel Vashti <lead@karst\.example> \(Karst Federation\): Draft 2/m,
    );
    expect(pasted.stdout).toMatch(/confidence > 99\.99 %/);
    expect(pasted.stdout).toMatch(/Runner-up: /);
    expect(pasted.stdout).toMatch(/Marks read: \d+ zero-width/);

    const word = await runCli(['trace', file('leak.docx', copies[2]!.docx), '--json'], env);
    expect(word.code, word.stderr).toBe(0);
    const result = JSON.parse(word.stdout);
    expect(result).toMatchObject({
      verdict: 'identified',
      best: {
        channel: 'docx',
        recipient: { email: 'observer@bcc.example', partyName: 'Basin Cooperation Council' },
      },
    });
  });

  it('reads standard input and can be limited to one process', { timeout: 60_000 }, async () => {
    const r = await runCli(['trace', '-', '--process', processId], env, copies[0]!.md);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('lead@veloria.example');
    const unknown = await runCli(['trace', '-', '--process', 'prc_nope'], env, copies[0]!.md);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/process prc_nope does not exist/);
  });

  it('exits 2 when it cannot tell, and 1 on a file it cannot read', { timeout: 60_000 }, async () => {
    const plain = await runCli(['trace', file('unmarked.txt', 'Minutes of the staff meeting.\n')], env);
    expect(plain.code).toBe(2);
    expect(plain.stdout).toMatch(/^Cannot tell: this text carries no marks/);
    const short = copies[0]!.md.split('\n\n')[3]!.split(' ').slice(0, 6).join(' ');
    const few = await runCli(['trace', '-'], env, short);
    expect(few.code).toBe(2);
    expect(few.stdout).toMatch(/Cannot tell who this text was given to: too few marks/);
    const pdf = await runCli(['trace', file('leak.pdf', '%PDF-1.7\n')], env);
    expect(pdf.code).toBe(1);
    expect(pdf.stderr).toMatch(/copy it into a \.txt file/);
    const missing = await runCli(['trace', join(dir, 'nope.txt')], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/not found/);
  });
});

it('has help', async () => {
  const r = await runCli(['trace', '--help'], {
    ENTENTE_DATA_DIR: mkdtempSync(join(tmpdir(), 'entente-trace-')),
  });
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/Usage: entente trace \[options\] <file>/);
});
