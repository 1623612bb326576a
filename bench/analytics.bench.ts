/**
 * Analytics benchmarks, side by side in one run (issue 5): the engine against the HiGHS MILP solver
 * (npm `highs`, WebAssembly; formulations in bench/analytics/highs-models.ts) and against brute-force
 * enumeration where that is feasible, on generated instances with random, spectrum (camps) and
 * correlated (bench/analytics/correlated-instance.ts) utilities and on the demo analysis
 * (bench/analytics/demo-instance.ts). Every row says whether the engine's answer is exact or only
 * within a proven bound, and every comparison checks that the utilities agree within 1e-6.
 * HiGHS runs are capped by a time limit (stated in the row) so the suite stays near two minutes.
 */

import type { NegotiationInstance } from '../src/domain/analytics/analytics-model.ts';
import { branchAndBound } from '../src/domain/analytics/branch-and-bound.ts';
import { type EnumeratedPackage, feasiblePackages } from '../src/domain/analytics/brute-force.ts';
import { linearObjectiveBound } from '../src/domain/analytics/dual-bounds.ts';
import { searchSolutions } from '../src/domain/analytics/exact-solutions.ts';
import { benchmarkInstance, generateInstance } from '../src/domain/analytics/generated-instance.ts';
import { paretoFrontier } from '../src/domain/analytics/pareto-frontier.ts';
import { buildUtilityTable, type UtilityTable } from '../src/domain/analytics/utility-table.ts';
import { correlatedInstance, scoreCorrelation } from './analytics/correlated-instance.ts';
import { demoInstance } from './analytics/demo-instance.ts';
import {
  type HighsOutcome,
  highsFrontier,
  highsLeximin,
  highsUtilitarian,
  loadHighs,
  type Solve,
} from './analytics/highs-models.ts';
import { type BenchRow, type BenchTable, sample } from './harness.ts';

const TOLERANCE = 1e-6;
/** HiGHS time limits, seconds: per utilitarian MILP, per leximin sequence, per frontier sweep. */
const LIMIT = { utilitarian: 10, leximin: 20, frontier: 10 };
/** Branch-and-bound work limit per run of searchSolutions (as in the app). */
const MAX_NODES = 50_000;

interface Case {
  label: string;
  instance: NegotiationInstance;
  /** Small enough to enumerate every package. */
  brute: boolean;
  note: string;
}

const close = (a: number, b: number) => Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
const sameVector = (a: readonly number[] | null, b: readonly number[] | null) =>
  a !== null && b !== null && a.length === b.length && a.every((x, i) => close(x, b[i] ?? Number.NaN));
const sortedGains = (u: readonly number[], table: UtilityTable) =>
  u.map((x, i) => x - (table.reservation[i] ?? 0) / 100).sort((a, b) => a - b);
const fmtVector = (v: readonly number[] | null) =>
  v ? `[${v.map((x) => x.toFixed(2)).join(', ')}]` : 'none';

function verdict(parts: { who: string; ok: boolean | null }[]): string {
  const checked = parts.filter((p) => p.ok !== null);
  if (checked.length === 0) return 'nothing to compare against';
  const bad = checked.filter((p) => !p.ok).map((p) => p.who);
  return bad.length === 0
    ? `answers agree (${checked.map((p) => p.who).join(', ')})`
    : `DISAGREE with ${bad.join(', ')}`;
}

function utilitarianByEngine(table: UtilityTable): { sum: number | null; exact: boolean } {
  const n = table.partyIds.length;
  const ones = new Float64Array(n).fill(1);
  const floors = new Float64Array(n);
  const r = branchAndBound(table, {
    value: (g) => g.reduce((a, x) => a + x, 0),
    bound: linearObjectiveBound(table, ones, floors, null),
    floors,
  });
  const reservations = table.reservation.reduce((a, b) => a + b, 0);
  return { sum: r.options ? (r.value + reservations) / 100 : null, exact: r.exact };
}

function compareLeximin(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (Math.abs(d) > 1e-9) return d;
  }
  return 0;
}

function bruteAnswers(packages: readonly EnumeratedPackage[], table: UtilityTable) {
  let sum: number | null = null;
  let lex: number[] | null = null;
  for (const p of packages) {
    const s = p.utilities.reduce((a, b) => a + b, 0);
    if (sum === null || s > sum) sum = s;
    const g = sortedGains(p.utilities, table);
    if (lex === null || compareLeximin(g, lex) > 0) lex = g;
  }
  return { sum, lex };
}

/** The undominated vectors of two-party packages by one sort and a sweep (O(m log m)). */
function twoPartyFrontier(vectors: readonly number[][]): number[][] {
  const sorted = [...vectors].sort((a, b) => (b[0] ?? 0) - (a[0] ?? 0) || (b[1] ?? 0) - (a[1] ?? 0));
  const kept: number[][] = [];
  let best = -Infinity;
  for (const v of sorted)
    if ((v[1] ?? 0) > best + 1e-9) {
      best = v[1] ?? 0;
      kept.push(v);
    }
  return kept;
}

const sameFrontier = (a: number[][], b: number[][]) => {
  const norm = (xs: number[][]) =>
    [...xs].sort((x, y) => (x[0] ?? 0) - (y[0] ?? 0) || (x[1] ?? 0) - (y[1] ?? 0));
  const na = norm(a);
  const nb = norm(b);
  return na.length === nb.length && na.every((v, i) => sameVector(v, nb[i] ?? null));
};

/** The ratio column prints two decimals; the detail gives engine/HiGHS in full and the speed-up. */
function speedup(engineMs: number, highsMs: number | undefined): string {
  if (highsMs === undefined) return '';
  const times = highsMs / engineMs;
  return `; engine/HiGHS ${(engineMs / highsMs).toPrecision(2)}, i.e. HiGHS/engine ${times >= 100 ? times.toFixed(0) : times.toPrecision(3)}×`;
}

const prefixSums = (v: readonly number[]) => {
  let s = 0;
  return v.map((x) => {
    s += x;
    return s;
  });
};

/**
 * Leximin agreement. Both complete: the sorted gain vectors must be equal. Otherwise the stages
 * both proved must agree (Sₖ, the sum of the k smallest gains), and at the engine's open stage its
 * package's Sₖ must not exceed HiGHS's proven optimum, which must not exceed the engine's bound.
 */
function leximinCheck(
  lex: number[] | null,
  engine: { exact: boolean; bound: number | null; boundOn: string },
  highs: HighsOutcome | null,
  n: number,
): { ok: boolean | null; text: string } {
  if (!highs) return { ok: null, text: '' };
  const stages = highs.stages ?? [];
  const highsDone = highs.status === 'Optimal' && stages.length === n;
  if (highs.status === 'Infeasible') return { ok: lex === null, text: 'HiGHS: infeasible' };
  if (!lex) return { ok: stages.length === 0 ? null : false, text: 'engine found no package' };
  // The engine reports its open leximin stage in words ("sum of the 3 smallest gains").
  const openStage = Number(/sum of the (\d+) smallest/.exec(engine.boundOn)?.[1] ?? Number.NaN);
  const engineProven = engine.exact ? n : Number.isFinite(openStage) ? openStage - 1 : 0;
  const ours = prefixSums(lex);
  if (engine.exact && highsDone) return { ok: sameVector(ours, stages), text: '' };
  const both = Math.min(engineProven, stages.length);
  const parts: string[] = [];
  let ok = true;
  for (let k = 0; k < both; k++) ok &&= close(ours[k] ?? Number.NaN, stages[k] ?? Number.NaN);
  if (both > 0)
    parts.push(`S1${both > 1 ? `…S${both}` : ''} proven by both and ${ok ? 'equal' : 'DIFFERENT'}`);
  const open = engineProven; // 0-based index of the engine's open stage
  const h = stages[open];
  const checkOpen = !engine.exact && Number.isFinite(openStage) && h !== undefined && engine.bound !== null;
  if (checkOpen && h !== undefined && engine.bound !== null) {
    const consistent = (ours[open] ?? 0) <= h + TOLERANCE && h <= engine.bound + TOLERANCE;
    ok &&= consistent;
    parts.push(
      `engine open at S${open + 1}: package ${(ours[open] ?? 0).toFixed(3)} ≤ HiGHS optimum ${h.toFixed(3)} ≤ engine bound ${engine.bound.toFixed(3)}${consistent ? '' : ' VIOLATED'}${close(ours[open] ?? 0, h) ? ' (engine package optimal here)' : ''}`,
    );
  }
  const optimal = highsDone && sameVector(ours, stages);
  if (!engine.exact && optimal) parts.push('engine package is the leximin optimum, proven by HiGHS only');
  if (!engine.exact && highsDone && !optimal)
    parts.push('engine package (unproven) is not the leximin optimum');
  if (!highsDone) parts.push(`HiGHS proved ${stages.length} of ${n} stages within its limit`);
  // HiGHS finished: the utilities must be the optimum's. Otherwise only the proven stages are compared.
  return { ok: highsDone ? ok && optimal : both > 0 || checkOpen ? ok : null, text: parts.join('; ') };
}

async function timeOnce<T>(fn: () => T): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, value };
}

const highsDetail = (o: HighsOutcome, limit: number) =>
  `${o.milps} MILP${o.milps === 1 ? '' : 's'}, status ${o.status}, time limit ${limit} s`;

/** Utilitarian and leximin packages on one instance: engine vs HiGHS vs brute force. */
async function conceptRows(c: Case, solve: Solve | null): Promise<BenchRow[]> {
  const table = buildUtilityTable(c.instance);
  const n = table.partyIds.length;
  const rows: BenchRow[] = [];
  const brute = c.brute ? await timeOnce(() => feasiblePackages(c.instance)) : null;
  const truth = brute ? bruteAnswers(brute.value, table) : null;

  // Utilitarian.
  const util = utilitarianByEngine(table);
  const utilTime = await sample(() => utilitarianByEngine(table), { minRuns: 5, minMs: 200 });
  let hUtil: { ms: number; value: HighsOutcome } | null = null;
  if (solve) {
    hUtil = await timeOnce(() => highsUtilitarian(solve, table, LIMIT.utilitarian));
    if (hUtil.ms < 2000) {
      const again = await timeOnce(() => highsUtilitarian(solve, table, LIMIT.utilitarian));
      hUtil = { ms: Math.min(hUtil.ms, again.ms), value: again.value };
    }
  }
  const hSum = hUtil?.value.utilities[0]?.reduce((a, b) => a + b, 0) ?? null;
  const hSumOk = hUtil
    ? hUtil.value.status === 'Optimal'
      ? hSum !== null && util.sum !== null && close(util.sum, hSum)
      : util.sum === null && hUtil.value.status === 'Infeasible'
    : null;
  const bruteSumOk = truth
    ? truth.sum === null
      ? util.sum === null
      : util.sum !== null && close(util.sum, truth.sum)
    : null;
  rows.push({
    name: `${c.label}: utilitarian, engine B&B (${util.exact ? 'exact' : 'bound only'})`,
    value: utilTime.median,
    p99: utilTime.p99,
    unit: 'ms',
    budget: 200,
    ratio: hUtil ? { against: 'HiGHS', value: utilTime.median / hUtil.ms } : undefined,
    detail: `Σu = ${util.sum?.toFixed(2) ?? 'none'}; ${verdict([
      { who: 'HiGHS', ok: hSumOk },
      { who: 'brute force', ok: bruteSumOk },
    ])}${speedup(utilTime.median, hUtil?.ms)}. Instance: ${c.note}`,
  });
  if (hUtil)
    rows.push({
      name: `${c.label}: utilitarian, HiGHS MILP`,
      value: hUtil.ms,
      unit: 'ms',
      detail: `Σu = ${hSum?.toFixed(2) ?? 'none'}; ${highsDetail(hUtil.value, LIMIT.utilitarian)}`,
    });

  // Leximin (the engine computes it within searchSolutions, together with Nash, KS and utilitarian).
  const all = searchSolutions(table, { maxNodes: MAX_NODES });
  const allTime = await sample(() => searchSolutions(table, { maxNodes: MAX_NODES }), {
    minRuns: 3,
    minMs: 200,
  });
  const lexPkg = all.leximin.package;
  const lex = lexPkg ? sortedGains(lexPkg.utilities, table) : null;
  let hLex: { ms: number; value: HighsOutcome } | null = null;
  if (solve) hLex = await timeOnce(() => highsLeximin(solve, table, LIMIT.leximin));
  const hLexVec = hLex?.value.utilities[0] ? sortedGains(hLex.value.utilities[0], table) : null;
  const lexCheck = leximinCheck(lex, all.leximin, hLex?.value ?? null, n);
  const hLexOk = lexCheck.ok;
  const bruteLexOk = truth ? (truth.lex === null ? lex === null : sameVector(lex, truth.lex)) : null;
  const status = (['leximin', 'nash', 'kalaiSmorodinsky', 'utilitarian'] as const)
    .map((k) => `${k} ${all[k].exact ? 'exact' : `bound ≤ ${all[k].bound?.toFixed(3)} on ${all[k].boundOn}`}`)
    .join('; ');
  rows.push({
    name: `${c.label}: leximin, engine (${all.leximin.exact ? 'exact' : 'bound only'}; all 4 concepts timed)`,
    value: allTime.median,
    p99: allTime.p99,
    unit: 'ms',
    budget: 200,
    ratio: hLex ? { against: 'HiGHS', value: allTime.median / hLex.ms } : undefined,
    detail: `gains ${fmtVector(lex)}; ${verdict([
      { who: 'HiGHS', ok: hLexOk },
      { who: 'brute force', ok: bruteLexOk },
    ])}${lexCheck.text ? ` — ${lexCheck.text}` : ''}${speedup(allTime.median, hLex?.ms)}. ${status}`,
  });
  if (hLex)
    rows.push({
      name: `${c.label}: leximin, HiGHS ordered sums (${n} MILPs max)`,
      value: hLex.ms,
      unit: 'ms',
      detail: `gains ${fmtVector(hLexVec)}; ${highsDetail(hLex.value, LIMIT.leximin)}`,
    });
  if (brute)
    rows.push({
      name: `${c.label}: brute force (${brute.value.length} feasible packages)`,
      value: brute.ms,
      unit: 'ms',
      detail: `Σu = ${truth?.sum?.toFixed(2) ?? 'none'}, leximin gains ${fmtVector(truth?.lex ?? null)}`,
    });
  return rows;
}

/** Two-party Pareto frontier: engine DP vs HiGHS ε-constraint vs brute force. */
async function frontierRows(c: Case, solve: Solve | null): Promise<BenchRow[]> {
  const table = buildUtilityTable(c.instance);
  const frontier = paretoFrontier(table);
  const ours = frontier.packages.map((p) => p.utilities);
  const dp = await sample(() => paretoFrontier(table), { minRuns: 10, minMs: 200 });
  const brute = c.brute
    ? await timeOnce(() => twoPartyFrontier(feasiblePackages(c.instance).map((p) => p.utilities)))
    : null;
  const h = solve ? await timeOnce(() => highsFrontier(solve, table, LIMIT.frontier)) : null;
  const hOk = h ? (h.value.status === 'Optimal' ? sameFrontier(ours, h.value.utilities) : null) : null;
  const rows: BenchRow[] = [
    {
      name: `${c.label}: frontier, engine DP (${frontier.exact ? 'exact' : 'TRUNCATED'})`,
      value: dp.median,
      p99: dp.p99,
      unit: 'ms',
      ratio: h ? { against: 'HiGHS', value: dp.median / h.ms } : undefined,
      detail: `${ours.length} packages; ${verdict([
        { who: 'HiGHS', ok: hOk },
        { who: 'brute force', ok: brute ? sameFrontier(ours, brute.value) : null },
      ])}${h && hOk === null ? ' (HiGHS sweep unfinished: not compared)' : ''}${speedup(dp.median, h?.ms)}${brute ? `, brute force ${(brute.ms / dp.median).toFixed(0)}× slower` : ''}${c.note ? `. Instance: ${c.note}` : ''}`,
    },
  ];
  if (h)
    rows.push({
      name: `${c.label}: frontier, HiGHS ε-constraint sweep on u₂`,
      value: h.ms,
      unit: 'ms',
      detail: `${h.value.utilities.length} packages; ${highsDetail(h.value, LIMIT.frontier)}`,
    });
  if (brute)
    rows.push({
      name: `${c.label}: frontier, brute force + sweep`,
      value: brute.ms,
      unit: 'ms',
      detail: `${brute.value.length} packages`,
    });
  return rows;
}

const correlationNote = (i: NegotiationInstance) =>
  `score correlation parties 1–2: ${scoreCorrelation(i).toFixed(2)}`;

/** Utilitarian and leximin on generated and demo instances, and the two-party frontier, side by side. */
export async function benchAnalytics(): Promise<BenchTable[]> {
  const solve = await loadHighs();
  const big = { parties: 6, points: 30, options: 5 };
  const positive = correlatedInstance({ seed: 7, ...big, correlation: 0.6, reservation: 35 });
  const negative = correlatedInstance({ seed: 8, ...big, correlation: -0.6, reservation: 30 });
  const concepts: Case[] = [
    {
      label: '30×5×6 spectrum',
      instance: benchmarkInstance(),
      brute: false,
      note: 'two camps, red lines, 4 constraints',
    },
    {
      label: '30×5×6 random',
      instance: generateInstance({
        seed: 2026,
        ...big,
        kind: 'random',
        reservation: 35,
        redLinesPerParty: 2,
        constraints: 4,
      }),
      brute: false,
      note: 'independent uniform scores',
    },
    { label: '30×5×6 corr +0.6', instance: positive, brute: false, note: correlationNote(positive) },
    { label: '30×5×6 corr −0.6', instance: negative, brute: false, note: correlationNote(negative) },
    {
      label: 'demo (VEL, KRF, BCC)',
      instance: demoInstance(),
      brute: true,
      note: '5 points, one good, 1 constraint',
    },
    {
      label: '4×8×4 random',
      instance: generateInstance({
        seed: 5,
        parties: 4,
        points: 8,
        options: 4,
        kind: 'random',
        reservation: 30,
        constraints: 2,
      }),
      brute: true,
      note: '4^8 packages',
    },
  ];
  const conceptTable: BenchRow[] = [];
  for (const c of concepts) conceptTable.push(...(await conceptRows(c, solve)));

  const small = { parties: 2, points: 9, options: 4 };
  const pos2 = correlatedInstance({ seed: 21, ...small, correlation: 0.6, reservation: 20 });
  const neg2 = correlatedInstance({ seed: 22, ...small, correlation: -0.8, reservation: 20 });
  const frontiers: Case[] = [
    {
      label: '2×9×4 random',
      instance: generateInstance({ seed: 11, ...small, kind: 'random', reservation: 20 }),
      brute: true,
      note: '',
    },
    { label: '2×9×4 corr +0.6', instance: pos2, brute: true, note: correlationNote(pos2) },
    { label: '2×9×4 corr −0.8', instance: neg2, brute: true, note: correlationNote(neg2) },
    { label: 'demo (VEL, KRF)', instance: demoInstance(['veloria', 'karst']), brute: true, note: '' },
  ];
  const frontierTable: BenchRow[] = [];
  for (const c of frontiers) frontierTable.push(...(await frontierRows(c, solve)));

  return [
    {
      title: `Analytics: utilitarian and leximin packages, engine vs HiGHS${solve ? '' : ' (HiGHS NOT INSTALLED)'} vs brute force`,
      rows: conceptTable,
    },
    {
      title: 'Analytics: two-party Pareto frontier, engine DP vs HiGHS ε-constraint vs brute force',
      rows: frontierTable,
    },
  ];
}
