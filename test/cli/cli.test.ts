import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, describeEachDatabase } from '../support/databases.ts';
import { runCli } from './run-cli.ts';

const PLAN = `Framework for the Orlen Valley

The parties agree as follows.

Ceasefire

1. A complete ceasefire takes effect at 12:00 on the day of signature.
2. Forces withdraw 15 km from the line of contact within 72 hours.
   a) heavy weapons first;
   b) then all other units.
3. The Joint Commission meets weekly.

Detainees

4. All detainees are released within 30 days.
5. Remains of the deceased are returned.
`;

const COUNTER = `Framework for the Orlen Valley

The parties agree as follows.

Ceasefire

1. A complete ceasefire takes effect at 12:00 on the day of signature.
2. Forces withdraw 15 km from the line of contact within 72 hours.
   a) heavy weapons first;
   b) then all other units.

Detainees

3. All detainees are released within 30 days.
4. Remains of the deceased are returned.
`;

const dir = mkdtempSync(join(tmpdir(), 'entente-cli-'));
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

describe('entente CLI without a database', () => {
  const env = { ENTENTE_DATA_DIR: join(dir, 'unused') };

  it('parses a plan with --dry-run --json and writes nothing', async () => {
    const r = await runCli(['import', file('plan.txt', PLAN), '--dry-run', '--json'], env);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.title).toBe('Framework for the Orlen Valley');
    expect(out.points.map((p: { number: string }) => p.number)).toEqual(['1', '2', '3', '4', '5']);
    expect(out.points[1]).toMatchObject({ area: 'Ceasefire', items: [{ label: 'a' }, { label: 'b' }] });
    expect(out.points[3].area).toBe('Detainees');
    expect(out.problems).toEqual([]);
  });

  it('exits 1 when no points are found, and reports numbering problems with lines', async () => {
    const none = await runCli(
      ['import', file('prose.txt', 'Just some prose.\n\nNo numbers here.'), '--dry-run', '--json'],
      env,
    );
    expect(none.code).toBe(1);
    expect(JSON.parse(none.stdout).points).toEqual([]);
    const gap = await runCli(
      ['import', file('gap.txt', '1. One.\n2. Two.\n4. Four.\n'), '--dry-run', '--json'],
      env,
    );
    expect(gap.code).toBe(0);
    expect(JSON.parse(gap.stdout).problems).toEqual([{ line: 3, message: expect.stringMatching(/3/) }]);
  });

  it('refuses missing, empty, binary and huge files with a message and a non-zero exit', {
    timeout: 60_000,
  }, async () => {
    const missing = await runCli(['import', join(dir, 'nope.txt'), '--dry-run'], env);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/not found/);
    const empty = await runCli(['import', file('empty.txt', ''), '--dry-run'], env);
    expect(empty.code).toBe(1);
    const binary = await runCli(
      ['import', file('bin.txt', Buffer.from([0, 1, 2, 3, 255, 0, 7, 0, 9])), '--dry-run'],
      env,
    );
    expect(binary.code).toBe(1);
    const huge = await runCli(
      ['import', file('huge.txt', Buffer.alloc(50 * 1024 * 1024, 'a')), '--dry-run'],
      env,
    );
    expect(huge.code).toBe(1);
    expect(huge.stderr).toMatch(/20 MB/);
    for (const r of [missing, empty, binary, huge]) expect(r.stderr + r.stdout).not.toMatch(/\n\s+at /);
  });

  it('redlines two texts by content: a deleted point is one deletion', async () => {
    const r = await runCli(['diff', file('base.txt', PLAN), file('counter.txt', COUNTER), '--json'], env);
    expect(r.code).toBe(0);
    const changes = JSON.parse(r.stdout).changes as { kind: string; old: string[]; new: string[] }[];
    expect(changes.filter((c) => c.kind !== 'unchanged')).toEqual([
      expect.objectContaining({ kind: 'deleted', old: ['3'], new: [] }),
    ]);
    expect(changes).toHaveLength(5);
  });

  it('has help for every command', { timeout: 60_000 }, async () => {
    for (const cmd of [
      'serve',
      'migrate',
      'import',
      'export',
      'diff',
      'user add',
      'token create',
      'member add',
      'audit verify',
      'token list',
      'token revoke',
      'backup',
      'restore',
      'trace',
    ]) {
      const r = await runCli([...cmd.split(' '), '--help'], env);
      expect(r.code, cmd).toBe(0);
      expect(r.stdout).toMatch(/Usage: entente/);
    }
  });
});

describeEachDatabase('entente CLI on a database', (dialect) => {
  const env: Record<string, string> = { ENTENTE_DATA_DIR: mkdtempSync(join(tmpdir(), 'entente-cli-db-')) };
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    if (dialect === 'postgres') {
      const created = await createTestDatabase('postgres');
      await created.database.close();
      env.DATABASE_URL = created.url ?? '';
      drop = async () => {
        await created.drop().catch(() => undefined);
      };
    }
  });
  afterAll(async () => {
    await drop?.();
  });

  it('migrates, creates an admin and a token, imports, exports and diffs stored versions', {
    timeout: 120_000,
  }, async () => {
    expect((await runCli(['migrate'], env)).code).toBe(0);
    const add = await runCli(
      ['user', 'add', '--email', 'Chief@Example.org', '--password-stdin', '--admin'],
      env,
      'a long enough password\n',
    );
    expect(add.code, add.stderr).toBe(0);
    const weak = await runCli(
      ['user', 'add', '--email', 'weak@example.org', '--password-stdin'],
      env,
      'short\n',
    );
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/password/);
    const token = await runCli(['token', 'create', '--email', 'chief@example.org', '--read-only'], env);
    expect(token.stdout.trim()).toMatch(/^ent_/);

    const imported = await runCli(['import', file(`plan-${dialect}.txt`, PLAN), '--json'], env);
    expect(imported.code, imported.stderr).toBe(0);
    const { plan } = JSON.parse(imported.stdout) as { plan: { id: string; pointCount: number } };
    expect(plan.pointCount).toBe(5);

    const md = await runCli(['export', plan.id, '--format', 'md'], env);
    expect(md.stdout).toContain('2. Forces withdraw 15 km');
    const noVersion = await runCli(['export', plan.id, '--format', 'md', '--version', '1'], env);
    expect(noVersion.code).toBe(1);
    expect(noVersion.stderr).toMatch(/has no version 1/);
    const out = join(dir, `plan-${dialect}.docx`);
    const docx = await runCli(['export', plan.id, '--format', 'docx', '--out', out], env);
    expect(docx.code, docx.stderr).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    const bad = await runCli(['export', plan.id, '--format', 'rtf'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--format must be one of/);

    const same = await runCli(
      ['diff', `${plan.id}@draft`, file(`again-${dialect}.txt`, PLAN), '--json'],
      env,
    );
    expect(same.code, same.stderr).toBe(0);
    expect((JSON.parse(same.stdout).changes as { kind: string }[]).every((c) => c.kind === 'unchanged')).toBe(
      true,
    );
    const verified = await runCli(['audit', 'verify'], env);
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stdout).toMatch(/audit log verified: \d+ entries/);
    const missing = await runCli(['diff', `${plan.id}@7`, `${plan.id}@draft`], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/has no version 7/);
  });
});
