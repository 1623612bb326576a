import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

const fixture = (name: string) => join('test/fixtures/analytics', name);
const env = { ENTENTE_DATA_DIR: join(mkdtempSync(join(tmpdir(), 'entente-analyze-')), 'unused') };

describe('entente analyze', () => {
  it('prints the issue-5 JSON for a three-party file with constraints and a good', {
    timeout: 60_000,
  }, async () => {
    const r = await runCli(['analyze', fixture('orlen-valley.json'), '--json'], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual([
      'exact',
      'frontierSize',
      'pareto',
      'nash',
      'kalaiSmorodinsky',
      'leximin',
      'utilitarian',
      'adjustedWinner',
    ]);
    expect(out.exact).toBe(true);
    expect(out.frontierSize).toBe(out.pareto.length);
    expect(out.adjustedWinner).toBeNull();
    for (const key of ['nash', 'kalaiSmorodinsky', 'leximin', 'utilitarian']) {
      const p = out[key];
      expect(Object.keys(p.choice).sort()).toEqual([
        'detainees',
        'monitoring',
        'orlen-dam',
        'sanctions',
        'withdrawal',
      ]);
      expect(Object.keys(p.utility)).toEqual(['veloria', 'karst', 'bcc']);
      // Red lines, constraints and reservations hold.
      expect(p.choice.withdrawal).not.toBe('5km-30d');
      expect(p.choice.sanctions).not.toBe('after-elections');
      if (p.choice.sanctions === 'phased') expect(p.choice.monitoring).toBe('un-mission');
      expect(p.choice.withdrawal === '15km-72h' && p.choice.detainees === 'lists-exchange').toBe(false);
      expect(p.utility.veloria).toBeGreaterThanOrEqual(30);
      expect(p.utility.bcc).toBeGreaterThanOrEqual(25);
    }
    expect(out.nash.utility).toEqual({ veloria: 76.5, karst: 61, bcc: 90 });
    expect(out.leximin.utility).toEqual({ veloria: 70, karst: 68, bcc: 81 });
  });

  it('divides goods by Adjusted Winner and prints a readable table by default', {
    timeout: 60_000,
  }, async () => {
    const json = await runCli(['analyze', fixture('bob-and-carol.json'), '--json'], env);
    expect(json.code).toBe(0);
    const aw = JSON.parse(json.stdout).adjustedWinner;
    expect(aw.split).toBe('retirement-account');
    expect(aw.allocation['retirement-account'].carol).toBeCloseTo(5 / 6, 6);
    expect(aw.allocation.home).toEqual({ carol: 0, bob: 1 });
    expect(aw.utility.carol).toBeCloseTo(170 / 3, 6);
    expect(aw.utility.bob).toBeCloseTo(170 / 3, 6);
    const text = await runCli(['analyze', fixture('orlen-valley.json')], env);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/Pareto frontier: \d+ package\(s\) \(complete\)/);
    expect(text.stdout).toMatch(/Nash\s+76\.50 \/ 61 \/ 90\s+exact/);
    expect(text.stdout).toMatch(/concedes on/);
  });

  it('names the path of every problem in the file', { timeout: 60_000 }, async () => {
    const cases: [string, RegExp][] = [
      ['bad-weights.json', /preferences\.karst\.weights: weights must sum to 100, not 90/],
      ['bad-extra-key.json', /points\[0\]\.options\[0\]\.lable: Unrecognized key/],
      [
        'bad-red-lines.json',
        /points\[0\]: every option of point withdrawal is a red line \(preferences\.bcc\.redLines\[0\]/,
      ],
      [
        'bad-ids.json',
        /preferences\.karst\.redLines\[0\]\[0\]: unknown point sanction[\s\S]*constraints\[0\]\.requires\[1\]\[1\]: unknown option blue-helmets/,
      ],
    ];
    for (const [file, message] of cases) {
      const r = await runCli(['analyze', fixture(file), '--json'], env);
      expect(r.code, file).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    const missing = await runCli(['analyze', fixture('nope.json')], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/file not found/);
  });
});
